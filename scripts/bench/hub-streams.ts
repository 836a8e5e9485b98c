// How many counters' streams one hub process holds, what each costs it in memory, and how soon a webhook's
// payment reaches one of them while all are open (the hub pinging every one each 15 s meanwhile). The built
// hub on PostgreSQL (fsync on); the streams held by child processes (stream-holder.ts), since one process
// may hold only as many sockets as the machine's open-file limit allows. Bounded in count and time.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { razorpayBody } from '../../test/hub/hub-support';
import { createTestDatabase } from '../../test/support/postgres';
import { openFileLimit, residentBytes, startBuiltHub } from './built-hub';
import { clusterCpu, postmasterPid, processCpu } from './hub-cpu';
import { defaultShopId, insertExpectations, insertTerminals } from './hub-terminals';
import { ms, quantile, type Row } from './stats';
import { ARRIVAL_TIMEOUT_MS, type HolderCommand, type HolderReport } from './stream-holder';

const TARGET = 20_000;
const WANTED = Number(process.env.BENCH_STREAMS ?? TARGET);
const SAMPLES = Number(process.env.BENCH_STREAM_SAMPLES ?? 300);
// Ten webhooks a second in all: the sampling spans two of the hub's 15 s ping rounds.
const SAMPLES_PER_SECOND = 10;
// Bounds on a hub that cannot keep up: opening stops after this, sampling after that.
const OPEN_WITHIN_MS = 240_000;
const SAMPLE_WITHIN_MS = 60_000;
const PER_HOLDER = 9_000;
// The hub's own files: stdio, its listening socket, the database pool, the event loop's.
const HUB_FILES = 200;

interface Holder {
  child: ChildProcess;
  next(): Promise<HolderReport>;
  tell(command: HolderCommand): void;
}

