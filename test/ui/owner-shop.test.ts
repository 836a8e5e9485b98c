/**
 * The owner's Counter shows the whole shop: a real hub (PGlite in memory, 127.0.0.1), the owner's
 * preview paired with it as the owner's, and two counters (real counter services, paired as counters)
 * whose journals reach it through their own senders.
 */
// The hub's days are the shop's (IST): the counters, the owner's page and these checks all keep Indian time.
process.env.TZ = 'Asia/Kolkata';

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, shiftDay } from '../../electron/contract/days';
import type { PosResult } from '../../electron/contract/errors';
import type { HubView } from '../../electron/contract/views';
import { startHub, type RunningHub } from '../../electron/hub';
import { hi } from '../../renderer/src/i18n/hi';
import { shopHi } from '../../renderer/src/i18n/hi/shop';
import { englishOnHindiScreen } from '../support/hindi-books';
import { razorpayBody } from '../hub/hub-support';
import { expectInView } from '../support/in-view';
import { usePreviewOnDemand, type OpenOptions } from '../support/ui';
import { startCounter, stateTotals, type ShopCounter } from './owner-counters';

const SHOTS = join(process.cwd(), '.tmp', 'owner-shop');
mkdirSync(SHOTS, { recursive: true });
const ui = usePreviewOnDemand();
let hub: RunningHub;
let one: ShopCounter;
let two: ShopCounter;
const today = () => localDay(new Date());
const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

beforeAll(async () => {
  hub = await startHub({ dataDir: null, shopName: 'Sharma Stores' });
  one = await startCounter(hub, 'Counter 1');
  two = await startCounter(hub, 'Counter 2');
  // Yesterday's sales (the counters' journals dated a day back), then today's.
  one.setDayOffset(-1);
  two.setDayOffset(-1);
  await one.sell(30_000);
  await two.sell(12_000);
  one.setDayOffset(0);
  two.setDayOffset(0);
  await one.sell(10_000);
  await one.sell(2_500);
  await two.sell(4_000);
  await two.sell(1_000, 'paid_late');
  // BOS paid a QR no counter issued.
  const stray = await fetch(hub.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody({ paymentId: 'pay_stray', qrId: 'qr_nobody', amount: 7_700 })) });
  expect(stray.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await one?.dispose();
  await two?.dispose();
  await hub?.close();
});

/** The owner's preview, paired with the hub as the owner's, on History. */
async function openOwner(options: OpenOptions & { role?: 'owner' | 'counter'; historyTab?: string } = {}): Promise<Page> {
  const page = await ui.open({ owner: true, ...options, settings: { terminalName: 'Owner laptop', ...options.settings }, context: { timezoneId: 'Asia/Kolkata', viewport: { width: 1366, height: 768 }, ...options.context } });
  const paired = await ui.running().services.pairHub(hub.url, (await hub.createPairingCode(options.role ?? 'owner', 'Owner laptop')).code);
  expect(paired).toMatchObject({ ok: true, value: { role: options.role ?? 'owner' } });
  await page.keyboard.press('F6');
  return page;
}

