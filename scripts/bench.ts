// npm run bench: prints figures with their targets. Exits non-zero only if it could not run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createBosClient } from '../electron/core/bos';
import { createFileJournal, localDay } from '../electron/core/journal/append';
import { foldSales } from '../electron/core/journal/fold';
import { readDay } from '../electron/core/journal/read';
import { startSandbox } from '../electron/sandbox';
import { qrSvgPath } from '../renderer/src/components/qr-path';

interface Row { figure: string; target: string; median: string; p95: string }
const rows: Row[] = [];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;
async function timeIt(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
try {
  const journal = createFileJournal({ dir, terminal: () => 'bench' });
  const appends = await timeIt(2_000, () => journal.append('sale.requested', { saleId: 's', amountPaise: 1000 }));
  rows.push({ figure: 'journal append with fsync (2,000)', target: 'p99 < 10 ms', median: ms(quantile(appends, 0.5)), p95: `${ms(quantile(appends, 0.95))}; p99 ${ms(quantile(appends, 0.99))}` });
  for (let i = 0; i < 8_000; i += 1) await journal.append('sale.paid', { saleId: `s${i}`, amountPaise: 1000 });
  await journal.close();
  const day = localDay(new Date());
  const opens = await timeIt(5, async () => foldSales((await readDay(dir, day)).events));
  rows.push({ figure: 'open + fold a day of 10,000 events', target: '—', median: ms(quantile(opens, 0.5)), p95: ms(quantile(opens, 0.95)) });

  const intent = `upi://pay?ver=01&mode=22&pa=counter.demo@sandbox&pn=Counter%20Sandbox%20Store&tr=SBX0123456789&cu=INR&mc=8299&qrMedium=04&tn=${'P'.repeat(60)}&am=1250.5`.slice(0, 200);
  const renders = await timeIt(200, () => qrSvgPath(intent));
  rows.push({ figure: `QR encode + SVG path, ${intent.length}-char intent`, target: 'median ≤ 3 ms', median: ms(quantile(renders, 0.5)), p95: ms(quantile(renders, 0.95)) });

  const sandbox = await startSandbox();
  const client = createBosClient({ baseUrl: sandbox.url, credentials: async () => ({ registrationId: 'BENCH' }) });
  const viaClient = await timeIt(300, () => client.createDynamicQr({ amountPaise: 1000 }));
  const bare = await timeIt(300, async () => (await fetch(`${sandbox.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"RegistrationID":"BENCH","amount":"10"}' })).json());
  await sandbox.close();
  rows.push({ figure: 'client → sandbox QR (verify included)', target: '—', median: ms(quantile(viaClient, 0.5)), p95: ms(quantile(viaClient, 0.95)) });
  rows.push({ figure: 'bare fetch → sandbox QR', target: '—', median: ms(quantile(bare, 0.5)), p95: ms(quantile(bare, 0.95)) });
  rows.push({ figure: 'client / bare fetch (medians)', target: '≤ 1.3', median: (quantile(viaClient, 0.5) / quantile(bare, 0.5)).toFixed(2), p95: '' });

  try {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const total = assets.reduce((sum, a) => sum + gzipSync(readFileSync(join('out/renderer', a))).length, 0);
    rows.push({ figure: 'renderer initial JS+CSS, gzipped', target: '≤ 120 KB', median: `${(total / 1024).toFixed(1)} KB`, p95: '' });
  } catch {
    rows.push({ figure: 'renderer initial JS+CSS, gzipped', target: '≤ 120 KB', median: 'not built (run electron-vite build)', p95: '' });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`Counter bench, ${new Date().toISOString()}, node ${process.version}\n`);
console.log('| figure | target | median | p95 |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.target} | ${r.median} | ${r.p95} |`);
