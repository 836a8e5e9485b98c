// A year of a busy chain at one hub: 300 shops × 3 counters × 365 days × 11 sales × 3 lines = 10.8 million
// journal events (and their 3.6 million folded sales, and each counter's daily report), made in SQL with
// generate_series, never through HTTP. Built once in its own PostgreSQL cluster under .tmp/hub-chain and
// reused by every later run. The figure: a shop-day summary from the owner's read API, and its plan.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { startHub } from '../../electron/hub';
import { DAY_FIGURES_SQL } from '../../electron/hub/store/owner';
import { openStore } from '../../electron/hub/store/open';
import { findPostgresBin } from '../../test/support/postgres';
import { ms, quantile, type Row } from './stats';

const run = promisify(execFile);
const ROOT = resolve('.tmp/hub-chain');
const SHOPS = 300;
const COUNTERS = 3;
const DAYS = 365;
const SALES_A_DAY = 11;
const CHUNK_SHOPS = 30;
const QUERIES = 300;
// What the database holds; another shape is built afresh.
const SHAPE = `v1 ${SHOPS}x${COUNTERS}x${DAYS}x${SALES_A_DAY}x3`;
const MAX_BUILD_MINUTES = Number(process.env.BENCH_CHAIN_MAX_MINUTES ?? 40);
const ownerKey = (shop: number) => `chain-owner-key-shop-${String(shop).padStart(6, '0')}`;
const FIRST_DAY = '2026-01-01';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The bench's own cluster under .tmp/hub-chain (made if missing), on a free loopback port; stop() keeps its data. */
async function startChainCluster(): Promise<{ url: string; stop(): Promise<void> }> {
  const found = findPostgresBin();
  if ('missing' in found) throw new Error(found.missing);
  const dataDir = join(ROOT, 'data');
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(found.bin, name), ...args];
    return run(command!, rest, { encoding: 'utf8' });
  };
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(ROOT, { recursive: true, force: true });
    mkdirSync(ROOT, { recursive: true });
    if (asRoot) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(ROOT, id('-u'), id('-g'));
    }
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }
  const port = await freePort();
  // Bench data only, rebuilt if lost: fsync off. Memory enough for the index builds; a cache a shop server has.
  const settings = ['-c listen_addresses=127.0.0.1', `-p ${port}`, `-k ${ROOT}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c shared_buffers=1GB', '-c maintenance_work_mem=512MB', '-c max_wal_size=4GB'];
  await tool('pg_ctl', ['-D', dataDir, '-l', join(ROOT, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: async () => void (await tool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => {})) };
}

const at = (d: string, n: string, k: string) => `(timestamptz '${FIRST_DAY} 03:30:00+00' + ${d} * interval '1 day' + ${n} * interval '50 minutes' + ${k} * interval '10 seconds')`;
const amount = '(100 * (1 + ((t.ordinal * 7919 + d * 31 + n * 17) % 2000)))';
const finalType = "case when n % 10 = 9 then 'sale.cancelled' when n % 4 = 3 then 'sale.paid' else 'sale.payment_confirmed' end";
const eventId = (k: string) => `(1796000000000000 + (d * ${SALES_A_DAY} + n) * 3 + ${k})`;
const saleId = "('chain-' || d || '-' || n)";

const TERMINALS_OF = (from: number, to: number) => `(select id, shop_id, row_number() over (order by id) as ordinal from terminals where id like 'term_chain_%' and split_part(id, '_', 3)::int >= ${from} and split_part(id, '_', 3)::int < ${to}) t`;

async function buildChunk(db: pg.Client, from: number, to: number): Promise<void> {
  const series = `cross join generate_series(0, ${DAYS - 1}) d cross join generate_series(0, ${SALES_A_DAY - 1}) n`;
  await db.query(`
    insert into journal_events (terminal_id, event_id, shop_id, type, role, at, day, sale_id, data, received_at)
    select t.id, ${eventId('k')}, t.shop_id,
      case k when 0 then 'sale.requested' when 1 then 'sale.qr_issued' else ${finalType} end, 'staff',
      ${at('d', 'n', 'k')}, date '${FIRST_DAY}' + d, ${saleId},
      jsonb_build_object('saleId', ${saleId}, 'amountPaise', ${amount}) || case k
        when 1 then jsonb_build_object('qrId', 'qr_' || t.id || ${saleId}, 'txnRef', 'TXN' || d || 'x' || n, 'payeeVpa', 'shop@upi')
        when 2 then jsonb_build_object('utr', '41' || d || n, 'paymentId', 'pay_' || d || n)
        else '{}'::jsonb end,
      ${at('d', 'n', 'k')}
    from ${TERMINALS_OF(from, to)} ${series} cross join generate_series(0, 2) k
    order by 1, 2`);
  await db.query(`
    insert into sales (terminal_id, sale_id, shop_id, day, requested, requested_at, hour, amount_paise, state, confirmed_by, qr_id, txn_ref, utr, paid_at,
      paid_after_expiry, paid_after_cancel, last_event_id, updated_at)
    select t.id, ${saleId}, t.shop_id, date '${FIRST_DAY}' + d, true, ${at('d', 'n', '0')}, 9 + (n * 50) / 60, ${amount},
      case when n % 10 = 9 then 'cancelled' else 'paid' end,
      case when n % 10 = 9 then null when n % 4 = 3 then 'person' else 'bos' end,
      'qr_' || t.id || ${saleId}, 'TXN' || d || 'x' || n, case when n % 10 = 9 then null else '41' || d || n end,
      case when n % 10 = 9 then null else ${at('d', 'n', '2')} end, false, false, ${eventId('2')}, now()
    from ${TERMINALS_OF(from, to)} ${series}`);
  // Each counter reported its own day, and agreed.
  await db.query(`
    insert into journal_reports (terminal_id, day, shop_id, sales, as_of_event_id, reported_at)
    select terminal_id, day, shop_id, jsonb_build_object(
      'creating', jsonb_build_object('count', 0, 'paise', 0), 'showing', jsonb_build_object('count', 0, 'paise', 0),
      'paid', jsonb_build_object('count', count(*) filter (where state = 'paid'), 'paise', coalesce(sum(amount_paise) filter (where state = 'paid'), 0)),
      'cancelled', jsonb_build_object('count', count(*) filter (where state = 'cancelled'), 'paise', coalesce(sum(amount_paise) filter (where state = 'cancelled'), 0)),
      'expired', jsonb_build_object('count', 0, 'paise', 0), 'failed', jsonb_build_object('count', 0, 'paise', 0)), max(last_event_id), max(updated_at)
    from sales where shop_id in (select 'shop_chain_' || s from generate_series(${from}, ${to - 1}) s) group by terminal_id, day, shop_id`);
}

/** Builds the chain's database (bounded in time); answers how long it took, or how long it took when it was built. */
async function ensureChain(adminUrl: string): Promise<{ url: string; buildSeconds: number; built: boolean }> {
  const url = adminUrl.replace(/\/postgres$/, '/chain');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = 'chain'")).rowCount === 1;
    if (exists) {
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      try {
        const rows = await db.query("select key, value from hub_config where key in ('bench_chain_shape', 'bench_chain_seconds')").catch(() => ({ rows: [] as { key: string; value: string }[] }));
        const conf = new Map(rows.rows.map((r) => [r.key, r.value]));
        if (conf.get('bench_chain_shape') === SHAPE) return { url, buildSeconds: Number(conf.get('bench_chain_seconds')), built: false };
      } finally {
        await db.end();
      }
      await admin.query('drop database chain with (force)');
    }
    await admin.query('create database chain');
  } finally {
    await admin.end();
  }
  const start = performance.now();
  await (await openStore({ databaseUrl: url })).close();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('set synchronous_commit = off');
    await db.query(`insert into shops (id, registration_id, name, webhook_secret_hash, created_at) select 'shop_chain_' || s, 'BOS-chain-' || s, 'Chain shop ' || s, null, timestamptz '${FIRST_DAY}' from generate_series(0, ${SHOPS - 1}) s`);
    await db.query(`insert into terminals (id, shop_id, name, role, credential_hash, paired_at, last_seen_at) select 'term_chain_' || s || '_' || c, 'shop_chain_' || s, 'Counter ' || (c + 1), 'counter', md5('chain' || s || '_' || c), timestamptz '${FIRST_DAY}', now() from generate_series(0, ${SHOPS - 1}) s cross join generate_series(0, ${COUNTERS - 1}) c`);
    for (let from = 0; from < SHOPS; from += CHUNK_SHOPS) {
      const minutes = (performance.now() - start) / 60_000;
      if (minutes > MAX_BUILD_MINUTES) throw new Error(`The chain database took over ${MAX_BUILD_MINUTES} minutes to build (${from} of ${SHOPS} shops done); BENCH_CHAIN_MAX_MINUTES raises the bound.`);
      await buildChunk(db, from, Math.min(SHOPS, from + CHUNK_SHOPS));
      console.error(`chain database: ${Math.min(SHOPS, from + CHUNK_SHOPS)} of ${SHOPS} shops, ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
    await db.query('vacuum analyze');
    const seconds = (performance.now() - start) / 1000;
    await db.query("insert into hub_config (key, value) values ('bench_chain_shape', $1), ('bench_chain_seconds', $2)", [SHAPE, seconds.toFixed(0)]);
    return { url, buildSeconds: seconds, built: true };
  } finally {
    await db.end();
  }
}

