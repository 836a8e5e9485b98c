/**
 * History and Settings as an owner sees them, at the three common screen sizes, in English and
 * Hindi: every control and message of each state is on screen when scrolled to, whole, not cut by
 * its column, not covered, and the page never needs sideways scrolling. Screenshots go to
 * .tmp/books-<state>-<language>-<width>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HistoryView, HubView, SaleView } from '../../electron/contract/views';
import { localDay } from '../../electron/core/journal/append';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { allInViewProblems, pageFitsWidth, selectShowsWholeChoice } from '../support/in-view-books';
import { usePreviewOnDemand } from '../support/ui';

const SHOTS = join(process.cwd(), '.tmp');
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const ui = usePreviewOnDemand();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

let page: Page;
const call = async <T,>(op: string, input?: unknown): Promise<T> => {
  const result = (await ui.running().services.handle(op, input)) as PosResult<T>;
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
};

/** One of each History state: refused twice (VPA, network), paid by BOS and by hand with a UTR, cancelled, paid after the cancel, open. */
async function ringUpTheDay(): Promise<void> {
  await vi.waitFor(async () => expect(await call<HubView>('hub.status')).toMatchObject({ state: 'connected' }), { timeout: 30_000, interval: 100 });
  await ui.running().services.handle('sale.create', { amountPaise: 104 });
  await ui.running().services.handle('sale.create', { amountPaise: 198 });
  const byBos = await call<SaleView>('sale.create', { amountPaise: 125_000 });
  await call('sale.simulatePayment', { saleId: byBos.saleId });
  const rowOf = async (saleId: string) => (await call<HistoryView>('history.day', { day: localDay(new Date()) })).rows.find((r) => r.id === saleId);
  await vi.waitFor(async () => expect(await rowOf(byBos.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'bos' }), { timeout: 10_000, interval: 50 });
  const late = await call<SaleView>('sale.create', { amountPaise: 25_000 });
  await call('sale.cancel', { saleId: late.saleId });
  ui.running().services.sandbox()!.control.pay({ qrId: late.qr!.qrId });
  // Its webhook comes while the next sales are rung up.
  const byHand = await call<SaleView>('sale.create', { amountPaise: 9_950 });
  await call('sale.markPaid', { saleId: byHand.saleId, utr: '412345678901', overrides: ['not_confirmed'] });
  const cancelled = await call<SaleView>('sale.create', { amountPaise: 45_000 });
  await call('sale.cancel', { saleId: cancelled.saleId });
  await call('sale.create', { amountPaise: 30_000 });
  await vi.waitFor(async () => expect(await rowOf(late.saleId)).toMatchObject({ latePayment: { amountPaise: 25_000 } }), { timeout: 10_000, interval: 50 });
}

async function expectInView(name: string, targets: Locator, at: string) {
  await expect(targets.count(), `${name}: nothing to check`).resolves.toBeGreaterThan(0);
  expect(await allInViewProblems(targets), `${name} at ${at}`).toEqual([]);
}

for (const language of ['en', 'hi'] as const) {
  const s = language === 'hi' ? hi : en;
  for (const viewport of VIEWPORTS) {
    const at = `${language} ${viewport.width}×${viewport.height}`;
    const shot = (state: string) => page.screenshot({ path: join(SHOTS, `books-${state}-${language}-${viewport.width}.png`), fullPage: true });

    describe(`History and Settings in view, ${at}`, () => {
      it('every History row, its details and actions, the question of a row, and the export', async () => {
        page = await ui.open({
          owner: true,
          overrides: { withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 },
          ...(language === 'hi' ? { settings: { language }, amountLabel: hi.sell.amount } : {}),
          context: { viewport },
        });
        await ringUpTheDay();
        await page.keyboard.press('F6');
        await page.getByRole('table').waitFor();
        await shot('history');
        expect(await pageFitsWidth(page), `History is wider than the window at ${at}`).toBe(true);
        const table = page.locator('.history-table');
        await expectInView('row actions', table.locator('.row-actions button'), at);
        await expectInView('references and UTRs', table.locator('.ref-line'), at);
        await expectInView('refusals and next steps', table.locator('[data-testid="next-step"], [data-testid="bos-said"]'), at);
        await expectInView('who confirmed', table.getByTestId('confirmed-by'), at);
        await expectInView('late payment', table.getByTestId('late-payment'), at);
        await expectInView('day field', page.locator('.day-picker .day-text, .day-picker .day-calendar'), at);
        await expectInView('summary counts', page.locator('[data-testid="paid-by-bos"], [data-testid="paid-by-hand"]'), at);
        await expectInView('export', page.locator('.export-panel input:not(.day-picker-native), .export-panel button, .export-panel .radio'), at);
        for (const id of ['history-filter', 'history-order']) {
          const shown = await selectShowsWholeChoice(page.locator(`#${id}`));
          expect(shown, `#${id} at ${at}: "${shown.text}" needs ${shown.textPx} px, has ${shown.roomPx}`).toMatchObject({ fits: true });
        }

        await table.getByRole('button', { name: s.history.paidAfterAll }).click();
        await table.getByText(s.history.confirmPaidAfterAll('₹450.00')).waitFor();
        await shot('history-paid-after-all');
        expect(await pageFitsWidth(page), `History with a question open is wider than the window at ${at}`).toBe(true);
        await expectInView('the question', table.locator('.row-question-box input, .row-question-box button, .row-question-box .row-question'), at);
      });

      it('Settings: payee, every field, the hub, the PIN form, a problem at its field and the leave dialog', async () => {
        page = await ui.open({ owner: true, ...(language === 'hi' ? { settings: { language }, amountLabel: hi.sell.amount } : {}), context: { viewport } });
        await call('sale.create', { amountPaise: 1_000 }).then((sale) => call('sale.cancel', { saleId: (sale as SaleView).saleId })); // pins the payee
        await page.keyboard.press('F9');
        await page.getByLabel(s.settings.registrationId).waitFor();
        await shot('settings');
        expect(await pageFitsWidth(page), `Settings is wider than the window at ${at}`).toBe(true);
        await expectInView('payee', page.getByTestId('payee-pinned'), at);
        await expectInView('fields', page.locator('.settings-form input:not([type="range"]):not([type="radio"]):not([type="checkbox"]), .settings-form select, .settings-form button'), at);
        await expectInView('hub', page.locator('.hub-section input, .hub-section button, [data-testid="hub-state"]'), at);
        await expectInView('PIN form', page.locator('.change-pin input, .change-pin button'), at);
        for (const id of ['language', 'theme', 'customer-display', 'paper-width']) {
          const shown = await selectShowsWholeChoice(page.locator(`#${id}`));
          expect(shown, `#${id} at ${at}: "${shown.text}" needs ${shown.textPx} px, has ${shown.roomPx}`).toMatchObject({ fits: true });
        }

        await page.getByLabel(s.settings.live).check();
        await page.getByRole('button', { name: s.settings.save, exact: true }).click();
        await page.locator('#registration-id-problem').waitFor();
        await shot('settings-live-refused');
        await expectInView('the refusal at its field', page.locator('#registration-id, #registration-id-problem'), at);

        await page.keyboard.press('F2');
        const dialog = page.getByRole('dialog', { name: s.settings.leaveTitle });
        await dialog.waitFor();
        await shot('settings-leave');
        await expectInView('leave dialog', dialog.locator('h2, p, button'), at);
      });
    });
  }
}
