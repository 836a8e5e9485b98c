import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StoreError } from './errors';

const LOCK_FILE = 'counter-hub.lock';

/** Who holds the lock: the process, the boot it ran in, and when it started (Linux; null elsewhere). */
interface Holder {
  pid: number;
  boot: string | null;
  started: string | null;
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

const bootId = (): string | null => readText('/proc/sys/kernel/random/boot_id');

/** A process's start, in clock ticks since boot (/proc/<pid>/stat's 22nd field; its name may hold spaces). */
function startOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An earlier hub's lock said only its PID. */
function holderOf(text: string): Holder | null {
  if (/^\d+$/.test(text)) return { pid: Number(text), boot: null, started: null };
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' && value.pid > 0 ? { pid: value.pid, boot: value.boot ?? null, started: value.started ?? null } : null;
  } catch {
    return null;
  }
}

// Directories this process holds: a second open from here is refused without asking the OS.
const heldHere = new Set<string>();

/**
 * Whether the holder still runs. A PID alone cannot say: after kill -9, a container's hub comes back
 * as PID 1 again, or another process takes the PID. So the lock also names the boot and the
 * process's start time, and a holder is alive only when the same boot still runs that PID from the
 * same start. Our own PID in a lock this process did not take is a previous life of ours.
 */
function stillHeld(holder: Holder): boolean {
  if (holder.pid === process.pid) return false;
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  if (!alive(holder.pid)) return false;
  const started = startOf(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

/**
 * PGlite is one process's database: a second PGlite on the same directory would silently keep its own
 * copy and corrupt the first. The lock file says who has it; a lock its holder no longer holds
 * (gone, or its PID now someone else's) is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(resolve(dataDir), LOCK_FILE);
  if (heldHere.has(path)) throw new StoreError(`This process is already using ${dataDir}.`);
  const mine: Holder = { pid: process.pid, boot: bootId(), started: startOf(process.pid) };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' });
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(readText(path) ?? '');
      if (holder && stillHeld(holder)) {
        throw new StoreError(`Another Counter hub (process ${holder.pid}) is using ${dataDir}. Stop it first, or use PostgreSQL to run several. (If no hub is running, delete ${path}.)`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`Could not lock ${dataDir}.`);
}
