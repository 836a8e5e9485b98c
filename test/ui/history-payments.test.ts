import type { Page } from 'playwright';
import { describe, expect, it, vi } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HistoryView, HubView, SaleView } from '../../electron/contract/views';
import { localDay } from '../../electron/core/journal/append';
import { hi } from '../../renderer/src/i18n/hi';
import { englishOnHindiScreen } from '../support/hindi-books';
import type { RunningPreview } from '../support/preview';
import { usePreviewOnDemand } from '../support/ui';

/**
 * History for payments: who confirmed each paid sale, money BOS reported after a sale was
 * cancelled (kept or refunded), and a cancelled sale the customer paid after all. With the
 * embedded hub, the sandbox's webhook reaches the counter as BOS's would; the status call is
 * slowed right down so only the hub confirms.
 */
const ui = usePreviewOnDemand();
const WITH_HUB = { withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 } as const;
const today = localDay(new Date());
let running: RunningPreview;
let page: Page;

async function open(options: { hub: boolean; language?: 'hi' }) {
  page = await ui.open({ owner: true, ...(options.hub ? { overrides: WITH_HUB } : {}), ...(options.language ? { settings: { language: options.language }, amountLabel: hi.sell.amount } : {}) });
  running = ui.running();
  if (!options.hub) return;
  // Pairing with the embedded hub happens in the background: wait for it, never sleep.
  await vi.waitFor(async () => expect(await call<HubView>('hub.status')).toMatchObject({ paired: true, state: 'connected' }), { timeout: 30_000, interval: 100 });
}

async function call<T>(op: string, input?: unknown): Promise<T> {
  const result = (await running.services.handle(op, input)) as PosResult<T>;
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
}

const rowOf = (amount: string) => page.locator('.history-table tbody tr', { hasText: amount });
const rowState = async (saleId: string) => (await call<HistoryView>('history.day', { day: today })).rows.find((r) => r.id === saleId);

async function openHistory() {
  await page.keyboard.press('F6');
  await page.getByRole('table').waitFor();
}

/** A sale cancelled on screen, then paid by the customer anyway: BOS's webhook reaches the hub after the cancel. */
async function paidAfterCancel(amountPaise: number): Promise<SaleView> {
  const sale = await call<SaleView>('sale.create', { amountPaise });
  await call('sale.cancel', { saleId: sale.saleId });
  expect(running.services.sandbox()!.control.pay({ qrId: sale.qr!.qrId })).toMatchObject({ ok: true });
  await vi.waitFor(async () => expect(await rowState(sale.saleId)).toMatchObject({ latePayment: { amountPaise, reason: 'after_cancel' } }), { timeout: 10_000, interval: 50 });
  return sale;
}

describe('History says how each sale was paid', () => {
  it('a sale BOS confirmed says so, one marked by hand says so, and the summary counts each', async () => {
    await open({ hub: true });
    const byBos = await call<SaleView>('sale.create', { amountPaise: 25_000 });
    await call('sale.simulatePayment', { saleId: byBos.saleId });
    await vi.waitFor(async () => expect(await rowState(byBos.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'bos' }), { timeout: 10_000, interval: 50 });
    const open_ = await call<SaleView>('sale.create', { amountPaise: 12_300 });
    await openHistory();

    // With a hub connected, marking paid by hand is asked once more: BOS has not confirmed it.
    const row = rowOf('₹123.00');
    await row.getByRole('button', { name: 'Paid…' }).click();
    await row.getByRole('button', { name: 'Yes, it was paid' }).click();
    await row.getByText('BOS has not confirmed this payment. Mark paid anyway?').waitFor();
    await expect(rowState(open_.saleId)).resolves.toMatchObject({ state: 'showing' });
    await row.getByRole('button', { name: 'Mark paid anyway' }).click();
    await row.getByTestId('confirmed-by').waitFor();

    await expect(rowOf('₹250.00').getByTestId('confirmed-by').textContent()).resolves.toContain('Confirmed by BOS');
    await expect(row.getByTestId('confirmed-by').textContent()).resolves.toContain('Marked paid by hand');
    await expect(page.getByTestId('paid-by-bos').textContent()).resolves.toContain('1 confirmed by BOS');
    await expect(page.getByTestId('paid-by-hand').textContent()).resolves.toContain('1 marked paid by hand');
    // The UTR BOS sent is on the row, whole.
    const payment = running.services.sandbox()!.control.payments()[0]!;
    await expect(rowOf('₹250.00').getByTestId('utr').locator('.ref').textContent()).resolves.toBe(payment.rrn);
  });
});