function startHolder(): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/stream-holder.ts'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: HolderReport[] = [];
  const waiters: Array<(r: HolderReport) => void> = [];
  child.on('message', (report: HolderReport) => (waiters.length ? waiters.shift()!(report) : queue.push(report)));
  return {
    child,
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve, reject) => {
      waiters.push(resolve);
      child.once('exit', (code) => reject(new Error(`a stream holder exited (${code})`)));
    })),
    tell: (command) => child.send(command),
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function streamRows(adminUrl: string): Promise<Row[]> {
  const db = await createTestDatabase(adminUrl);
  const hub = await startBuiltHub({ DATABASE_URL: db.url });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const holders: Holder[] = [];
  try {
    const limit = openFileLimit(hub.pid);
    const count = Math.min(WANTED, limit - HUB_FILES);
    const shopId = await defaultShopId(client);
    const terminals = await insertTerminals(client, shopId, count, 'streams');
    const step = Math.max(1, Math.floor(count / SAMPLES));
    const sampled = Array.from({ length: Math.min(SAMPLES, count) }, (_, k) => k * step);
    const qrs = await insertExpectations(client, shopId, terminals, sampled, 'streams');

    const slices = Math.ceil(count / PER_HOLDER);
    for (let h = 0; h < slices; h += 1) holders.push(startHolder());
    // Loaded and listening before the clock starts.
    await Promise.all(holders.map((holder) => holder.next()));
    const sliceOf = (index: number) => Math.floor(index / PER_HOLDER);
    // The hub has answered and settled before its memory is read.
    for (let i = 0; i < 20; i += 1) await fetch(`${hub.url}/health`);
    const rssBefore = residentBytes(hub.pid);

    const opening = performance.now();
    holders.forEach((holder, h) => holder.tell({ kind: 'open', url: hub.url, credentials: terminals.slice(h * PER_HOLDER, (h + 1) * PER_HOLDER).map((t) => t.credential), concurrency: 50, withinMs: OPEN_WITHIN_MS }));
    const opened = (await Promise.all(holders.map((holder) => holder.next()))).filter((r) => r.kind === 'opened');
    const openSeconds = (performance.now() - opening) / 1_000;
    const open = opened.reduce((n, r) => n + r.open, 0);
    const failed = opened.reduce((n, r) => n + r.failed, 0);
    const notTried = opened.reduce((n, r) => n + r.notTried, 0);
    const firstError = opened.find((r) => r.firstError)?.firstError ?? null;
    const rssOpen = residentBytes(hub.pid);

    const postmaster = postmasterPid(Number(new URL(adminUrl).port));
    const cpuBefore = { hub: processCpu(hub.pid), postgres: postmaster ? clusterCpu(postmaster) : 0 };
    const sampling = performance.now();
    holders.forEach((holder, h) => {
      const mine = sampled.map((terminal, k) => ({ terminal, k })).filter(({ terminal }) => sliceOf(terminal) === h);
      holder.tell({
        kind: 'sample',
        webhookUrl: hub.webhookUrl,
        everyMs: (1_000 / SAMPLES_PER_SECOND) * holders.length,
        withinMs: SAMPLE_WITHIN_MS,
        samples: mine.map(({ terminal, k }) => {
          const paymentId = `pay_streams_${String(k).padStart(6, '0')}`;
          return { stream: terminal - h * PER_HOLDER, paymentId, body: JSON.stringify(razorpayBody({ paymentId, qrId: qrs[k]! })) };
        }),
      });
    });
    const reports = (await Promise.all(holders.map((holder) => holder.next()))).filter((r) => r.kind === 'sampled');
    const window = (performance.now() - sampling) / 1_000;
    const cpu = { hub: processCpu(hub.pid) - cpuBefore.hub, postgres: postmaster ? clusterCpu(postmaster) - cpuBefore.postgres : 0 };
    const rssEnd = residentBytes(hub.pid);
    const missed = reports.reduce((n, r) => n + r.missed, 0);
    // A payment that never came counts as the timeout, so the percentiles do not leave it out.
    const timedOut = Array.from({ length: missed }, () => ARRIVAL_TIMEOUT_MS);
    const fromAnswer = [...reports.flatMap((r) => r.fromAnswer), ...timedOut];
    const fromSend = [...reports.flatMap((r) => r.fromSend), ...timedOut];
    const notSent = reports.reduce((n, r) => n + r.notSent, 0);
    const notOk = reports.reduce((n, r) => n + r.notOk, 0);
    const stillOpen = reports.reduce((n, r) => n + r.stillOpen, 0);
    const capped = count < WANTED ? ` (capped by this machine's open-file limit of ${limit} a process)` : '';
    const tail = (xs: number[]) => `${ms(quantile(xs, 0.95))}; p99 ${ms(quantile(xs, 0.99))}`;
    return [
      { figure: `hub (PostgreSQL): streams one built hub process holds, opened ${count}${capped}`, target: `≥ ${TARGET.toLocaleString('en-IN')}`, median: `${open} open (${failed} refused${firstError ? `, first: ${firstError.trim()}` : ''}${notTried ? `, ${notTried} not tried within ${OPEN_WITHIN_MS / 1_000} s` : ''}) in ${openSeconds.toFixed(1)} s; ${stillOpen} still open after sampling`, p95: '' },
      { figure: `hub memory per open stream (resident, ${mb(rssBefore)} before, ${mb(rssOpen)} with them open, ${mb(rssEnd)} after sampling)`, target: '—', median: `${(((rssOpen - rssBefore) / Math.max(1, open)) / 1024).toFixed(1)} KB`, p95: '' },
      { figure: `hub with ${open} streams open: webhook 200 → payment on its stream, ${fromAnswer.length} webhooks at up to ${SAMPLES_PER_SECOND}/s${notSent ? ` (${notSent} not sent within ${SAMPLE_WITHIN_MS / 1_000} s)` : ''} (p99 after ;)`, target: 'p99 ≤ 50 ms', median: ms(quantile(fromAnswer, 0.5)), p95: tail(fromAnswer) },
      { figure: `hub with ${open} streams open: webhook sent → payment on its stream (store commit included; ${missed} not there within ${ARRIVAL_TIMEOUT_MS / 1_000} s, counted as that; ${notOk} not 200)`, target: '—', median: ms(quantile(fromSend, 0.5)), p95: tail(fromSend) },
      { figure: `hub with ${open} streams open, over ${window.toFixed(0)} s of sampling (each stream pinged every 15 s): CPU — hub process / PostgreSQL`, target: '—', median: `${((cpu.hub / window) * 100).toFixed(0)} % / ${((cpu.postgres / window) * 100).toFixed(0)} % of a core`, p95: '' },
    ];
  } finally {
    for (const holder of holders) {
      if (holder.child.exitCode === null) holder.tell({ kind: 'close' });
    }
    await Promise.all(holders.map((holder) => (holder.child.exitCode === null ? new Promise((r) => holder.child.once('exit', r)) : null)));
    await client.end();
    await hub.stop();
    await db.drop().catch(() => {});
  }
}
