import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HistoryView, SaleView } from '../../electron/contract/views';
import { localDay } from '../../electron/core/journal/append';
import { launchChromium } from '../support/chromium';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';

let browser: Browser;
let running: RunningPreview;
let page: Page;
const today = localDay(new Date());

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  await running?.stop();
});

async function open(preview: RunningPreview) {
  running = preview;
  await actAsOwner(running);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(running.preview.url);
  await page.getByRole('tablist').waitFor();
}

async function call<T>(op: string, input?: unknown): Promise<T> {
  const result = (await running.services.handle(op, input)) as PosResult<T>;
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
}

/** Rings up a sale through the same operations the Sell screen uses. */
async function sale(amountPaise: number, outcome: 'paid' | 'cancel' | 'open', utr?: string): Promise<SaleView> {
  const created = await call<SaleView>('sale.create', { amountPaise });
  if (outcome === 'paid') return call<SaleView>('sale.markPaid', { saleId: created.saleId, ...(utr ? { utr } : {}) });
  if (outcome === 'cancel') return call<SaleView>('sale.cancel', { saleId: created.saleId });
  return created;
}

const rowTexts = () => page.locator('.history-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1, 4).map((td) => td.firstChild?.textContent ?? '')));

describe('History in the browser preview', () => {
  it('shows the day\'s sales with their states and totals, filters and searches them', async () => {
    await open(await startPreview());
    await sale(125_000, 'paid', '412345678901');
    await sale(45_000, 'cancel');
    await call('sale.create', { amountPaise: 104 }).catch(() => undefined); // refused by BOS (VPA error)
    await sale(9_950, 'paid');
    await page.keyboard.press('F6');
    await page.getByRole('table').waitFor();

    expect(await rowTexts()).toEqual([
      ['Sale', '₹1,250.00', 'Paid'],
      ['Sale', '₹450.00', 'Cancelled'],
      ['Sale', '₹1.04', 'Failed'],
      ['Sale', '₹99.50', 'Paid'],
    ]);
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹1,349.50');
    await expect(page.getByTestId('total-paid').textContent()).resolves.toBe('2 · ₹1,349.50');
    await expect(page.getByTestId('total-cancelled').textContent()).resolves.toBe('1 · ₹450.00');
    await expect(page.getByTestId('total-failed').textContent()).resolves.toBe('1 · ₹1.04');
    await expect(page.getByRole('img', { name: /^Collected by hour: \d\d:00 ₹1,349\.50$/ }).count()).resolves.toBe(1);

    await page.getByLabel('Show').selectOption('paid');
    expect((await rowTexts()).map((r) => r[1])).toEqual(['₹1,250.00', '₹99.50']);
    await page.getByLabel('Show').selectOption('all');
    // The search also matches part of any reference, sale ids among them (random hex: "450" turns up in one
    // run in a hundred). The amount goes with its ₹ sign, which no id holds; the UTR whole (12 digits:
    // odds below 1 in 10^13 that a 16-hex id holds them).
    await page.getByLabel('Search amount or reference').fill('₹450');
    expect((await rowTexts()).map((r) => r[1])).toEqual(['₹450.00']);
    await page.getByLabel('Search amount or reference').fill('412345678901');
    expect((await rowTexts()).map((r) => r[1])).toEqual(['₹1,250.00']);
    await page.getByLabel('Search amount or reference').fill('no such thing');
    await expect(page.getByText('Nothing matches').isVisible()).resolves.toBe(true);
  });

  it('a sale left open by a crash is unresolved in History and can be answered there', async () => {
    const first = await startPreview();
    running = first;
    const open_ = await sale(77_700, 'open');
    await first.stop({ keepData: true }); // the app dies with the QR showing
    await open(await startPreview({}, { dataDir: first.dataDir }));

    await page.keyboard.press('F6');
    const row = page.locator('tr', { hasText: '₹777.00' });
    await row.getByText('Unresolved').waitFor();
    await row.getByRole('button', { name: 'Paid…' }).click();
    await row.getByRole('button', { name: 'Yes, it was paid' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    const history = await call<HistoryView>('history.day', { day: today });
    expect(history.rows).toEqual([expect.objectContaining({ id: open_.saleId, state: 'paid' })]);
    // Sell follows: the unresolved question is gone, the sale shows as paid, and the next sale can start.
    await page.keyboard.press('F2');
    await expect(page.getByTestId('paid-amount').textContent()).resolves.toBe('₹777.00');
    await expect(page.getByRole('alertdialog', { name: 'Unresolved sale' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Next sale' }).click();
    await expect(page.getByLabel('Amount').isEditable()).resolves.toBe(true);
  });

  it('exports the day as a CSV that parses back to the journal\'s rows', async () => {
    await open(await startPreview());
    await sale(125_000, 'paid', '412345678901');
    await sale(2_000, 'cancel');
    await page.keyboard.press('F6');
    await page.getByRole('table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`counter-${today}.csv`);
    await page.getByText(`Downloaded counter-${today}.csv (2 rows).`).waitFor();
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const history = await call<HistoryView>('history.day', { day: today });
    expect(parsed.data.map((r) => [r.ID, r.Type, r['Amount (₹)'], r.State, r.UTR])).toEqual(
      history.rows.map((r) => [r.id, 'Sale', r.kind === 'sale' ? (r.amountPaise / 100).toFixed(2) : '', r.state, r.kind === 'sale' ? (r.utr ?? '') : '']),
    );
    expect(parsed.data[0]!.Date).toBe(new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()));
  });

  it('prints the summary alone: tabs, filters, export and row buttons are left off paper', async () => {
    await open(await startPreview());
    await sale(30_000, 'paid');
    await page.keyboard.press('F6');
    await page.getByRole('table').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: /Day summary/ }).isVisible()).resolves.toBe(true);
    for (const hidden of [page.getByRole('tablist'), page.getByLabel('Show'), page.getByRole('button', { name: 'Export CSV' }), page.getByRole('button', { name: 'Print summary' })]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
  });

  it('another day is read from its own file: an empty day says so', async () => {
    await open(await startPreview());
    await sale(10_000, 'paid');
    await page.keyboard.press('F6');
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.getByText('Nothing recorded on this day.').waitFor();
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹0.00');
    await page.getByRole('button', { name: 'Today' }).click();
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹100.00');
  });
});
