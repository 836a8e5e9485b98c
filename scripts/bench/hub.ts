// The shop hub: how soon a webhook's payment is on the terminal's stream, and how many webhooks a second
// one hub process takes with 200 terminals streaming (PostgreSQL, autocannon); journal events a second
// from 500 terminals (hub-journal.ts); a shop-day summary over a year of a 300-shop chain (hub-chain.ts,
// BENCH_HUB_CHAIN=0 leaves it out). Bounded in count and time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import type { PairAnswer } from '../../electron/contract/hub';
import { startHub, type StartHubOptions } from '../../electron/hub';
import { issuePairingCode } from '../../electron/hub/pairing';
import { openStore } from '../../electron/hub/store/open';
import { runCli } from '../../test/hub/cli-process';
import { expectation } from '../../test/hub/fixtures';
import { bearer, openStream, razorpayBody, type OpenStream } from '../../test/hub/hub-support';
import { createTestDatabase, startPostgres } from '../../test/support/postgres';
import { chainFigures } from './hub-chain';
import { paidRows } from './paid';
import { ingestionRows, runIngestion } from './hub-journal';
import { ms, quantile, type Row } from './stats';

const LATENCY_WEBHOOKS = Number(process.env.BENCH_HUB_WEBHOOKS ?? 300);
const TERMINALS = 200;
const LOAD_SECONDS = 8;
const LOAD_CONNECTIONS = 20;
const EXPECTED_QRS = 20_000;
const json = { 'content-type': 'application/json' };

async function pair(url: string, code: string, name: string): Promise<PairAnswer> {
  const res = await fetch(`${url}/v1/pair`, { method: 'POST', headers: json, body: JSON.stringify({ code, name }) });
  if (res.status !== 200) throw new Error(`pairing answered ${res.status}`);
  return (await res.json()) as PairAnswer;
}

/** Webhook sent → 200 → payment on the stream, one at a time, hub and terminal in this process. */
async function latencyRows(label: string, location: Pick<StartHubOptions, 'dataDir' | 'databaseUrl'>): Promise<Row[]> {
  const hub = await startHub({ ...location, pairingCode: '3141592653589795' });
  let stream: OpenStream | null = null;
  try {
    const counter = await pair(hub.url, '3141592653589795', 'Bench counter');
    stream = await openStream(hub.url, counter.credential);
    const fromSend: number[] = [];
    const fromAnswer: number[] = [];
    for (let i = 0; i < LATENCY_WEBHOOKS; i += 1) {
      const e = expectation();
      await fetch(`${hub.url}/v1/expectations`, { method: 'POST', headers: { ...json, ...bearer(counter.credential) }, body: JSON.stringify(e) });
      const sent = performance.now();
      const res = await fetch(hub.webhookUrl, { method: 'POST', headers: json, body: JSON.stringify(razorpayBody({ qrId: e.qrId })) });
      await res.arrayBuffer();
      const answered = performance.now();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      const [event] = (await stream.waitFor(i + 1)).slice(-1);
      fromSend.push(event!.at - sent);
      // The stream may be told before the 200 has crossed back: that is 0 ms after the answer.
      fromAnswer.push(Math.max(0, event!.at - answered));
    }
    return [
      { figure: `hub (${label}): webhook 200 → payment on the terminal's stream, ${LATENCY_WEBHOOKS} webhooks`, target: 'p95 ≤ 50 ms', median: ms(quantile(fromAnswer, 0.5)), p95: ms(quantile(fromAnswer, 0.95)) },
      { figure: `hub (${label}): webhook sent → payment on the stream (store commit included)`, target: '< 1 s', median: ms(quantile(fromSend, 0.5)), p95: ms(quantile(fromSend, 0.95)) },
    ];
  } finally {
    stream?.close();
    await hub.close();
  }
}

