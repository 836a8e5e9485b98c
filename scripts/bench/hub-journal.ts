// Journal intake under load: many terminals of many shops, each sending its journal in batches, one batch
// at a time (as the counter's sender does), to one hub process on PostgreSQL. Bounded in count and time;
// 127.0.0.1 only. Used by `npm run bench` (short) and scripts/load-hub.ts (flags).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { JournalBatch, PairAnswer } from '../../electron/contract/hub';
import type { JournalEvent } from '../../electron/contract/journal';
import { issuePairingCode } from '../../electron/hub/pairing';
import { hashSecret, newWebhookSecret } from '../../electron/hub/secrets';
import { openStore } from '../../electron/hub/store/open';
import type { Shop } from '../../electron/hub/store/types';
import { runCli } from '../../test/hub/cli-process';
import { createTestDatabase } from '../../test/support/postgres';
import { clusterCpu, postmasterPid, processCpu } from './hub-cpu';
import { ms, quantile, type Row } from './stats';

export interface IngestionOptions {
  terminals: number;
  shops: number;
  eventsPerBatch: number;
  /** The run stops at whichever comes first. */
  seconds: number;
  maxEvents: number;
}

export interface IngestionResult {
  options: IngestionOptions;
  events: number;
  batches: number;
  failures: number;
  seconds: number;
  answerMs: number[];
  /** CPU seconds over the run. */
  cpu: { hub: number; postgres: number; generator: number };
}

const json = { 'content-type': 'application/json' };

/** A counter's day in events: each sale rung up, shown, and paid (BOS confirmed) or cancelled, about 200 bytes a line. */
function journalOf(terminal: number, count: number, startId: number): JournalEvent[] {
  const events: JournalEvent[] = [];
  const base = Date.parse('2026-12-01T04:30:00Z');
  for (let i = 0; events.length < count; i += 1) {
    const saleId = `bench-${terminal}-${i}`;
    const amountPaise = 100 * (1 + ((terminal * 31 + i * 17) % 2_000));
    const at = (k: number) => new Date(base + i * 45_000 + k * 8_000).toISOString();
    const id = (k: number) => startId + i * 3 + k;
    events.push(
      { id: id(0), type: 'sale.requested', at: at(0), terminal: `Counter ${terminal}`, role: 'staff', data: { saleId, amountPaise } },
      { id: id(1), type: 'sale.qr_issued', at: at(1), terminal: `Counter ${terminal}`, role: 'staff', data: { saleId, amountPaise, qrId: `qr_${saleId}`, txnRef: `TXN${terminal}x${i}`, payeeVpa: 'sharmastores@upi', payeeName: 'Sharma Stores' } },
      i % 10 === 9
        ? { id: id(2), type: 'sale.cancelled', at: at(2), terminal: `Counter ${terminal}`, role: 'staff', data: { saleId, amountPaise } }
        : { id: id(2), type: 'sale.payment_confirmed', at: at(2), terminal: `Counter ${terminal}`, role: 'staff', data: { saleId, amountPaise, paymentId: `pay_${saleId}`, utr: `41234${i}`, payerVpa: 'customer@okaxis', via: 'hub', txnRef: `TXN${terminal}x${i}` } },
    );
  }
  return events.slice(0, count);
}

