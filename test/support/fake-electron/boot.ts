import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_ENV, type BootRecord, type ChildMessage, type Command, type CommandMessage, type KeyPress, type Sender } from './protocol';

/** The build the tests load; COUNTER_OUT_DIR as in electron.vite.config.ts and test/support/preview.ts. */
export const OUT_DIR = join(process.cwd(), process.env.COUNTER_OUT_DIR ?? 'out');

const REGISTER = join(process.cwd(), 'test', 'support', 'fake-electron', 'register.ts');

export interface BootOptions {
  /** The build to load (default OUT_DIR): its main/index.js runs, against its own preload/ and renderer/. */
  outDir?: string;
  packaged?: boolean;
  secondInstance?: boolean;
}

export interface BootedMain {
  outDir: string;
  userData: string;
  child: ChildProcess;
  /** Settles when main's `whenReady().then(start)` does, or when the child dies first. */
  started: Promise<{ ok: boolean; message?: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  snapshot(): Promise<BootRecord>;
  invoke(channel: string, input: unknown, from: Sender): Promise<unknown>;
  press(window: number, input: KeyPress): Promise<boolean>;
  command<T>(command: Command): Promise<T>;
  /** Files under userData the child holds open (Linux: /proc/<pid>/fd). */
  openFilesUnder(dir: string): string[];
  /** The child's stdout and stderr so far, for failure messages. */
  output(): string;
  /** Kills the child if it still runs and removes its userData. */
  stop(): Promise<void>;
}

/**
 * Runs `<outDir>/main/index.js` in a child Node process whose `electron` is the recording fake, with a
 * fresh userData (COUNTER_USER_DATA_DIR). Nothing of Electron's binary is needed.
 */
export function bootBuiltMain(options: BootOptions = {}): BootedMain {
  const outDir = options.outDir ?? OUT_DIR;
  const userData = mkdtempSync(join(tmpdir(), 'counter-boot-'));
  const env: NodeJS.ProcessEnv = { ...process.env, COUNTER_USER_DATA_DIR: userData, [FAKE_ENV.packaged]: options.packaged ? '1' : '0', [FAKE_ENV.secondInstance]: options.secondInstance ? '1' : '0' };
  // The built main would load the dev server instead of its own files.
  delete env.ELECTRON_RENDERER_URL;
  const child = fork(join(outDir, 'main', 'index.js'), [], { execArgv: ['--import', 'tsx', '--import', REGISTER], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let startedResolve: (value: { ok: boolean; message?: string }) => void = () => undefined;
  const started = new Promise<{ ok: boolean; message?: string }>((resolve) => (startedResolve = resolve));
  let listeningResolve: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (listeningResolve = resolve));
  child.on('message', (message: ChildMessage) => {
    if (message.kind === 'listening') listeningResolve();
    else if (message.kind === 'started') startedResolve({ ok: message.ok, ...(message.message ? { message: message.message } : {}) });
    else {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    }
  });
  void exited.then(({ code, signal }) => {
    startedResolve({ ok: false, message: `main exited (code ${code}, signal ${signal}) before start settled:\n${output}` });
    for (const waiting of pending.values()) waiting.reject(new Error(`main exited (code ${code}) with a command pending:\n${output}`));
    pending.clear();
  });

  let nextId = 0;
  const gone = exited.then(() => {
    throw new Error(`main is gone:\n${output}`);
  });
  gone.catch(() => undefined);
  const command = async <T>(sent: Command): Promise<T> => {
    await Promise.race([listening, gone]);
    return new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`main is gone:\n${output}`));
      nextId += 1;
      pending.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...sent, id: nextId } satisfies CommandMessage);
    });
  };

  return {
    outDir,
    userData,
    child,
    started,
    exited,
    command,
    snapshot: () => command<BootRecord>({ op: 'snapshot' }),
    invoke: (channel, input, from) => command({ op: 'invoke', channel, input, from }),
    press: async (window, input) => (await command<{ prevented: boolean }>({ op: 'key', window, input })).prevented,
    openFilesUnder(dir) {
      if (process.platform !== 'linux') throw new Error('openFilesUnder reads /proc/<pid>/fd: Linux only');
      const fds = `/proc/${child.pid}/fd`;
      const open: string[] = [];
      for (const fd of readdirSync(fds)) {
        try {
          const target = readlinkSync(join(fds, fd));
          if (target.startsWith(dir)) open.push(target);
        } catch {
          // The descriptor closed between the listing and the read.
        }
      }
      return open;
    },
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the build whose main/index.js carries one deliberate change (preload/ and renderer/ linked from
 * the real build), under .tmp/ so the copy's imports still find node_modules. Proves the checks can fail.
 */
export function brokenBuild(change: { find: string; replace: string }, from: string = OUT_DIR): { outDir: string; remove(): void } {
  const main = readFileSync(join(from, 'main', 'index.js'), 'utf8');
  const found = main.split(change.find).length - 1;
  if (found !== 1) throw new Error(`the built main holds ${JSON.stringify(change.find)} ${found} times, not once: the broken variant would not be what it claims`);
  const parent = join(process.cwd(), '.tmp');
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, 'boot-variant-'));
  mkdirSync(join(outDir, 'main'));
  writeFileSync(join(outDir, 'main', 'index.js'), main.replace(change.find, change.replace));
  for (const dir of ['preload', 'renderer']) symlinkSync(join(from, dir), join(outDir, dir), 'dir');
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
