// Load on the hub's journal intake: N terminals of M shops each sending its journal in batches, one batch at
// a time, to one hub process (the CLI) on a throwaway PostgreSQL with fsync on (or DATABASE_URL's server,
// where it makes and drops its own database). 127.0.0.1 only; bounded in terminals, events and seconds.
//   npx tsx scripts/load-hub.ts [--terminals 500] [--shops 100] [--batch 50] [--seconds 15] [--max-events 300000]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { startPostgres } from '../test/support/postgres';
import { ingestionRows, runIngestion } from './bench/hub-journal';

const { values } = parseArgs({
  options: {
    terminals: { type: 'string', default: '500' },
    shops: { type: 'string', default: '100' },
    batch: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    'max-events': { type: 'string', default: '300000' },
  },
});

function bounded(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} is a whole number from ${min} to ${max}`);
    process.exit(1);
  }
  return n;
}

const options = {
  terminals: bounded('terminals', values.terminals, 1, 2_000),
  shops: bounded('shops', values.shops, 1, 1_000),
  eventsPerBatch: bounded('batch', values.batch, 1, 500),
  seconds: bounded('seconds', values.seconds, 1, 120),
  maxEvents: bounded('max-events', values['max-events'], 1, 2_000_000),
};

const postgres = await startPostgres({ durable: true });
try {
  const result = await runIngestion(postgres.url, options);
  console.log(`Hub journal load, ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} cores (generator, hub and PostgreSQL share them)\n`);
  console.log('| figure | target | median | p95 |\n|---|---|---|---|');
  for (const r of ingestionRows(result)) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
  console.log(`\nCPU seconds over the run: hub ${result.cpu.hub.toFixed(1)}, PostgreSQL ${result.cpu.postgres.toFixed(1)}, generator ${result.cpu.generator.toFixed(1)} (wall ${result.seconds.toFixed(1)} s)`);
} finally {
  await postgres.stop();
}
