// The hub as a partner runs it, for the load figures: built to plain JavaScript (`npm run build:hub`, into
// .tmp/bench-hub so the checkout's out/ is left alone) and run by `node` as its own process, configured by
// its environment. Packages resolve from the checkout's node_modules.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OUT = resolve('.tmp/bench-hub');
let built: Promise<unknown> | null = null;

export interface BuiltHubProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  webhookUrl: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts the built hub on a free port of 127.0.0.1 with a webhook secret of its own; `env` adds settings. */
export async function startBuiltHub(env: Record<string, string>): Promise<BuiltHubProcess> {
  built ??= run('npm', ['run', 'build:hub'], { env: { ...process.env, COUNTER_OUT_DIR: OUT } });
  await built;
  const secret = randomBytes(32).toString('base64url');
  const child = spawn(process.execPath, [resolve(OUT, 'hub', 'cli.js')], {
    env: { ...process.env, PORT: '0', HUB_HOST: '127.0.0.1', HUB_LOG_LEVEL: 'warn', HUB_WEBHOOK_SECRET: secret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      // Only the start is kept: a hub under load may log a warning a second.
      if (out.length < 64_000) out += chunk.toString('utf8');
      const match = /Counter hub listening on (http:\/\/\S+)/.exec(out);
      if (match) done(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => fail(new Error(`the built hub exited (${code}) before listening:\n${out}`)));
  });
  return {
    child,
    pid: child.pid!,
    url,
    webhookUrl: `${url}/bos/webhook/${secret}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A process's resident memory in bytes (Linux). */
export function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** How many files (sockets among them) a process may hold open: its soft limit (Linux). */
export function openFileLimit(pid: number): number {
  const soft = /Max open files\s+(\d+|unlimited)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))?.[1];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}
