import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubPayment } from '../../electron/contract/hub';
import type { HubView, SaleView } from '../../electron/contract/views';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';
import { startFakeHub, type FakeHub } from '../support/fake-hub';

let dataDir: string;
let hub: FakeHub;
let services: PreviewServices;
const hubSecrets = createMemorySecretBox();

async function start() {
  services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    hubSecretBox: hubSecrets,
    dataDir,
    version: 'test',
    shell: 'web-preview',
    hubBackoff: { firstMs: 50, factor: 2, maxMs: 200 },
  });
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-link-'));
  hub = await startFakeHub();
  await hubSecrets.save(null);
  await start();
  await services.handle('owner.setPin', { pin: '2468' });
});
afterEach(async () => {
  await services.dispose();
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hubState = async () => ((await services.handle('hub.status', undefined)) as { value: HubView }).value;
const paymentFor = (sale: SaleView, extra: Partial<HubPayment> = {}): HubPayment => ({
  paymentId: `pay_${sale.saleId}`, saleId: sale.saleId, qrId: sale.qr!.qrId, txnRef: sale.qr!.txnRef, tr: null, amountPaise: sale.amountPaise, currency: 'INR',
  utr: '412345678901', payerVpa: 'customer@okicici', event: 'qr_code.credited', receivedAt: new Date().toISOString(), ...extra,
});
async function sell(amountPaise = 25_000): Promise<SaleView> {
  const created = (await services.handle('sale.create', { amountPaise })) as { ok: boolean; value: SaleView };
  if (!created.ok) throw new Error('no QR');
  return created.value;
}

describe('the counter paired with a shop hub', () => {
  it('a wrong pairing code is refused in plain words and pairs nothing', async () => {
    expect(await services.handle('hub.connect', { url: hub.url, code: '1234567890123450' })).toMatchObject({ ok: false, error: { code: 'hub_unavailable', message: expect.stringMatching(/did not accept that pairing code/) } });
    expect(await hubState()).toMatchObject({ paired: false, state: 'off' });
  });

  it('pairs, tells the hub the QR on screen, and turns the sale paid when BOS\'s payment arrives', async () => {
    expect(await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' })).toMatchObject({ ok: true, value: { paired: true, shopName: 'Sharma Stores', role: 'counter' } });
    await vi.waitFor(async () => expect(await hubState()).toMatchObject({ state: 'connected' }));
    const sale = await sell();
    await vi.waitFor(() => expect(hub.expectations).toEqual([expect.objectContaining({ saleId: sale.saleId, qrId: sale.qr!.qrId, txnRef: sale.qr!.txnRef, amountPaise: 25_000 })]));
    expect(await services.handle('sale.markPaid', { saleId: sale.saleId })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    const seen: SaleView[] = [];
    services.subscribe((event, payload) => event === 'sale.changed' && payload && seen.push(payload as SaleView));
    hub.push(paymentFor(sale));
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ saleId: sale.saleId, state: 'paid', confirmedBy: 'bos', utr: '412345678901', payment: { via: 'hub', payerVpa: 'customer@okicici' } }));
    expect(await hubState()).toMatchObject({ lastPaymentAt: expect.any(String) });
  });

  it('a stream that drops is reopened from its cursor: payments missed meanwhile arrive, none twice', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    await vi.waitFor(() => expect(hub.streams()).toBe(1));
    const first = await sell();
    hub.push(paymentFor(first));
    await vi.waitFor(async () => expect((await services.handle('sale.current', undefined)) as { value: unknown }).toMatchObject({ value: null }));
    hub.dropStreams();
    const second = await sell(30_000);
    hub.push(paymentFor(second));
    await vi.waitFor(async () => expect(await hubState()).toMatchObject({ state: 'connected' }));
    await vi.waitFor(async () => expect((await services.handle('sale.current', undefined)) as { value: unknown }).toMatchObject({ value: null }));
    expect(hub.opens).toEqual([null, '1']);

    // And across a restart: the cursor was kept.
    await services.dispose();
    await start();
    await vi.waitFor(() => expect(hub.opens).toEqual([null, '1', '2']));
    const confirmed = (await services.handle('history.day', { day: new Date().toLocaleDateString('en-CA') })) as { value: { rows: Array<{ state: string }> } };
    expect(confirmed.value.rows.filter((r) => r.state === 'paid')).toHaveLength(2);
  });

  it('money for a sale already cancelled is put on the late list and its History row at once; kept, it is paid, confirmed by BOS', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    await vi.waitFor(() => expect(hub.streams()).toBe(1));
    const sale = await sell();
    await services.handle('sale.cancel', { saleId: sale.saleId });
    const late: unknown[] = [];
    services.subscribe((event, payload) => event === 'payments.lateChanged' && late.push(payload));
    hub.push(paymentFor(sale));
    await vi.waitFor(() => expect(late.at(-1)).toEqual([expect.objectContaining({ saleId: sale.saleId, reason: 'after_cancel', amountPaise: 25_000 })]));
    const today = new Date().toLocaleDateString('en-CA');
    const row = async () => ((await services.handle('history.day', { day: today })) as { value: { rows: Array<Record<string, unknown>> } }).value.rows.find((r) => r.id === sale.saleId);
    expect(await row()).toMatchObject({ state: 'cancelled', latePayment: { amountPaise: 25_000, utr: '412345678901', reason: 'after_cancel' }, canMarkPaidLate: true });
    expect(await services.handle('sale.markPaidLate', { saleId: sale.saleId })).toMatchObject({ ok: true, value: { state: 'paid', confirmedBy: 'bos', utr: '412345678901' } });
    expect(await row()).toMatchObject({ state: 'paid', confirmedBy: 'bos', latePayment: null });
    expect(await services.handle('payments.late', undefined)).toEqual({ ok: true, value: [] });
  });

  it('a revoked counter says the owner must pair it again, and selling goes on', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    await vi.waitFor(async () => expect(await hubState()).toMatchObject({ state: 'connected' }));
    hub.revoke();
    await vi.waitFor(async () => expect(await hubState()).toMatchObject({ state: 'refused', problem: expect.stringMatching(/pair it again/) }));
    const sale = await sell();
    expect(await services.handle('sale.markPaid', { saleId: sale.saleId })).toMatchObject({ ok: true, value: { confirmedBy: 'person' } });
  });

  it('disconnecting stops the link and forgets the credential', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    await vi.waitFor(() => expect(hub.streams()).toBe(1));
    expect(await services.handle('hub.disconnect', undefined)).toMatchObject({ ok: true, value: { paired: false, state: 'off' } });
    await vi.waitFor(() => expect(hub.streams()).toBe(0));
    expect(await hubSecrets.load()).toBeNull();
  });

  it('sends every journal line to the hub in order; offline during 50 sales it sells on and then catches up exactly', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    const first = await sell(1_000);
    await services.handle('sale.markPaid', { saleId: first.saleId, overrides: ['not_confirmed'] });
    await vi.waitFor(() => expect(hub.journal.filter((e) => e.type === 'sale.paid')).toHaveLength(1), { timeout: 5_000 });
    hub.journalDown = true;
    for (let i = 0; i < 50; i += 1) {
      const sale = await sell(1_000 + i);
      await services.handle('sale.cancel', { saleId: sale.saleId });
    }
    hub.journalDown = false;
    await vi.waitFor(() => expect(hub.journal.filter((e) => e.type === 'sale.cancelled')).toHaveLength(50), { timeout: 15_000, interval: 100 });
    const ids = hub.journal.map((e) => e.id);
    expect(hub.batches.flatMap((b) => b.events)).toHaveLength(ids.length); // no line was sent twice
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(hub.journal.some((e) => JSON.stringify(e).match(/"(otp|token|pin)"/))).toBe(false);
    const reported = hub.batches.flatMap((b) => b.reported ?? []).at(-1);
    expect(reported?.sales.cancelled.count).toBe(50);
  });

  it('after a restart it asks the hub where it is and resends nothing the hub holds', async () => {
    await services.handle('hub.connect', { url: hub.url, code: '1357901357901352' });
    const sale = await sell(2_000);
    await services.handle('sale.cancel', { saleId: sale.saleId });
    await vi.waitFor(() => expect(hub.journal.some((e) => e.type === 'sale.cancelled')).toBe(true), { timeout: 5_000 });
    const held = hub.journal.length;
    const sent = hub.batches.flatMap((b) => b.events).length;
    await services.dispose();
    await start();
    const next = await sell(3_000);
    await services.handle('sale.cancel', { saleId: next.saleId });
    await vi.waitFor(() => expect(hub.journal.filter((e) => e.type === 'sale.cancelled')).toHaveLength(2), { timeout: 5_000 });
    const resent = hub.batches.flatMap((b) => b.events).length - sent;
    expect(resent).toBe(hub.journal.length - held);
  });
});
