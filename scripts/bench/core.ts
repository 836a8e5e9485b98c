// The sale path without the UI (handler → schema → Sales → client → sandbox → journal) against a bare fetch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createMemoryJournal } from '../../electron/core/journal/append';
import { qrSvgPath } from '../../renderer/src/components/qr-path';
import { startPreview } from '../../test/support/preview';
import { quantile, timeIt, timedRow, type Row } from './stats';

export async function coreFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const intent = `upi://pay?ver=01&mode=22&pa=counter.demo@sandbox&pn=Counter%20Sandbox%20Store&tr=SBX0123456789&cu=INR&mc=8299&qrMedium=04&tn=${'P'.repeat(60)}&am=1250.5`.slice(0, 200);
  rows.push(timedRow(`QR encode + SVG path, ${intent.length}-char intent`, 'median ≤ 3 ms', await timeIt(200, () => qrSvgPath(intent))));

  // Interleaved with a bare fetch to the same sandbox, so both see the same machine noise. Run once with the
  // real journal (two fsyncs per sale, as the design requires) and once with it in memory, to show what the fsyncs cost.
  for (const journalKind of ['fsync', 'memory'] as const) {
    const running = await startPreview(journalKind === 'memory' ? { journal: createMemoryJournal() } : {});
    try {
      const url = `${running.services.sandbox()!.url}/api/BOS/V4/DynamicQRCode`;
      let saleId = '';
      const viaHandler: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < 300; i += 1) {
        viaHandler.push(...(await timeIt(1, async () => {
          const result = (await running.services.handle('sale.create', { amountPaise: 1000 })) as { ok: boolean; value: { saleId: string } };
          saleId = result.value.saleId;
        })));
        await running.services.handle('sale.cancel', { saleId });
        bare.push(...(await timeIt(1, async () => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"RegistrationID":"BENCH","amount":"10"}' })).json())));
      }
      const label = journalKind === 'fsync' ? 'journal on disk, 2 fsyncs' : 'journal in memory';
      rows.push(timedRow(`sale.create handler → client → sandbox → ${label}`, '—', viaHandler));
      rows.push(timedRow(`bare fetch → sandbox QR (same run, ${journalKind})`, '—', bare));
      rows.push({ figure: `handler path / bare fetch (medians, ${label})`, target: journalKind === 'fsync' ? '≤ 1.3' : '—', median: (quantile(viaHandler, 0.5) / quantile(bare, 0.5)).toFixed(2), p95: '' });
    } finally {
      await running.stop();
    }
  }

  // Per renderer entry: what each window loads up front (lazy chunks such as the preview bridge excluded).
  const rendererDir = join(process.env.COUNTER_OUT_DIR ?? 'out', 'renderer');
  for (const [entry, page, target] of [
    ['cashier window', 'index.html', '≤ 120 KB'],
    ['customer display', 'customer.html', '—'],
  ] as const) {
    const figure = `${entry} initial JS+CSS (${page}), gzipped`;
    try {
      const html = readFileSync(join(rendererDir, page), 'utf8');
      const assets = [...new Set([...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
      const total = assets.reduce((sum, a) => sum + gzipSync(readFileSync(join(rendererDir, a))).length, 0);
      rows.push({ figure, target, median: `${(total / 1024).toFixed(1)} KB`, p95: '' });
    } catch {
      rows.push({ figure, target, median: 'not built (run electron-vite build)', p95: '' });
    }
  }
  return rows;
}
