// CPU seconds a process (and, for PostgreSQL, its backends) has used, from /proc (Linux): the load runs
// generator, hub and database on the same cores, so each one's share per event is measured apart.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime: children that have ended, seconds. */
  children: number;
}

function stat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { pid, ppid: n(4), own: (n(14) + n(15)) / TICKS_PER_SECOND, children: (n(16) + n(17)) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds of one process. */
export const processCpu = (pid: number): number => stat(pid)?.own ?? 0;

/** The postmaster listening on this port (its command line carries `-p <port>`). */
export function postmasterPid(port: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd[0]?.endsWith('/postgres') && cmd.some((arg, i) => arg === `-p ${port}` || (arg === '-p' && cmd[i + 1] === String(port)) || arg === `-p${port}`)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU seconds of a PostgreSQL cluster: the postmaster, its live backends, and those that have ended. */
export function clusterCpu(postmaster: number): number {
  const root = stat(postmaster);
  if (!root) return 0;
  let total = root.own + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmaster) total += child.own;
  }
  return total;
}
