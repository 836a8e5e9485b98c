import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { SaleView } from '../../electron/contract/views';
import { hi } from '../../renderer/src/i18n/hi';
import { usePreviewOnDemand } from '../support/ui';

/**
 * Keyboard focus on a History row as the table scrolls: the focus frame (outline and ring) is drawn
 * whole, not cut at the edge of the scrolling screen. Hindi, 1024×768, where the table is longer than
 * the screen; .tmp/history-focus-down.png and -up.png are what a person sees (and -<step>.png a cut frame).
 */
const ui = usePreviewOnDemand();
const SHOTS = join(process.cwd(), '.tmp');
const SALES = 14;

async function paidSales(count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    const created = (await ui.running().services.handle('sale.create', { amountPaise: 10_000 + n * 100 })) as PosResult<SaleView>;
    if (!created.ok) throw new Error(created.error.message);
    const paid = await ui.running().services.handle('sale.markPaid', { saleId: created.value.saleId });
    if (!paid.ok) throw new Error(paid.error.message);
  }
}

interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The box the focused element's focus frame covers (outline plus ring, from its computed style), and
 * the part of that box left visible by the ancestors that clip it (the scrolling screen, the window).
 */
function focusFrame(page: Page): Promise<{ reach: number; frame: Box; visible: Box } | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const ring = Math.max(0, ...[...style.boxShadow.matchAll(/(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px/g)].map((m) => Number(m[4])));
    const reach = Math.max(outline, ring);
    const rect = element.getBoundingClientRect();
    const frame = { top: rect.top - reach, right: rect.right + reach, bottom: rect.bottom + reach, left: rect.left - reach };
    const visible = { ...frame };
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const clips = getComputedStyle(parent);
      if (clips.overflowX === 'visible' && clips.overflowY === 'visible') continue;
      const box = parent.getBoundingClientRect();
      visible.top = Math.max(visible.top, box.top);
      visible.bottom = Math.min(visible.bottom, box.bottom);
      visible.left = Math.max(visible.left, box.left);
      visible.right = Math.min(visible.right, box.right);
    }
    return { reach, frame, visible };
  });
}

async function expectWhole(page: Page, shot: string): Promise<void> {
  const seen = await focusFrame(page);
  expect(seen, `nothing has focus (${shot})`).not.toBeNull();
  const { reach, frame, visible } = seen!;
  expect(reach, `a focus frame is drawn around the focused control (${shot})`).toBeGreaterThan(0);
  if (JSON.stringify(visible) !== JSON.stringify(frame)) await page.screenshot({ path: join(SHOTS, `history-focus-${shot}.png`) });
  expect(visible, `the focus frame is cut at the edge of what scrolls (${shot})`).toEqual(frame);
}

describe('History: keyboard focus on a row after scrolling', () => {
  it('shows the focus frame whole on every row\'s button, tabbing down the table and back up as it scrolls', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await ui.open({ owner: true, settings: { language: 'hi' }, amountLabel: hi.sell.amount, context: { viewport: { width: 1024, height: 768 } } });
    await paidSales(SALES);
    await page.keyboard.press('F6');
    const buttons = page.locator('.history-table tbody tr').getByRole('button');
    await expect.poll(() => buttons.count()).toBe(SALES);
    const screen = page.locator('.screen').filter({ has: page.locator('.history-table') });
    const scrolled = () => screen.evaluate((element) => element.scrollTop);

    await buttons.first().focus();
    await screen.evaluate((element) => element.scrollTo(0, 0));
    for (let row = 1; row < SALES; row += 1) {
      await page.keyboard.press('Tab');
      await expect.poll(() => buttons.nth(row).evaluate((element) => element === document.activeElement)).toBe(true);
      await expectWhole(page, `down-${row}`);
    }
    expect(await scrolled(), 'tabbing down scrolled the table').toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'history-focus-down.png') });

    await screen.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    const bottom = await scrolled();
    for (let row = SALES - 2; row >= 0; row -= 1) {
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => buttons.nth(row).evaluate((element) => element === document.activeElement)).toBe(true);
      await expectWhole(page, `up-${row}`);
    }
    expect(await scrolled(), 'tabbing up scrolled the table').toBeLessThan(bottom);
    await page.screenshot({ path: join(SHOTS, 'history-focus-up.png') });
  });
});
