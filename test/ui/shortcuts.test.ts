/**
 * Every keyboard shortcut, driven through Chromium against the browser preview: the F-keys switch
 * tabs and put focus somewhere useful, digits typed with nothing focused reach the amount, Enter
 * asks for the QR, Esc cancels it, `?` opens the shortcut sheet and Esc closes it again. Also: the
 * on-screen keypad's keys are big enough for a thumb.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchChromium } from '../support/chromium';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';

let browser: Browser;
let running: RunningPreview;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  running = await startPreview();
  await actAsOwner(running);
  // A context of its own: axe (in one test) needs a page made from a context.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(running.preview.url);
  await page.getByLabel('Amount').waitFor();
});
afterEach(async () => {
  await page.context().close();
  await running.stop();
});

const sandbox = () => running.services.sandbox()!;
/** The id of the focused element, the role of the panel it sits in, or 'body'. */
const focusIs = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.id || active.getAttribute('role') || active.tagName.toLowerCase();
  });
const focusInPanel = () => page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.id ?? null);
const blur = () =>
  page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
const selectedTab = () => page.getByRole('tab', { selected: true }).getAttribute('id');
const sheet = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

describe('function keys switch tabs', () => {
  it('F4 opens Refund with the cursor in Reference ID', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').waitFor();
    expect(await selectedTab()).toBe('tab-refund');
    expect(await focusIs()).toBe('reference-id');
  });

  it('F6 opens History with focus in its panel', async () => {
    await page.keyboard.press('F6');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await selectedTab()).toBe('tab-history');
    expect(await focusInPanel()).toBe('panel-history');
  });

  it('F9 opens Settings with focus in its panel', async () => {
    await page.keyboard.press('F9');
    await page.getByLabel('Registration ID').waitFor();
    expect(await selectedTab()).toBe('tab-settings');
    expect(await focusInPanel()).toBe('panel-settings');
  });

  it('F2 comes back to Sell with the cursor in Amount, from any tab', async () => {
    for (const away of ['F4', 'F6', 'F9']) {
      await page.keyboard.press(away);
      await expect.poll(() => focusIs()).not.toBe('amount');
      await page.keyboard.press('F2');
      expect(await selectedTab()).toBe('tab-sell');
      await expect.poll(() => focusIs()).toBe('amount');
    }
  });

  it('the F-keys work even while a text field has focus', async () => {
    await page.getByLabel('Amount').fill('12');
    await page.getByLabel('Amount').press('F4');
    expect(await selectedTab()).toBe('tab-refund');
    await page.getByLabel('Reference ID').press('F2');
    expect(await selectedTab()).toBe('tab-sell');
    expect(await page.getByLabel('Amount').inputValue()).toBe('12');
  });
});

