// npm run bench: prints figures with their targets. Exits non-zero only if it could not run.
// BENCH_SALES=200 npm run bench shortens the memory run (default 1,000 sales).
import { availableParallelism, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { coreFigures } from './bench/core';
import { hubFigures } from './bench/hub';
import { journalFigures } from './bench/journal';
import type { Row } from './bench/stats';
import { uiFigures } from './bench/ui';

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
console.log(`Counter bench, ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, commit ${commit}\n`);
// Each group's rows as soon as it has them, so a group that fails late loses only its own.
const groups: Array<[string, () => Promise<Row[]>]> = [
  ['journal', journalFigures],
  ['core', coreFigures],
  ['hub', hubFigures],
  ['ui', () => uiFigures({ sales: Number(process.env.BENCH_SALES ?? 1_000) })],
];
const rows: Row[] = [];
for (const [name, figures] of groups) {
  const got = await figures();
  rows.push(...got);
  console.log(`\n[${name}]`);
  for (const r of got) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
}
console.log('\n| figure | target | median | p95 |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
