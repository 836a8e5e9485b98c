// The whole path a cashier waits on: the customer pays (the sandbox posts BOS's webhook), the hub commits
// it and pushes it down the counter's stream, the counter journals it (fsync) and its sale turns Paid.
// A real counter (the app's services, journal on disk) paired with a real hub, one sale at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SaleView } from '../../electron/contract/views';
import { startHub, type StartHubOptions } from '../../electron/hub';
import { createPreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';
import { ms, quantile, type Row } from './stats';

const SALES = Number(process.env.BENCH_PAID_SALES ?? 100);

export async function paidRows(label: string, location: Pick<StartHubOptions, 'dataDir' | 'databaseUrl'>): Promise<Row[]> {
  const hub = await startHub({ ...location, pairingCode: '2718281828459040' });
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-paid-'));
  const services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    hubSecretBox: createMemorySecretBox(),
    dataDir,
    version: 'bench',
    shell: 'web-preview',
    // The hub's push alone: no status call racing it.
    statusCallEveryMs: 600_000,
  });
  try {
    const paired = await services.pairHub(hub.url, '2718281828459040');
    if (!paired.ok) throw new Error(`pairing: ${paired.error.message}`);
    for (let tries = 0; ; tries += 1) {
      const link = (await services.handle('hub.status', undefined)) as { ok: boolean; value?: { state: string } };
      if (link.value?.state === 'connected') break;
      if (tries > 300) throw new Error('the counter did not connect to the hub');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sandbox = services.sandbox()!;
    sandbox.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
    let waiting: { saleId: string; resolve: (at: number) => void } | null = null;
    services.subscribe((event, payload) => {
      const sale = payload as SaleView | null;
      if (event === 'sale.changed' && sale && waiting && sale.saleId === waiting.saleId && sale.state === 'paid' && sale.confirmedBy === 'bos') waiting.resolve(performance.now());
    });
    const times: number[] = [];
    for (let i = 0; i < SALES; i += 1) {
      const created = await services.handle('sale.create', { amountPaise: 10_000 + i });
      if (!created.ok) throw new Error(`sale: ${created.error.message}`);
      const sale = created.value as SaleView;
      const paid = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sale ${i} was not paid within 10 s`)), 10_000);
        waiting = { saleId: sale.saleId, resolve: (at) => (clearTimeout(timer), resolve(at)) };
      });
      const start = performance.now();
      const pay = sandbox.control.pay({ qrId: sale.qr!.qrId });
      if (!pay.ok) throw new Error(`pay: ${pay.error.message}`);
      times.push((await paid) - start);
    }
    return [{ figure: `counter + hub (${label}): the customer pays → webhook → hub → stream → the counter's sale Paid (journal fsync'd), ${SALES} sales`, target: '< 1 s; p95 ≤ 50 ms', median: ms(quantile(times, 0.5)), p95: ms(quantile(times, 0.95)) }];
  } finally {
    await services.dispose();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