describe('typing the amount', () => {
  it('digits and the point typed with nothing focused go into Amount', async () => {
    await blur();
    expect(await focusIs()).toBe('body');
    await page.keyboard.type('12.5');
    expect(await page.getByLabel('Amount').inputValue()).toBe('12.5');
    expect(await focusIs()).toBe('amount');
    await page.getByText('Will ask for ₹12.50').waitFor();
  });

  it('digits add to the end of what is already there', async () => {
    await page.getByLabel('Amount').fill('40');
    await blur();
    await page.keyboard.type('0');
    expect(await page.getByLabel('Amount').inputValue()).toBe('400');
  });

  it('digits typed after a click on a keypad key or the page still reach Amount', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator('footer').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type('75');
    expect(await page.getByLabel('Amount').inputValue()).toBe('75');
  });

  it('digits do not leave the field they are typed into on another tab', async () => {
    await page.keyboard.press('F4');
    await page.keyboard.type('123');
    expect(await page.getByLabel('Reference ID').inputValue()).toBe('123');
    await page.keyboard.press('F2');
    expect(await page.getByLabel('Amount').inputValue()).toBe('');
  });

  it('Enter in Amount shows the QR; Esc asks first, Enter then cancels it and clears the amount', async () => {
    await blur();
    await page.keyboard.type('250');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /UPI QR code for ₹250\.00/ }).waitFor();
    expect(sandbox().control.issuedQrs()).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: 'Cancel this ₹250.00 QR?' }).waitFor();
    // Asking is not cancelling: the QR is still up and main still has the sale showing.
    expect(await page.getByRole('img', { name: /UPI QR code for ₹250\.00/ }).count()).toBe(1);
    expect((await running.services.handle('sale.current', undefined)) as unknown).toMatchObject({ ok: true, value: { state: 'showing' } });
    await page.keyboard.press('Enter');
    await page.getByText('Sale cancelled (₹250.00).').waitFor();
    expect(await page.getByRole('img', { name: /UPI QR code/ }).count()).toBe(0);
    expect(await page.getByLabel('Amount').inputValue()).toBe('');
    await expect.poll(() => focusIs()).toBe('amount');
  });

  it('Esc twice keeps the QR: the second Esc answers "keep it"', async () => {
    await page.getByLabel('Amount').fill('70');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /₹70\.00/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('Enter: yes, cancel · Esc: keep it').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await page.getByRole('img', { name: /₹70\.00/ }).count()).toBe(1);
    expect((await running.services.handle('sale.current', undefined)) as unknown).toMatchObject({ ok: true, value: { state: 'showing' } });
  });

  it('Enter with nothing focused asks for the QR too', async () => {
    await page.getByLabel('Amount').fill('80');
    await blur();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /UPI QR code for ₹80\.00/ }).waitFor();
    expect(sandbox().control.issuedQrs()).toHaveLength(1);
  });

  it('digits while a QR is on screen do not start another amount', async () => {
    await page.getByLabel('Amount').fill('30');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /₹30\.00/ }).waitFor();
    await page.keyboard.type('9');
    expect(await page.getByRole('img', { name: /₹30\.00/ }).count()).toBe(1);
    expect(await page.getByLabel('Amount').count()).toBe(0);
  });

  it('Enter goes through Paid, Confirm paid and Next sale without the mouse', async () => {
    await page.getByLabel('Amount').fill('60');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /₹60\.00/ }).waitFor();
    // Focus starts on the sale itself (a stray Enter does nothing); Tab reaches Paid (after any button before it).
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Paid'; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Paid');
    await page.keyboard.press('Enter');
    await page.getByLabel('UPI reference (UTR)').waitFor();
    expect(await focusIs()).toBe('utr');
    // Esc in the confirm step only steps back.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Paid', exact: true }).waitFor();
    expect(await page.getByRole('img', { name: /₹60\.00/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Paid', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('UPI reference (UTR)').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('paid-amount').waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Amount').waitFor();
    expect(await page.getByLabel('Amount').inputValue()).toBe('');
    await expect.poll(() => focusIs()).toBe('amount');
  });
});