/** One hub process (the CLI) on PostgreSQL, 200 terminals streaming from it, autocannon posting webhooks that each pay one of their QRs. */
async function loadRows(adminUrl: string): Promise<Row[]> {
  const db = await createTestDatabase(adminUrl);
  const hub = runCli(['--port', '0', '--log-level', 'warn', '--new-webhook-secret'], { DATABASE_URL: db.url });
  const store = await openStore({ databaseUrl: db.url });
  const streams: OpenStream[] = [];
  try {
    const [, url] = await hub.waitFor(/Counter hub listening on (http:\S+)/);
    const [, webhookUrl] = await hub.waitFor(/Webhook URL for BOS: (\S+)\n/);
    const { shop } = await store.openDefaultShop({ registrationId: null, name: null, now: Date.now() });
    const terminals: PairAnswer[] = [];
    for (let i = 0; i < TERMINALS; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, async (_, j) => pair(url!, (await issuePairingCode(store, Date.now(), { shopId: shop.id, role: 'counter' })).code, `Counter ${i + j + 1}`)));
      terminals.push(...batch);
    }
    // The QRs on the 200 screens, written straight to the table: registering 20,000 over HTTP is not what is measured.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `insert into expectations (terminal_id, sale_id, shop_id, qr_id, txn_ref, tr, amount_paise, expires_at, created_at)
       select ($1::text[])[1 + i % $2], 'bench-' || i, $3, 'qr_bench_' || i, 'TXN_bench_' || i, null, 12050, null, now() from generate_series(0, $4 - 1) as i`,
      [terminals.map((t) => t.terminalId), TERMINALS, shop.id, EXPECTED_QRS],
    );
    await client.end();
    for (const t of terminals) streams.push(await openStream(url!, t.credential));

    let serial = 0;
    const answerTimes: number[] = [];
    const run = autocannon({
      url: webhookUrl!,
      method: 'POST',
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      headers: json,
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(razorpayBody({ paymentId: `pay_bench_${serial}`, qrId: `qr_bench_${serial++ % EXPECTED_QRS}` })) }) }],
    });
    run.on('response', (_client, _status, _bytes, responseTime) => answerTimes.push(responseTime));
    const result = await run;
    const taken = result['2xx'];
    // Requests still in flight when autocannon stopped are stored too: count what the store holds.
    await new Promise((r) => setTimeout(r, 500));
    const stored = (await store.counts()).payments;
    const drainStart = performance.now();
    const delivered = () => streams.reduce((n, s) => n + s.events.length, 0);
    while (delivered() < stored && performance.now() - drainStart < 15_000) await new Promise((r) => setTimeout(r, 50));
    const perSecond = taken / result.duration;
    return [
      { figure: `hub (PostgreSQL): webhooks taken per second, ${TERMINALS} terminals streaming, ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s`, target: '≥ 500/s', median: `${Math.round(perSecond)}/s (${taken} × 200, ${result.non2xx} other, ${result.errors} errors)`, p95: '' },
      { figure: 'hub (PostgreSQL): webhook answer time under that load', target: '—', median: ms(quantile(answerTimes, 0.5)), p95: ms(quantile(answerTimes, 0.95)) },
      { figure: 'hub (PostgreSQL): of those, payments on their terminal’s stream', target: 'all', median: `${delivered()} of ${stored} stored`, p95: '' },
    ];
  } finally {
    for (const s of streams) s.close();
    await store.close();
    await hub.stop();
    await db.drop().catch(() => {});
  }
}

export async function hubFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-bench-'));
  // fsync on: a webhook's 200 waits for a real commit, as in a shop.
  const postgres = await startPostgres({ durable: true });
  try {
    rows.push(...(await latencyRows('PGlite', { dataDir })));
    const db = await createTestDatabase(postgres.url);
    try {
      rows.push(...(await latencyRows('PostgreSQL', { databaseUrl: db.url })));
    } finally {
      await db.drop().catch(() => {});
    }
    const paidDir = mkdtempSync(join(tmpdir(), 'counter-hub-bench-paid-'));
    const paidDb = await createTestDatabase(postgres.url);
    try {
      rows.push(...(await paidRows('PGlite', { dataDir: paidDir })));
      rows.push(...(await paidRows('PostgreSQL', { databaseUrl: paidDb.url })));
    } finally {
      await paidDb.drop().catch(() => {});
      rmSync(paidDir, { recursive: true, force: true });
    }
    rows.push(...(await loadRows(postgres.url)));
    rows.push(...ingestionRows(await runIngestion(postgres.url, { terminals: 500, shops: 100, eventsPerBatch: 50, seconds: 8, maxEvents: 200_000 })));
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_HUB_CHAIN !== '0') rows.push(...(await chainFigures()));
  return rows;
}
