import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HistoryView, SaleView } from '../../electron/contract/views';
import { shiftDay } from '../../electron/contract/days';
import { localDay } from '../../electron/core/journal/append';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { launchChromium } from '../support/chromium';
import { englishOnHindiScreen } from '../support/hindi-books';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';

let browser: Browser;
let running: RunningPreview;
let page: Page;
const today = localDay(new Date());
const dmy = (day: string) => day.split('-').reverse().join('/');

/** window.print only records what the receipt slip said at the moment it was called (a string: no bundler helpers in the page). */
const RECORD_PRINT = `window.__printed = []; window.print = () => {
  const slip = document.querySelector('[data-testid="print-slip-receipt"]');
  window.__printed.push(slip ? slip.textContent : null);
};`;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.context().close();
  await running?.stop();
});

async function open(preview: RunningPreview, context: BrowserContextOptions = {}, initScript?: string) {
  running = preview;
  await actAsOwner(running);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...context });
  page = await ctx.newPage();
  if (initScript) await page.addInitScript(initScript);
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
const rowOf = (amount: string) => page.locator('.history-table tbody tr', { hasText: amount });

async function openHistory() {
  await page.keyboard.press('F6');
  await page.getByRole('table').waitFor();
}

describe('History in the browser preview', () => {
  it('shows the day\'s sales newest first with their states and totals, filters and searches them', async () => {
    await open(await startPreview());
    await sale(125_000, 'paid', '412345678901');
    await sale(45_000, 'cancel');
    await call('sale.create', { amountPaise: 104 }).catch(() => undefined); // refused by BOS (VPA error)
    await sale(9_950, 'paid');
    await openHistory();

    // The sale just made is at the top, not at the bottom of a long page.
    expect(await rowTexts()).toEqual([
      ['Sale', '₹99.50', 'Paid'],
      ['Sale', '₹1.04', 'Failed'],
      ['Sale', '₹450.00', 'Cancelled'],
      ['Sale', '₹1,250.00', 'Paid'],
    ]);
    await page.getByLabel('Order').selectOption('oldest');
    expect((await rowTexts()).map((r) => r[1])).toEqual(['₹1,250.00', '₹450.00', '₹1.04', '₹99.50']);
    await page.getByLabel('Order').selectOption('newest');

    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹1,349.50');
    await expect(page.getByTestId('total-paid').textContent()).resolves.toBe('2 · ₹1,349.50');
    await expect(page.getByTestId('total-cancelled').textContent()).resolves.toBe('1 · ₹450.00');
    await expect(page.getByTestId('total-failed').textContent()).resolves.toBe('1 · ₹1.04');
    await expect(page.getByTestId('paid-by-hand').textContent()).resolves.toContain('2 marked paid by hand');
    await expect(page.getByTestId('paid-by-bos').textContent()).resolves.toContain('0 confirmed by BOS');
    await expect(page.getByRole('img', { name: /^Collected by hour: \d\d:00 ₹1,349\.50$/ }).count()).resolves.toBe(1);
    await expect(rowOf('₹1,250.00').getByTestId('confirmed-by').textContent()).resolves.toContain('Marked paid by hand');

    await page.getByLabel('Show').selectOption('paid');
    expect((await rowTexts()).map((r) => r[1])).toEqual(['₹99.50', '₹1,250.00']);
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

  it('keeps a UTR and a BOS reference on one line, whole, at 1024×768', async () => {
    await open(await startPreview(), { viewport: { width: 1024, height: 768 } });
    const paid = await sale(125_000, 'paid', '412345678901');
    await sale(30_000, 'open');
    await openHistory();
    const utr = rowOf('₹1,250.00').getByTestId('utr').locator('.ref');
    const reference = rowOf('₹1,250.00').getByTestId('bos-reference').locator('.ref');
    await expect(utr.textContent()).resolves.toBe('412345678901');
    await expect(reference.textContent()).resolves.toBe(paid.reference!.txnRef);
    for (const ref of [utr, reference]) {
      const shape = await ref.evaluate((el) => ({ lines: el.getClientRects().length, height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 20, cut: el.scrollWidth > el.clientWidth }));
      expect(shape.lines).toBe(1);
      expect(shape.height).toBeLessThan(shape.lineHeight * 1.5);
      expect(shape.cut).toBe(false);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('the day field reads day first on a US-set browser, takes a typed day and refuses one that does not exist', async () => {
    await open(await startPreview(), { locale: 'en-US' });
    await sale(10_000, 'paid');
    await openHistory();
    const field = page.getByLabel('Day', { exact: true });
    await expect(field.inputValue()).resolves.toBe(dmy(today));
    const yesterday = shiftDay(today, -1);
    await field.fill(dmy(yesterday));
    await page.getByText('Nothing recorded on this day.').waitFor();
    await expect(page.getByRole('heading', { name: /Day summary/ }).textContent()).resolves.toContain(new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yesterday}T00:00:00Z`)));
    await field.fill('31/02/2026');
    await field.blur();
    await page.getByText('Type the day as dd/mm/yyyy, like 01/12/2026.').waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await field.fill(dmy(shiftDay(today, 1)));
    await field.press('Enter');
    await page.getByText('That day has not come yet.').waitFor();
    await page.getByRole('button', { name: 'Today' }).click();
    await expect(field.inputValue()).resolves.toBe(dmy(today));
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹100.00');
    // The calendar button names the field it fills.
    await expect(page.getByRole('button', { name: 'Day: choose on a calendar' }).count()).resolves.toBe(1);
  });

  it('a refused sale says BOS\'s own words, its code and what to do, in English and in Hindi', async () => {
    await open(await startPreview());
    await call('sale.create', { amountPaise: 104 }).catch(() => undefined); // VPA error
    await call('sale.create', { amountPaise: 198 }).catch(() => undefined); // the connection is cut
    await openHistory();
    const vpa = rowOf('₹1.04');
    await expect(vpa.getByTestId('bos-said').textContent()).resolves.toBe('BOS said: VPA does not exist for the account provided (code 400)');
    await expect(vpa.getByTestId('next-step').textContent()).resolves.toBe('What to do: This will not work until the owner fixes the VPA with BOS.');
    await expect(rowOf('₹1.98').getByTestId('next-step').textContent()).resolves.toBe('What to do: Check the internet connection and try again.');

    await call('settings.update', { language: 'hi' });
    await page.getByRole('heading', { name: hi.history.title, exact: true }).waitFor();
    await expect(vpa.getByTestId('next-step').textContent()).resolves.toBe(`${hi.history.nextStepLabel} ${hi.history.nextSteps.fix_vpa}`);
    await expect(vpa.getByTestId('bos-said').textContent()).resolves.toBe(`${hi.errors.bosSaid} VPA does not exist for the account provided ${hi.errors.code('400')}`);
    await expect(rowOf('₹1.98').getByTestId('next-step').textContent()).resolves.toBe(`${hi.history.nextStepLabel} ${hi.history.nextSteps.check_internet}`);
    const shown = await englishOnHindiScreen(page);
    expect(shown.english).toEqual([]);
    expect(shown.latin).toEqual([]);
  });

  it('a sale left open by a crash is unresolved in History and can be answered there', async () => {
    const first = await startPreview();
    running = first;
    const open_ = await sale(77_700, 'open');
    await first.stop({ keepData: true }); // the app dies with the QR showing
    await open(await startPreview({}, { dataDir: first.dataDir }));

    await openHistory();
    const row = rowOf('₹777.00');
    await row.getByText('Unresolved').waitFor();
    await row.getByRole('button', { name: 'Paid…' }).click();
    await row.getByRole('button', { name: 'Yes, it was paid' }).click();
    await row.getByText('Paid', { exact: true }).waitFor();
    // Nothing left to answer: the one button is the receipt's.
    await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Print receipt']);
    const history = await call<HistoryView>('history.day', { day: today });
    expect(history.rows).toEqual([expect.objectContaining({ id: open_.saleId, state: 'paid' })]);
    // Sell follows: the unresolved question is gone, the sale shows as paid, and the next sale can start.
    await page.keyboard.press('F2');
    await expect(page.getByTestId('paid-amount').textContent()).resolves.toBe('₹777.00');
    await expect(page.getByRole('alertdialog', { name: 'Unresolved sale' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Next sale' }).click();
    await expect(page.getByLabel('Amount').isEditable()).resolves.toBe(true);
  });

  it('reprints a paid sale\'s receipt from History after Sell has moved on, and leaves the summary to Print summary', async () => {
    await open(await startPreview(), {}, RECORD_PRINT);
    await call('settings.update', { shopName: 'Sharma Stores' });
    const paid = await sale(125_050, 'paid', '412345678901');
    await sale(20_000, 'open'); // Sell is on the next sale: the paid screen is gone
    await openHistory();
    await rowOf('₹1,250.50').getByRole('button', { name: /^Print receipt/ }).click();
    const printed = (await page.evaluate('window.__printed')) as Array<string | null>;
    expect(printed).toHaveLength(1);
    const slip = printed[0] ?? '';
    for (const part of ['Sharma Stores', 'Payment receipt', '₹1,250.50', 'Paid', paid.reference!.txnRef, '412345678901']) expect(slip).toContain(part);
    expect(slip).toContain('PRACTICE');
    // The slip is gone again: what prints next is the day summary.
    await expect(page.getByTestId('print-slip-receipt').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Print summary' }).click();
    expect(await page.evaluate('window.__printed')).toEqual([slip, null]);
    // An open sale has no receipt to print.
    await expect(rowOf('₹200.00').getByRole('button', { name: /^Print receipt/ }).count()).resolves.toBe(0);
  });

  it('exports the day as a CSV for machines: ISO days, states in words, BOS\'s words and the next step', async () => {
    await open(await startPreview());
    await sale(125_000, 'paid', '412345678901');
    await sale(2_000, 'cancel');
    await call('sale.create', { amountPaise: 104 }).catch(() => undefined);
    await openHistory();
    await page.getByRole('radio', { name: /CSV file/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`counter-${today}.csv`);
    await page.getByText(`Downloaded counter-${today}.csv (3 rows).`).waitFor();
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const history = await call<HistoryView>('history.day', { day: today });
    expect(parsed.data.map((r) => [r.ID, r.Type, r['Amount (₹)'], r.State, r.UTR])).toEqual(
      history.rows.map((r) => [r.id, 'Sale', r.kind === 'sale' ? (r.amountPaise / 100).toFixed(2) : '', en.history.saleStates[r.state as keyof typeof en.history.saleStates], r.kind === 'sale' ? (r.utr ?? '') : '']),
    );
    expect(parsed.data[0]!.Date).toBe(today);
    expect(parsed.data[0]!['Confirmed by']).toBe('Marked by hand');
    expect(parsed.data[2]).toMatchObject({ 'BOS code': '400', 'BOS message': 'VPA does not exist for the account provided', 'Next step': 'This will not work until the owner fixes the VPA with BOS.' });
  });

  it('exports an Excel workbook by default, its cells typed: the UTR text, the amount a number, the day a date', async () => {
    await open(await startPreview());
    await sale(125_000, 'paid', '412345678901');
    await openHistory();
    await expect(page.getByRole('radio', { name: /Excel workbook/ }).isChecked()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`counter-${today}.xlsx`);
    await page.getByText(`Downloaded counter-${today}.xlsx (1 row).`).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell('UTR')).toMatchObject({ type: ExcelJS.ValueType.String, value: '412345678901' });
    expect(cell('Amount (₹)')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1250 });
    expect(cell('Date').type).toBe(ExcelJS.ValueType.Date);
    expect((cell('Date').value as Date).toISOString().slice(0, 10)).toBe(today);
    expect(cell('State').value).toBe('Paid');
  });

  it('prints the summary alone: tabs, filters, export and row buttons are left off paper', async () => {
    await open(await startPreview());
    await sale(30_000, 'paid');
    await openHistory();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: /Day summary/ }).isVisible()).resolves.toBe(true);
    for (const hidden of [page.getByRole('tablist'), page.getByLabel('Show'), page.getByRole('button', { name: 'Export Excel' }), page.getByRole('button', { name: 'Print summary' }), page.getByRole('button', { name: /^Print receipt/ })]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
  });

  it('another day is read from its own file: an empty day says so', async () => {
    await open(await startPreview());
    await sale(10_000, 'paid');
    await openHistory();
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.getByText('Nothing recorded on this day.').waitFor();
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹0.00');
    await page.getByRole('button', { name: 'Today' }).click();
    await expect(page.getByTestId('collected').textContent()).resolves.toBe('₹100.00');
  });
});