/** Each shop's owner key (what ownerKey() gives), made afresh on every run: 300 rows. */
async function writeOwnerKeys(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query("delete from owner_keys where label = 'Bench'");
    await db.query(
      `insert into owner_keys (id, key_hash, shop_id, label, kind, origin, created_at)
       select 'key_bench_' || s, encode(sha256(convert_to('chain-owner-key-shop-' || lpad(s::text, 6, '0'), 'UTF8')), 'hex'), 'shop_chain_' || s, 'Bench', 'read', 'command', now() from generate_series(0, ${SHOPS - 1}) s`,
    );
  } finally {
    await db.end();
  }
}

/** The shop-day query as the hub prepares it, explained after enough runs for PostgreSQL's generic plan. */
async function explainDayFigures(url: string, shop: string, day: string): Promise<string> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`prepare day_figures(text, text) as ${DAY_FIGURES_SQL}`);
    for (let i = 0; i < 6; i += 1) await db.query(`execute day_figures('${shop}', '${day}')`);
    const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) execute day_figures('${shop}', '${day}')`);
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.end();
  }
}

export async function chainFigures(): Promise<Row[]> {
  const cluster = await startChainCluster();
  try {
    const chain = await ensureChain(cluster.url);
    await writeOwnerKeys(chain.url);
    const db = new pg.Client({ connectionString: chain.url });
    await db.connect();
    const [counts] = (await db.query<{ events: string; sales: string; bytes: string }>("select (select count(*) from journal_events) as events, (select count(*) from sales) as sales, pg_database_size('chain') as bytes")).rows;
    await db.end();
    const hub = await startHub({ databaseUrl: chain.url });
    const times: number[] = [];
    const salesTimes: number[] = [];
    let seed = 12_345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    try {
      for (let i = 0; i < QUERIES; i += 1) {
        const shop = next() % SHOPS;
        const day = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (next() % DAYS) * 86_400_000).toISOString().slice(0, 10);
        const headers = { authorization: `Bearer ${ownerKey(shop)}` };
        let started = performance.now();
        const res = await fetch(`${hub.url}/v1/days/${day}/summary`, { headers });
        const body = (await res.json()) as { counters?: unknown[] };
        times.push(performance.now() - started);
        if (res.status !== 200 || body.counters?.length !== COUNTERS) throw new Error(`summary of shop ${shop} on ${day} answered ${res.status}`);
        started = performance.now();
        const list = await fetch(`${hub.url}/v1/days/${day}/sales`, { headers });
        await list.arrayBuffer();
        salesTimes.push(performance.now() - started);
      }
    } finally {
      await hub.close();
    }
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the shop-day summary's sales query (prepared as the hub does, 7th run), shop_chain_17 on 2026-06-15:\n${await explainDayFigures(chain.url, 'shop_chain_17', '2026-06-15')}\n`);
    const size = `${(Number(counts?.bytes) / 2 ** 30).toFixed(1)} GiB`;
    return [
      { figure: `hub chain database: ${Number(counts?.events).toLocaleString('en-IN')} events, ${Number(counts?.sales).toLocaleString('en-IN')} sales, ${size} (${SHOPS} shops × ${COUNTERS} counters × ${DAYS} days), made in SQL`, target: 'built once, reused', median: `${chain.built ? 'built now' : 'reused; built earlier'} in ${chain.buildSeconds.toFixed(0)} s`, p95: '' },
      { figure: `hub: GET /v1/days/<day>/summary on that database, ${QUERIES} random shop-days (owner key, over HTTP)`, target: 'p95 ≤ 100 ms', median: ms(quantile(times, 0.5)), p95: ms(quantile(times, 0.95)) },
      { figure: 'hub: GET /v1/days/<day>/sales on that database, the same shop-days', target: '—', median: ms(quantile(salesTimes, 0.5)), p95: ms(quantile(salesTimes, 0.95)) },
    ];
  } finally {
    await cluster.stop();
  }
}
