// `npm run hub` as a separate OS process: what an operator runs, and a second hub beside an in-process one.
import { spawn, type ChildProcess } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  // node --import tsx rather than npm/npx: the same program, a second faster to start.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor: (pattern, timeoutMs = 40_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${pattern} in the hub's output:\n${out}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then(() => setTimeout(check, 0));
        check();
      }),
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs a subcommand to its end: its exit code and everything it printed. */
export async function runCliToEnd(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
  const p = runCli(args, env);
  const code = await p.exited;
  return { code, output: p.output() };
}