/** Serious and critical axe findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const collected = (page: Page, amount: string, timeout = 10_000) => page.getByTestId('shop-collected').filter({ hasText: amount }).waitFor({ timeout });

describe("the owner's Counter: the whole shop in History", () => {
  it('opens on the whole shop, follows the Counter filter, and shows a sale rung up at counter 2 without a reload', async () => {
    const page = await openOwner();
    await expect(page.getByRole('radio', { name: 'Whole shop' }).isChecked()).resolves.toBe(true);
    // 100 + 25 at counter 1; 40 + 10 (paid after it was cancelled) at counter 2.
    await collected(page, '₹175.00');
    const rows = page.getByTestId('shop-row');
    await expect(rows.count()).resolves.toBe(4);
    expect(new Set(await page.getByTestId('shop-row-counter').allTextContents())).toEqual(new Set(['Counter 1', 'Counter 2']));

    await page.getByLabel('Counter', { exact: true }).selectOption({ label: 'Counter 2' });
    await collected(page, '₹50.00');
    await page.getByRole('heading', { name: /^Counter 2 · / }).waitFor();
    await expect(page.getByTestId('shop-row-counter').allTextContents()).resolves.toEqual(['Counter 2', 'Counter 2']);
    await page.getByLabel('Counter', { exact: true }).selectOption({ label: 'Counter 1' });
    await collected(page, '₹125.00');
    await page.getByLabel('Counter', { exact: true }).selectOption({ label: 'All counters' });
    await collected(page, '₹175.00');

    // Live: the counter's batch reaches the hub, the hub's shop stream tells this Counter, the screen reads again.
    await two.sell(5_500);
    await collected(page, '₹230.00', 3_000);
    await page.getByTestId('shop-row').filter({ hasText: '₹55.00' }).filter({ hasText: 'Counter 2' }).waitFor();
    // This counter's own journal is one choice away.
    await page.getByRole('radio', { name: 'This counter' }).check();
    await page.getByText(/^\d+ rows$/).waitFor();
    await expect(page.getByTestId('shop-history').count()).resolves.toBe(0);
    await page.getByRole('radio', { name: 'Whole shop' }).check();
    await collected(page, '₹230.00');
    await page.screenshot({ path: join(SHOTS, 'whole-shop-en-1366x768.png') });
    await page.setViewportSize({ width: 1366, height: 2400 });
    await page.screenshot({ path: join(SHOTS, 'whole-shop-en-1366-full.png') });
  });

  it('lines up each counter\'s own totals with the hub\'s: a quiet "matches", or red with the last contact', async () => {
    const page = await openOwner();
    const line = (c: ShopCounter) => page.getByTestId(`reconcile-${c.terminalId}`);
    await line(one).filter({ hasText: 'matches' }).waitFor({ timeout: 10_000 });
    await expect(line(one).textContent()).resolves.toContain('The counter says: Paid 2 · ₹125.00');
    await expect(line(one).getAttribute('class')).resolves.toContain('reconcile-matches');

    // Counter 2 says it took 9 sales; the hub holds what it sent.
    await two.report(today(), stateTotals({ paid: { count: 9, paise: 99_900 } }));
    await line(two).filter({ hasText: 'does not match the hub' }).waitFor({ timeout: 10_000 });
    await expect(line(two).textContent()).resolves.toMatch(/The counter says: Paid 9 · ₹999\.00.*The hub holds: Paid \d · ₹[\d.,]+.*Last contact at \d{1,2}:\d\d\s?(am|pm) \(\d\d\/\d\d\)/);
    const red = await line(two).evaluate((el) => getComputedStyle(el).color);
    const ink = await line(one).evaluate((el) => getComputedStyle(el).color);
    expect(red).not.toBe(ink);
    expect(red).toBe(await page.evaluate(() => { const probe = document.createElement('span'); probe.style.color = 'var(--danger)'; document.body.append(probe); const c = getComputedStyle(probe).color; probe.remove(); return c; }));
  });

  it('lists the payment BOS reported that no QR asked for, and the sale paid after it was cancelled', async () => {
    const page = await openOwner();
    const unmatched = page.getByTestId('shop-unmatched');
    await unmatched.getByRole('row').filter({ hasText: '₹77.00' }).filter({ hasText: '412345678901' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('shop-late').getByText(/Counter 2 · .* · ₹10\.00 · kept: paid after it was cancelled/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('exports both counters over two days as CSV and as a workbook, with the Counter column', async () => {
    const page = await openOwner();
    await collected(page, '₹');
    const yesterday = shiftDay(today(), -1);
    await page.locator('#export-from').fill(ddmmyyyy(yesterday));
    await page.locator('#export-from').press('Enter');
    await page.getByRole('radio', { name: /CSV file/ }).check();
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvFile.suggestedFilename()).toBe(`shop-${yesterday}-to-${today()}.csv`);
    const csv = Papa.parse<string[]>(readFileSync((await csvFile.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const col = (name: string) => csv[0]!.indexOf(name);
    const lines = csv.slice(1).map((r) => `${r[col('Date')]} ${r[col('Counter')]} ${r[col('Amount (₹)')]} ${r[col('State')]}`);
    expect(lines).toEqual(expect.arrayContaining([`${yesterday} Counter 1 300.00 Paid`, `${yesterday} Counter 2 120.00 Paid`, `${today()} Counter 1 100.00 Paid`, `${today()} Counter 1 25.00 Paid`, `${today()} Counter 2 40.00 Paid`, `${today()} Counter 2 10.00 Paid`]));
    expect(new Set(csv.slice(1).map((r) => r[col('Counter')]))).toEqual(new Set(['Counter 1', 'Counter 2']));

    await page.getByRole('radio', { name: /Excel workbook/ }).check();
    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxFile.path())!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount - 1).toBe(csv.length - 1);
    const ids = csv.slice(1).map((r) => r[col('ID')]);
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const at = ids.indexOf(String(cell(row, 'ID')));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(cell(row, 'Counter')).toBe(csv[at + 1]![col('Counter')]);
      expect(cell(row, 'Amount (₹)')).toBe(Number(csv[at + 1]![col('Amount (₹)')]));
    }
  });

  it('gives a Counter paired as a counter no whole-shop view', async () => {
    const page = await openOwner({ role: 'counter' });
    await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
    await page.getByText(/rows$/).first().waitFor();
    await expect(page.getByRole('radio', { name: 'Whole shop' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('shop-history').count()).resolves.toBe(0);
    expect(await ui.running().services.handle('shop.day', { day: today() })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('works in Live with no BOS token, and in Hindi: the filter and the reconciliation line', async () => {
    const page = await openOwner({ settings: { language: 'hi', environment: 'live', registrationId: 'BOS-554' }, overrides: { liveBaseUrlOverride: 'http://127.0.0.1:9' }, amountLabel: hi.sell.amount });
    await expect(page.getByRole('radio', { name: hi.history.scopes.shop }).isChecked()).resolves.toBe(true);
    await collected(page, '₹');
    await page.getByLabel(shopHi.shop.counterFilter, { exact: true }).selectOption({ label: 'Counter 1' });
    await page.getByRole('heading', { name: /^Counter 1 · / }).waitFor();
    await collected(page, '₹125.00');
    await page.getByLabel(shopHi.shop.counterFilter, { exact: true }).selectOption({ label: shopHi.shop.allCounters });
    const line = page.getByTestId(`reconcile-${two.terminalId}`);
    await line.filter({ hasText: shopHi.shop.differs }).waitFor({ timeout: 10_000 });
    await expect(line.textContent()).resolves.toContain(shopHi.shop.counterSays(`${hi.history.saleStates.paid} 9 · ₹999.00`));
    await page.getByTestId(`reconcile-${one.terminalId}`).filter({ hasText: shopHi.shop.matches }).waitFor();
    const shown = await englishOnHindiScreen(page, ['Counter 1', 'Counter 2', 'Owner laptop', 'customer@okaxis', 'LIVE']);
    expect(shown.english).toEqual([]);
    expect(shown.latin).toEqual([]);
    for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(SHOTS, `whole-shop-hi-${width}x${height}.png`) });
      await page.setViewportSize({ width, height: 2400 });
      await page.screenshot({ path: join(SHOTS, `whole-shop-hi-${width}-full.png`) });
      await page.setViewportSize({ width, height });
      await expectInView(page, { scope: page.getByRole('radio', { name: hi.history.scopes.shop }), filter: page.getByLabel(shopHi.shop.counterFilter, { exact: true }), collected: page.getByTestId('shop-collected') }, `whole shop hi ${width}`);
    }
  });

  it("tells the owner what only a counter says: a sale it calls confirmed by BOS that the hub has no payment for, and a payment two counters claimed, held", async () => {
    // Counter 1 says BOS confirmed a sale whose payment never reached the hub (lines far above its own, so its sender is not in the way).
    const saleId = 'said-by-counter';
    const at = new Date().toISOString();
    const lines = [['sale.requested', {}], ['sale.qr_issued', { qrId: 'qr_said', txnRef: 'TXN_said' }], ['sale.payment_confirmed', { paymentId: 'pay_never', utr: '999999999999' }]] as const;
    const batch = { events: lines.map(([type, data], i) => ({ id: 1_000_000 + i, type, at, terminal: 'Counter 1', role: 'staff', data: { saleId, amountPaise: 6_600, ...data } })) };
    expect((await one.post('/v1/journal', batch)).status).toBe(200);
    // Counter 2 announces Counter 1's QR (read off its slip): refused, and BOS's payment for it is held.
    const qr = { qrId: 'qr_copied', txnRef: 'TXN_copied', tr: null, amountPaise: 8_800, expiresAt: null };
    expect((await one.post('/v1/expectations', { saleId: 'honest', ...qr })).status).toBe(200);
    expect((await two.post('/v1/expectations', { saleId: 'copier', ...qr, txnRef: 'TXN_other' })).status).toBe(409);
    expect((await fetch(hub.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody({ paymentId: 'pay_copied', qrId: 'qr_copied', amount: 8_800 })) })).status).toBe(200);

    const page = await openOwner();
    await page.getByTestId(`reconcile-${one.terminalId}`).getByTestId('reconcile-claims').getByText('1 marked confirmed by the counter, not seen by the hub').waitFor({ timeout: 10_000 });
    await page.getByTestId('shop-claimed').getByText('1 marked confirmed by the counter, not seen by the hub').waitFor();
    await page.getByTestId('shop-row').filter({ hasText: '₹66.00' }).getByText("The counter says BOS confirmed it; the hub has no such payment").waitFor();
    await page.getByTestId('shop-unmatched').getByRole('row').filter({ hasText: '₹88.00' }).getByText('Held: two claims on its QR (Counter 1, Counter 2)').waitFor();
    await expect(page.getByTestId(`reconcile-${one.terminalId}`).getByTestId('reconcile-journal').textContent()).resolves.toMatch(/^Journal sent this day: [\d.]+ (B|KB) of 64 MB a day$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'claims-en-1366x768.png'), fullPage: true });
  });

  it('says plainly when the hub cannot be reached, and keeps the last answer marked out of date', async () => {
    const page = await openOwner();
    await collected(page, '₹');
    const hubView = async () => ((await ui.running().services.handle('hub.status', undefined)) as PosResult<HubView> & { ok: true }).value;
    expect((await hubView()).role).toBe('owner');
    await hub.close();
    await page.getByTestId('shop-stale').getByText(/Cannot reach the shop hub\. The numbers below are what it said at .*: they may be out of date\./).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('shop-as-of').count()).resolves.toBe(0);
    await expect(page.getByTestId('shop-summary').getAttribute('class')).resolves.toContain('stale');
    await page.getByRole('heading', { name: /^Whole shop · .* · out of date$/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('shop-collected').waitFor();
    await page.screenshot({ path: join(SHOTS, 'stale-en-1366x768.png') });
    await page.setViewportSize({ width: 1024, height: 2000 });
    await page.screenshot({ path: join(SHOTS, 'stale-en-1024-full.png') });
  });
});
