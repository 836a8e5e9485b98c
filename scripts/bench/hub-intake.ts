// The hub's durable webhook intake against its floor, side by side in one run on one PostgreSQL (fsync on):
// the built hub as its own process with 200 terminals streaming, autocannon posting webhooks that each pay
// one of their QRs, and pgbench committing single-row inserts of a webhook's size at the same concurrency.
// Rounds alternate (floor, hub; hub, floor; …) so a host getting busier weighs on both. Bounded in time.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStream, razorpayBody, type OpenStream } from '../../test/hub/hub-support';
import { createTestDatabase } from '../../test/support/postgres';
import { startBuiltHub } from './built-hub';
import { clusterCpu, postmasterPid, processCpu } from './hub-cpu';
import { defaultShopId, insertExpectations, insertTerminals } from './hub-terminals';
import { prepareFloor, runFloor } from './pgbench';
import { ms, quantile, type Row } from './stats';

const TERMINALS = 200;
const CONNECTIONS = 20;
const ROUNDS = Number(process.env.BENCH_INTAKE_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 6);
const QRS = 40_000;
const json = { 'content-type': 'application/json' };

interface Cpu {
  hub: number;
  postgres: number;
}

const perUnit = (seconds: number, count: number) => `${((seconds / Math.max(1, count)) * 1e6).toFixed(0)} µs`;
const rate = (xs: readonly number[]) => xs.map((x) => Math.round(x).toLocaleString('en-IN')).join(', ');

export async function intakeRows(adminUrl: string): Promise<Row[]> {
  const hubDb = await createTestDatabase(adminUrl);
  const floorDb = await createTestDatabase(adminUrl);
  await prepareFloor(floorDb.url);
  const hub = await startBuiltHub({ DATABASE_URL: hubDb.url });
  const client = new pg.Client({ connectionString: hubDb.url });
  await client.connect();
  const streams: OpenStream[] = [];
  try {
    const shopId = await defaultShopId(client);
    const terminals = await insertTerminals(client, shopId, TERMINALS, 'intake');
    const qrs = await insertExpectations(client, shopId, terminals, Array.from({ length: QRS }, (_, i) => i % TERMINALS), 'intake');
    for (const t of terminals) streams.push(await openStream(hub.url, t.credential));
    const bodyBytes = Buffer.byteLength(JSON.stringify(razorpayBody({ paymentId: 'pay_bench_0000000', qrId: qrs[0]! })));
    const postmaster = postmasterPid(Number(new URL(adminUrl).port));
    const cpuNow = (): Cpu => ({ hub: processCpu(hub.pid), postgres: postmaster ? clusterCpu(postmaster) : 0 });

    const hubRates: number[] = [];
    const floorRates: number[] = [];
    const answerMs: number[] = [];
    const floorMs: number[] = [];
    const hubCpu: Cpu = { hub: 0, postgres: 0 };
    let floorPostgresCpu = 0;
    let taken = 0;
    let floorInserts = 0;
    let other = 0;
    let errors = 0;
    let serial = 0;

    const floorRound = async () => {
      const before = cpuNow();
      const floor = await runFloor(floorDb.url, { clients: CONNECTIONS, seconds: SECONDS, bodyBytes });
      floorPostgresCpu += cpuNow().postgres - before.postgres;
      floorRates.push(floor.perSecond);
      floorInserts += floor.transactions;
      floorMs.push(...floor.latencyMs);
    };
    const hubRound = async () => {
      const before = cpuNow();
      const load = autocannon({
        url: hub.webhookUrl,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: json,
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(razorpayBody({ paymentId: `pay_bench_${String(serial).padStart(7, '0')}`, qrId: qrs[serial++ % QRS]! })) }) }],
      });
      load.on('response', (_client, _status, _bytes, responseTime) => answerMs.push(responseTime));
      const result = await load;
      const after = cpuNow();
      hubCpu.hub += after.hub - before.hub;
      hubCpu.postgres += after.postgres - before.postgres;
      hubRates.push(result['2xx'] / result.duration);
      taken += result['2xx'];
      other += result.non2xx;
      errors += result.errors;
      await drained(client, streams);
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        await floorRound();
        await hubRound();
      } else {
        await hubRound();
        await floorRound();
      }
    }

    const stored = await paymentsStored(client);
    const delivered = streams.reduce((n, s) => n + s.events.length, 0);
    const hubMedian = quantile(hubRates, 0.5);
    const floorMedian = quantile(floorRates, 0.5);
    const label = `${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s`;
    return [
      { figure: `hub (PostgreSQL, fsync on): webhooks stored a second, built hub (node out/hub/cli.js), ${TERMINALS} terminals streaming, ${label}`, target: '≥ 500/s', median: `${Math.round(hubMedian)}/s (rounds ${rate(hubRates)}; ${taken} × 200, ${other} other, ${errors} errors)`, p95: '' },
      { figure: `PostgreSQL floor, same cluster and run: single-row inserts committed a second (pgbench -M prepared, ${CONNECTIONS} clients, ${bodyBytes}-byte rows, alternating with the hub)`, target: '—', median: `${Math.round(floorMedian)}/s (rounds ${rate(floorRates)}; ${floorInserts} inserts)`, p95: '' },
      { figure: 'hub webhook intake / PostgreSQL floor (medians of the rounds, same run; each round\'s own after ;)', target: '≥ 0.5 (later)', median: (hubMedian / floorMedian).toFixed(3), p95: hubRates.map((h, i) => (h / floorRates[i]!).toFixed(3)).join(', ') },
      { figure: 'hub: webhook answer time under that load (p99 after ;)', target: '—', median: ms(quantile(answerMs, 0.5)), p95: `${ms(quantile(answerMs, 0.95))}; p99 ${ms(quantile(answerMs, 0.99))}` },
      { figure: 'floor: pgbench insert time under its load (p99 after ;)', target: '—', median: ms(quantile(floorMs, 0.5)), p95: `${ms(quantile(floorMs, 0.95))}; p99 ${ms(quantile(floorMs, 0.99))}` },
      { figure: 'CPU per webhook — hub process / PostgreSQL; PostgreSQL per floor insert', target: '—', median: `${perUnit(hubCpu.hub, taken)} / ${perUnit(hubCpu.postgres, taken)}; ${perUnit(floorPostgresCpu, floorInserts)}`, p95: '' },
      { figure: 'hub: of the webhooks stored, payments on their terminal’s stream', target: 'all', median: `${delivered} of ${stored} stored`, p95: '' },
    ];
  } finally {
    for (const s of streams) s.close();
    await client.end();
    await hub.stop();
    await hubDb.drop().catch(() => {});
    await floorDb.drop().catch(() => {});
  }
}

async function paymentsStored(client: pg.Client): Promise<number> {
  return Number((await client.query<{ n: string }>('select count(*) as n from payments')).rows[0]!.n);
}

/**
 * Every stored payment is on its terminal's stream, and the count held still for three looks (requests in
 * flight when autocannon stopped commit after it), or 15 s have passed: the next round starts on a quiet hub.
 */
async function drained(client: pg.Client, streams: readonly OpenStream[]): Promise<void> {
  const start = performance.now();
  let quiet = 0;
  while (quiet < 3 && performance.now() - start < 15_000) {
    const stored = await paymentsStored(client);
    quiet = streams.reduce((n, s) => n + s.events.length, 0) >= stored ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}
