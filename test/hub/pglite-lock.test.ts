// Issue 21, item 8: a PGlite hub killed with -9 comes back even when it gets its old PID again (a
// container's PID 1), and a lock whose PID now belongs to another process is no lock; a live hub's is.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { startHub } from '../../electron/hub';

const LOCK = 'counter-hub.lock';
const boot = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

describe("the PGlite hub's lock", () => {
  let dataDir: string;
  let other: ChildProcess | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-lock-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  });
  afterEach(() => {
    other?.kill('SIGKILL');
    other = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A process that is running, and is no hub. */
  const stranger = (): Promise<number> =>
    new Promise((resolve) => {
      other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
      other.once('spawn', () => resolve(other!.pid!));
    });

  it('starts when the lock names its own PID from a life before kill -9 (back as the same PID)', async () => {
    writeFileSync(join(dataDir, LOCK), String(process.pid));
    const hub = await startHub({ dataDir });
    await hub.close();
  }, 60_000);

  it('starts when the PID in the lock now belongs to a process started later than the hub that wrote it', async () => {
    const pid = await stranger();
    writeFileSync(join(dataDir, LOCK), JSON.stringify({ pid, boot: boot(), started: '1' }));
    const hub = await startHub({ dataDir });
    await hub.close();
  }, 60_000);

  it('starts when the lock was written in an earlier boot', async () => {
    const pid = await stranger();
    writeFileSync(join(dataDir, LOCK), JSON.stringify({ pid, boot: 'an-earlier-boot', started: startOf(pid) }));
    const hub = await startHub({ dataDir });
    await hub.close();
  }, 60_000);

  it('refuses while the process named in the lock still runs since it took it, and while this process has the directory open', async () => {
    const pid = await stranger();
    writeFileSync(join(dataDir, LOCK), JSON.stringify({ pid, boot: boot(), started: startOf(pid) }));
    await expect(startHub({ dataDir })).rejects.toThrow(new RegExp(`Another Counter hub \\(process ${pid}\\) is using`));
    rmSync(join(dataDir, LOCK));
    const hub = await startHub({ dataDir });
    try {
      await expect(startHub({ dataDir })).rejects.toThrow(/This process is already using/);
    } finally {
      await hub.close();
    }
  }, 60_000);
});
