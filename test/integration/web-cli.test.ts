import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run web` (the CLI, through tsx) until it prints its data folder, then stops it. */
function runWebCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/web/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no data folder printed: ${out}`));
    }, 15_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/^Data: .+$/m.test(out)) {
        clearTimeout(timer);
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', reject);
  });
}

describe('npm run web', () => {
  it.skipIf(process.platform === 'win32')('keeps its data in the user\'s own 0700 folder, not the shared temp folder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'counter-cli-home-'));
    made.push(home);
    const renderer = join(home, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const env = { PATH: process.env.PATH, HOME: home };
    const out = await runWebCli(env, ['--port', '0', '--renderer-dir', renderer]);
    const dataDir = join(home, '.local', 'share', 'counter-preview');
    expect(out).toContain(`Data: ${dataDir}`);
    expect(out).toMatch(/Customer display \(its own origin\): http:\/\/127\.0\.0\.1:\d+\/customer\.html/);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);

    const out2 = await runWebCli({ ...env, XDG_DATA_HOME: join(home, 'xdg') }, ['--port', '0', '--renderer-dir', renderer]);
    expect(out2).toContain(`Data: ${join(home, 'xdg', 'counter-preview')}`);
  });
});