describe('the shortcut sheet', () => {
  it('? opens it as a dialog with focus inside; it lists every key; Esc closes it and gives focus back', async () => {
    await blur();
    await page.keyboard.press('Shift+Slash');
    await sheet().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    expect(await sheet().getAttribute('aria-modal')).toBe('true');
    const text = await sheet().innerText();
    for (const key of ['F2', 'F4', 'F6', 'F9', 'Enter', 'Esc', '0–9', '?']) expect(text).toContain(key);
    await page.keyboard.press('Escape');
    await sheet().waitFor({ state: 'detached' });
    expect(await focusIs()).toBe('body');
  });

  it('? with the cursor in Amount opens it; Amount takes digits and the point only', async () => {
    await page.getByLabel('Amount').focus();
    await page.keyboard.type('12a,b');
    expect(await page.getByLabel('Amount').inputValue()).toBe('12');
    await page.keyboard.press('Shift+Slash');
    await sheet().waitFor();
    await page.keyboard.press('Escape');
    await sheet().waitFor({ state: 'detached' });
    expect(await page.getByLabel('Amount').inputValue()).toBe('12');
    expect(await focusIs()).toBe('amount');
    // The footer's Keys button stays for the mouse and for touch.
    await page.getByRole('button', { name: 'Keys (?)' }).click();
    await sheet().waitFor();
  });

  it('? typed in a text field is a character, not the sheet', async () => {
    await page.keyboard.press('F9');
    await page.getByLabel('Terminal name').focus();
    await page.keyboard.press('Shift+Slash');
    expect(await sheet().count()).toBe(0);
    expect(await page.getByLabel('Terminal name').inputValue()).toContain('?');
  });

  it('? from a button opens it and Esc returns focus to that button', async () => {
    await page.keyboard.press('F6');
    const previous = page.getByRole('button', { name: 'Previous day' });
    await previous.focus();
    await page.keyboard.press('Shift+Slash');
    await sheet().waitFor();
    await page.keyboard.press('Escape');
    await sheet().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Previous day');
  });

  it('the footer Keys button opens it; Close returns focus to the button; Tab stays inside', async () => {
    const button = page.getByRole('button', { name: 'Keys (?)' });
    await button.click();
    await sheet().waitFor();
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await sheet().getByRole('button', { name: 'Close' }).click();
    await sheet().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keys (?)');
  });

  it('Esc on the sheet closes only the sheet: a QR behind it stays on screen', async () => {
    await page.getByLabel('Amount').fill('45');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /₹45\.00/ }).waitFor();
    await page.keyboard.press('Shift+Slash');
    await sheet().waitFor();
    // While the sheet is open digits and F-keys do not act behind it.
    await page.keyboard.press('F4');
    expect(await selectedTab()).toBe('tab-sell');
    await page.keyboard.press('Escape');
    await sheet().waitFor({ state: 'detached' });
    expect(await page.getByRole('img', { name: /₹45\.00/ }).count()).toBe(1);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.getByLabel('Amount').waitFor();
  });

  it('digits typed while the sheet is open stay out of Amount', async () => {
    await blur();
    await page.keyboard.press('Shift+Slash');
    await sheet().waitFor();
    await page.keyboard.type('5');
    expect(await sheet().count()).toBe(1);
    expect(await page.getByLabel('Amount').inputValue()).toBe('');
  });
});

describe('the shortcut sheet for assistive tech', () => {
  it('has no serious axe findings, open over Sell, in English and in Hindi', async () => {
    const serious = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    };
    await page.getByRole('button', { name: 'Keys (?)' }).click();
    await sheet().waitFor();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');
    await running.services.handle('settings.update', { language: 'hi' });
    await page.getByRole('button', { name: 'कीबोर्ड (?)' }).click();
    await page.getByRole('dialog', { name: 'कीबोर्ड शॉर्टकट' }).waitFor();
    expect(await serious()).toEqual([]);
  });
});

describe('touch', () => {
  it('every keypad key is at least 56 px in both directions', async () => {
    const keys = page.getByRole('group', { name: 'Keypad' }).getByRole('button');
    expect(await keys.count()).toBe(14);
    for (const key of await keys.all()) {
      const box = await key.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(56);
      expect(box!.height).toBeGreaterThanOrEqual(56);
    }
  });

  it('keypad keys stay 56 px on a small 1024 x 768 counter screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const keys = page.getByRole('group', { name: 'Keypad' }).getByRole('button');
    for (const key of await keys.all()) {
      const box = await key.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(56);
    }
  });

  it('nothing is shown only on hover: no :hover rule reveals or hides anything', async () => {
    const offending = await page.evaluate(() => {
      const found: string[] = [];
      for (const sheetEntry of [...document.styleSheets]) {
        for (const rule of [...sheetEntry.cssRules]) {
          if (!(rule instanceof CSSStyleRule) || !rule.selectorText.includes(':hover')) continue;
          const style = rule.style;
          if (style.display || style.visibility || style.opacity) found.push(rule.selectorText);
        }
      }
      return found;
    });
    expect(offending).toEqual([]);
  });
});
