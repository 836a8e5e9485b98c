// The shop hub, in sections (scripts/bench/select.ts): how soon a webhook's payment is on the terminal's
// stream (latency); the whole path to a counter's sale Paid (paid.ts); the durable webhook intake against
// PostgreSQL's own commit rate (hub-intake.ts); journal events a second from 500 terminals (hub-journal.ts);
// how many streams one process holds (hub-streams.ts); and, only when asked, a shop-day summary over a
// year of a 300-shop chain (hub-chain.ts). Bounded in count and time; 127.0.0.1 only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PairAnswer } from '../../electron/contract/hub';
import { withCheckDigit } from '../../electron/contract/pairing-code';
import { startHub, type StartHubOptions } from '../../electron/hub';
import { expectation } from '../../test/hub/fixtures';
import { bearer, openStream, razorpayBody, type OpenStream } from '../../test/hub/hub-support';
import { createTestDatabase, startPostgres } from '../../test/support/postgres';
import { chainFigures } from './hub-chain';
import { intakeRows } from './hub-intake';
import { ingestionRows, runIngestion } from './hub-journal';
import { streamRows } from './hub-streams';
import { paidRows } from './paid';
import type { HubSection } from './select';
import { ms, quantile, type Row } from './stats';

const LATENCY_WEBHOOKS = Number(process.env.BENCH_HUB_WEBHOOKS ?? 300);
const json = { 'content-type': 'application/json' };

async function pair(url: string, code: string, name: string): Promise<PairAnswer> {
  const res = await fetch(`${url}/v1/pair`, { method: 'POST', headers: json, body: JSON.stringify({ code, name }) });
  if (res.status !== 200) throw new Error(`pairing answered ${res.status}`);
  return (await res.json()) as PairAnswer;
}

/** Webhook sent → 200 → payment on the stream, one at a time, hub and terminal in this process. */
async function latencyRows(label: string, location: Pick<StartHubOptions, 'dataDir' | 'databaseUrl'>): Promise<Row[]> {
  const code = withCheckDigit('314159265358979');
  const hub = await startHub({ ...location, pairingCode: code });
  let stream: OpenStream | null = null;
  try {
    const counter = await pair(hub.url, code, 'Bench counter');
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

/** Each section's rows printed as it finishes, so a section that fails or is stopped late loses only its own. */
function collector(rows: Row[]) {
  return (section: HubSection, got: Row[]) => {
    console.log(`\n[hub:${section}]`);
    for (const r of got) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
    rows.push(...got);
  };
}

export async function hubFigures(sections: readonly HubSection[]): Promise<Row[]> {
  const rows: Row[] = [];
  const add = collector(rows);
  const has = (section: HubSection) => sections.includes(section);
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-bench-'));
  // fsync on: a webhook's 200 waits for a real commit, as in a shop.
  const postgres = sections.some((s) => s !== 'chain') ? await startPostgres({ durable: true }) : null;
  try {
    if (postgres && has('latency')) {
      const latency = await latencyRows('PGlite', { dataDir });
      const db = await createTestDatabase(postgres.url);
      try {
        latency.push(...(await latencyRows('PostgreSQL', { databaseUrl: db.url })));
      } finally {
        await db.drop().catch(() => {});
      }
      add('latency', latency);
    }
    if (postgres && has('paid')) {
      const paidDir = mkdtempSync(join(tmpdir(), 'counter-hub-bench-paid-'));
      const paidDb = await createTestDatabase(postgres.url);
      try {
        add('paid', [...(await paidRows('PGlite', { dataDir: paidDir })), ...(await paidRows('PostgreSQL', { databaseUrl: paidDb.url }))]);
      } finally {
        await paidDb.drop().catch(() => {});
        rmSync(paidDir, { recursive: true, force: true });
      }
    }
    if (postgres && has('intake')) add('intake', await intakeRows(postgres.url));
    if (postgres && has('journal')) add('journal', ingestionRows(await runIngestion(postgres.url, { terminals: 500, shops: 100, eventsPerBatch: 50, seconds: 8, maxEvents: 200_000 })));
    if (postgres && has('streams')) add('streams', await streamRows(postgres.url));
  } finally {
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (has('chain')) add('chain', await chainFigures());
  else rows.push({ figure: 'hub: shop-day summary over the 10-million-event chain database', target: 'p95 ≤ 100 ms', median: 'not run (npm run bench -- hub --chain)', p95: '' });
  return rows;
}
