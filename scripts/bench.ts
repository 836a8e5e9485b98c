// npm run bench: prints figures with their targets. Exits non-zero only if it could not run.
// npm run bench -- hub         one group (scripts/bench/select.ts: groups, hub sections, --chain)
// BENCH_SALES=200 npm run bench shortens the memory run (default 1,000 sales).
import { availableParallelism, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { coreFigures } from './bench/core';
import { hubFigures } from './bench/hub';
import { journalFigures } from './bench/journal';
import { BENCH_USAGE, selectFigures, type Group } from './bench/select';
import type { Row } from './bench/stats';
import { uiFigures } from './bench/ui';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const selection = selectFigures(args);
if ('error' in selection) {
  console.error(selection.error);
  process.exit(2);
}

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
console.log(`Counter bench, ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, commit ${commit}`);
console.log(`Groups: ${selection.groups.join(', ')}${selection.hub.length ? ` (hub: ${selection.hub.join(', ')})` : ''}\n`);
const figures: Record<Group, () => Promise<Row[]>> = {
  journal: journalFigures,
  core: coreFigures,
  hub: () => hubFigures(selection.hub),
  ui: () => uiFigures({ sales: Number(process.env.BENCH_SALES ?? 1_000) }),
};
// Each group's rows as soon as it has them, so a group that fails late loses only its own.
const rows: Row[] = [];
for (const name of selection.groups) {
  const got = await figures[name]();
  rows.push(...got);
  console.log(`\n[${name}]`);
  for (const r of got) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
}
console.log('\n| figure | target | median | p95 |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
