import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HubView, LatePaymentView, SaleView } from '../../electron/contract/views';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';

/**
 * The embedded default end to end, over real HTTP: the sandbox's webhook reaches the in-process hub
 * (PGlite), which pushes it on the counter's stream, and the sale turns paid, confirmed by BOS.
 * The status call is slowed right down here so that only the hub's path can confirm.
 */
let dataDir: string;
let services: PreviewServices;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-embedded-'));
  services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    withEmbeddedHub: { hubDataDir: null },
    statusCallEveryMs: 600_000,
  });
  await vi.waitFor(async () => {
    const hub = ((await services.handle('hub.status', undefined)) as { value: HubView }).value;
    expect(hub).toMatchObject({ paired: true, embedded: true, state: 'connected' });
  }, { timeout: 30_000, interval: 100 });
}, 40_000);
afterAll(async () => {
  await services?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const sell = async (amountPaise: number) => ((await services.handle('sale.create', { amountPaise })) as { value: SaleView }).value;
const changes = () => {
  const seen: SaleView[] = [];
  const off = services.subscribe((event, payload) => event === 'sale.changed' && payload && seen.push(payload as SaleView));
  return { seen, off };
};

describe('the embedded default: sandbox → webhook → hub → counter', () => {
  it('a simulated customer payment turns the sale paid by itself, confirmed by BOS through the hub, with the UTR', async () => {
    const sale = await sell(25_000);
    const { seen, off } = changes();
    const started = performance.now();
    expect(await services.handle('sale.simulatePayment', { saleId: sale.saleId })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ saleId: sale.saleId, state: 'paid', confirmedBy: 'bos', payment: { via: 'hub' } }), { timeout: 5_000, interval: 20 });
    const elapsed = performance.now() - started;
    off();
    const payment = services.sandbox()!.control.payments()[0]!;
    expect(seen.at(-1)).toMatchObject({ utr: payment.rrn, payment: { paymentId: payment.id, payerVpa: payment.payerVpa } });
    expect(elapsed).toBeLessThan(5_000);
  });

  it('a payment for another amount is not taken as paid: the QR stays up with what BOS reports', async () => {
    const sale = await sell(30_000);
    services.sandbox()!.control.setNextWebhookFault('other_amount');
    const { seen, off } = changes();
    await services.handle('sale.simulatePayment', { saleId: sale.saleId });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ saleId: sale.saleId, state: 'showing', reported: { reason: 'other_amount', amountPaise: 29_900 } }), { timeout: 5_000, interval: 20 });
    off();
    await services.handle('sale.cancel', { saleId: sale.saleId });
  });

  it('money that arrives after the sale was cancelled goes on the late list at once', async () => {
    const sale = await sell(12_000);
    await services.handle('sale.cancel', { saleId: sale.saleId });
    const late: LatePaymentView[][] = [];
    const off = services.subscribe((event, payload) => event === 'payments.lateChanged' && late.push(payload as LatePaymentView[]));
    expect(services.sandbox()!.control.pay({ qrId: sale.qr!.qrId })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(late.at(-1)).toEqual([expect.objectContaining({ saleId: sale.saleId, reason: 'after_cancel', amountPaise: 12_000 })]), { timeout: 5_000, interval: 20 });
    off();
  });
});
