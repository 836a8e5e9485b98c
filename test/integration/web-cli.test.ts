import { spawn, spawnSync } from 'node:child_process';
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
    }, 40_000);
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
    const out = await runWebCli(env, ['--port', '0', '--renderer-dir', renderer, '--no-embedded-hub']);
    const dataDir = join(home, '.local', 'share', 'counter-preview');
    expect(out).toContain(`Data: ${dataDir}`);
    expect(out).toMatch(/Customer display \(its own origin\): http:\/\/127\.0\.0\.1:\d+\/customer\.html/);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);

    const out2 = await runWebCli({ ...env, XDG_DATA_HOME: join(home, 'xdg') }, ['--port', '0', '--renderer-dir', renderer, '--no-embedded-hub']);
    expect(out2).toContain(`Data: ${join(home, 'xdg', 'counter-preview')}`);
  }, 90_000);

  it('answers an unknown flag with what it takes (exit 2), and --help with the same', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/web/cli.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
    const bad = run('--prot', '4180');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--prot'/);
    expect(bad.stderr).toMatch(/npm run web -- \[--port 4180\]/);
    expect(bad.stderr).not.toMatch(/at parseArgs|node:internal/);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--hub URL --pairing-code C/);
  }, 60_000);
});