function post(agent: Agent, url: URL, credential: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...json, 'content-length': body.length, authorization: `Bearer ${credential}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One throwaway database, the hub as its own process (the CLI), terminals paired over HTTP, then the load. */
export async function runIngestion(adminUrl: string, options: IngestionOptions): Promise<IngestionResult> {
  const db = await createTestDatabase(adminUrl);
  const hub = runCli(['--port', '0', '--log-level', 'warn'], { DATABASE_URL: db.url });
  const store = await openStore({ databaseUrl: db.url });
  const agent = new Agent({ keepAlive: true, maxSockets: options.terminals });
  try {
    const [, base] = await hub.waitFor(/Counter hub listening on (http:\S+)/);
    const url = new URL('/v1/journal', base);
    const shops: Shop[] = [];
    for (let s = 0; s < options.shops; s += 1) {
      const secret = newWebhookSecret();
      shops.push(await store.createShop({ registrationId: `BOS-bench-${s}`, name: `Bench shop ${s}`, webhookSecretHash: hashSecret(secret), now: Date.now() }));
    }
    const terminals: PairAnswer[] = [];
    for (let t = 0; t < options.terminals; t += 20) {
      const group = await Promise.all(
        Array.from({ length: Math.min(20, options.terminals - t) }, async (_, j) => {
          const { code } = await issuePairingCode(store, Date.now(), { shopId: shops[(t + j) % shops.length]!.id, role: 'counter' });
          const res = await fetch(new URL('/v1/pair', base), { method: 'POST', headers: json, body: JSON.stringify({ code, name: `Counter ${t + j + 1}` }) });
          if (res.status !== 200) throw new Error(`pairing answered ${res.status}`);
          return (await res.json()) as PairAnswer;
        }),
      );
      terminals.push(...group);
    }
    // Bodies made before the clock starts: the generator then only writes bytes.
    const batchesEach = Math.ceil(options.maxEvents / options.terminals / options.eventsPerBatch);
    const bodies = terminals.map((_, t) => {
      const events = journalOf(t, batchesEach * options.eventsPerBatch, 1_796_000_000_000_000);
      return Array.from({ length: batchesEach }, (__, b) => Buffer.from(JSON.stringify({ events: events.slice(b * options.eventsPerBatch, (b + 1) * options.eventsPerBatch) } satisfies JournalBatch)));
    });

    const hubPid = hub.child.pid ?? 0;
    const postmaster = postmasterPid(Number(new URL(adminUrl).port));
    const before = { hub: processCpu(hubPid), postgres: postmaster ? clusterCpu(postmaster) : 0, generator: process.cpuUsage() };
    const answerMs: number[] = [];
    let events = 0;
    let batches = 0;
    let failures = 0;
    const start = performance.now();
    const deadline = start + options.seconds * 1_000;
    await Promise.all(
      terminals.map(async (terminal, t) => {
        for (const body of bodies[t]!) {
          if (performance.now() >= deadline) return;
          const sent = performance.now();
          const status = await post(agent, url, terminal.credential, body).catch(() => 0);
          answerMs.push(performance.now() - sent);
          if (status === 200) {
            batches += 1;
            events += options.eventsPerBatch;
          } else failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1_000;
    const generator = process.cpuUsage(before.generator);
    const cpu = { hub: processCpu(hubPid) - before.hub, postgres: postmaster ? clusterCpu(postmaster) - before.postgres : 0, generator: (generator.user + generator.system) / 1e6 };
    return { options, events, batches, failures, seconds, answerMs, cpu };
  } finally {
    agent.destroy();
    await store.close();
    await hub.stop();
    await db.drop().catch(() => {});
  }
}

const perEvent = (cpuSeconds: number, events: number) => `${((cpuSeconds / Math.max(1, events)) * 1e6).toFixed(0)} µs`;

/** The figures of a run as bench rows, with what two cores for hub and PostgreSQL alone would give. */
export function ingestionRows(r: IngestionResult): Row[] {
  const { terminals, shops, eventsPerBatch } = r.options;
  const perSecond = r.events / r.seconds;
  const serverPerEvent = (r.cpu.hub + r.cpu.postgres) / Math.max(1, r.events);
  const label = `${terminals} terminals of ${shops} shops, ${eventsPerBatch} events a batch`;
  return [
    { figure: `hub journal intake (PostgreSQL): events kept per second, ${label}, ${r.seconds.toFixed(1)} s`, target: '≥ 5,000/s', median: `${Math.round(perSecond)}/s (${r.events} events, ${r.batches} batches, ${r.failures} failed)`, p95: '' },
    { figure: 'hub journal intake: batch answer time under that load', target: '—', median: ms(quantile(r.answerMs, 0.5)), p95: ms(quantile(r.answerMs, 0.95)) },
    { figure: 'hub journal intake: CPU per event — hub process / PostgreSQL / load generator', target: '—', median: `${perEvent(r.cpu.hub, r.events)} / ${perEvent(r.cpu.postgres, r.events)} / ${perEvent(r.cpu.generator, r.events)}`, p95: '' },
    { figure: 'hub journal intake: events/s two cores would give hub and PostgreSQL alone (2 s of CPU a second ÷ their CPU per event)', target: '≥ 5,000/s', median: `${Math.round(2 / serverPerEvent)}/s`, p95: '' },
  ];
}