describe('money that came after a sale was cancelled', () => {
  it('says how much arrived, and Keep records the sale paid, confirmed by BOS, paid after cancel', async () => {
    await open({ hub: true });
    const sale = await paidAfterCancel(25_000);
    await openHistory();
    const row = rowOf('₹250.00');
    await expect(row.getByTestId('late-payment').textContent()).resolves.toBe('₹250.00 arrived after it was cancelled: refund or keep');
    await row.getByRole('button', { name: 'Keep (mark paid)' }).click();
    await row.getByText('Keep ₹250.00 and record this sale as paid?').waitFor();
    await row.getByRole('button', { name: 'Yes, keep it' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    await expect(row.getByTestId('confirmed-by').textContent()).resolves.toContain('Confirmed by BOS');
    await expect(row.getByText('paid after it was cancelled').count()).resolves.toBe(1);
    await expect(row.getByTestId('late-payment').count()).resolves.toBe(0);
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'bos', paidAfterCancel: true, latePayment: null });
  });

  it('Refunded to customer takes it off, leaving the sale cancelled; in Hindi every word is Hindi', async () => {
    await open({ hub: true, language: 'hi' });
    const sale = await paidAfterCancel(12_000);
    await openHistory();
    const row = rowOf('₹120.00');
    await expect(row.getByTestId('late-payment').textContent()).resolves.toBe(hi.history.latePayment.after_cancel('₹120.00'));
    const shown = await englishOnHindiScreen(page);
    expect(shown.english).toEqual([]);
    expect(shown.latin).toEqual([]);
    await row.getByRole('button', { name: hi.history.refundedLate }).click();
    await row.getByRole('button', { name: hi.history.yesRefunded }).click();
    await row.getByTestId('late-payment').waitFor({ state: 'detached' });
    await expect(row.locator('.state-tag').textContent()).resolves.toBe(hi.history.saleStates.cancelled);
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'cancelled', latePayment: null });
    expect(await call('payments.late')).toEqual([]);
  });
});

describe('a cancelled sale the customer paid after all', () => {
  it('is recorded paid with its UTR after a confirm; a UTR of the wrong length is refused first', async () => {
    await open({ hub: false });
    const sale = await call<SaleView>('sale.create', { amountPaise: 45_000 });
    await call('sale.cancel', { saleId: sale.saleId });
    await call('sale.create', { amountPaise: 5_000 }); // the cashier moved on
    await openHistory();
    const row = rowOf('₹450.00');
    await row.getByRole('button', { name: 'Customer paid after all…' }).click();
    await row.getByText('Record this ₹450.00 sale as paid after all?').waitFor();
    await row.getByLabel('UPI reference (UTR), optional').fill('12345');
    await row.getByRole('button', { name: 'Yes, record it paid' }).click();
    await row.getByText('The UTR is 12 digits, or leave it empty.').waitFor();
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'cancelled' });
    await row.getByLabel('UPI reference (UTR), optional').fill('509876543210');
    await row.getByRole('button', { name: 'Yes, record it paid' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    await expect(row.getByTestId('utr').locator('.ref').textContent()).resolves.toBe('509876543210');
    await expect(row.getByText('paid after it was cancelled').count()).resolves.toBe(1);
    await expect(row.getByTestId('confirmed-by').textContent()).resolves.toContain('Marked paid by hand');
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'paid', paidAfterCancel: true, confirmedBy: 'person', utr: '509876543210' });
  });

  it('a UTR already recorded for another sale is shown with that sale, and Mark paid anyway records it', async () => {
    await open({ hub: false });
    const first = await call<SaleView>('sale.create', { amountPaise: 30_000 });
    await call('sale.markPaid', { saleId: first.saleId, utr: '412345678901' });
    const sale = await call<SaleView>('sale.create', { amountPaise: 45_000 });
    await call('sale.cancel', { saleId: sale.saleId });
    await openHistory();
    const row = rowOf('₹450.00');
    await row.getByRole('button', { name: 'Customer paid after all…' }).click();
    await row.getByLabel('UPI reference (UTR), optional').fill('412345678901');
    await row.getByRole('button', { name: 'Yes, record it paid' }).click();
    await row.getByText(/This UPI reference was already recorded for a ₹300\.00 sale at/).waitFor();
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'cancelled' });
    await row.getByRole('button', { name: 'Mark paid anyway' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    expect(await rowState(sale.saleId)).toMatchObject({ state: 'paid', utr: '412345678901' });
  });
});
