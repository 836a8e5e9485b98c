// A Counter in a child process (test/support/shop-counter-child.ts) for the SIGKILL test: started on a data
// dir (paired on its first start), told to sell on stdin, killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface Child {
  process: ChildProcess;
  /** Resolves with the next stdout line that has this key. */
  next(key: string): Promise<Record<string, unknown>>;
  sell(paise: number, end: 'paid' | 'cancelled'): Promise<void>;
  kill(): Promise<void>;
}

const running = new Set<Child>();

/** Kills every child still running (a test's teardown). */
export async function killChildren(): Promise<void> {
  for (const child of [...running]) await child.kill();
}

export function startChild(dataDir: string, pairing: [string, string] | [] = []): Child {
  // IST, as the shop's PCs keep: the hub's days and the counter's must be the same days.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test/support/shop-counter-child.ts'), dataDir, ...pairing], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TZ: 'Asia/Kolkata' } });
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let errors = '';
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const whole = buffer.split('\n');
    buffer = whole.pop()!;
    for (const line of whole) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    for (const w of [...waiters]) w();
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  let read = 0;
  const child: Child = {
    process: proc,
    next: (key) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const at = lines.findIndex((l, i) => i >= read && key in l);
          if (at < 0) return;
          read = at + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(lines[at]!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the counter said no "${key}" in time: ${errors}`));
        }, 20_000);
        waiters.add(check);
        void exited.then(() => setTimeout(() => (waiters.has(check) ? (waiters.delete(check), clearTimeout(timer), reject(new Error(`the counter exited: ${errors}`))) : undefined), 0));
        check();
      }),
    async sell(paise, end) {
      proc.stdin!.write(`sell ${paise} ${end}\n`);
      expect(await child.next('sold')).toMatchObject({ state: end });
    },
    async kill() {
      running.delete(child);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
  running.add(child);
  return child;
}

/** The terminal id the child's pairing keeps in its settings file. */
export const terminalOf = (dataDir: string): string => (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { hub: { terminalId: string } }).hub.terminalId;
