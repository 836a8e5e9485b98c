import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PREVIEW } from '../../electron/contract/customer';
import type { PreviewServicesDeps } from '../../electron/web/compose';
import { launchChromium } from '../support/chromium';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';
import { decodeQrPng } from '../support/qr-decode';

/** Screenshots for a person to look at (the customer monitor at common sizes). */
const SHOTS = join(process.cwd(), '.tmp', 'customer-display');

let browser: Browser;
let running: RunningPreview | null = null;
let context: BrowserContext | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = null;
  await running?.stop();
  running = null;
});

const HOLD_MS = 1500;

/** A fresh preview, the cashier page and the customer display in two pages of one browser context. */
async function openBoth(options: { overrides?: Partial<PreviewServicesDeps>; viewport?: { width: number; height: number }; shopName?: string } = {}) {
  running = await startPreview(options.overrides ?? {});
  await actAsOwner(running);
  if (options.shopName !== undefined) {
    const updated = await running.services.handle('settings.update', { shopName: options.shopName });
    expect(updated.ok).toBe(true);
  }
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  context = await browser.newContext({ viewport });
  const cashier = await context.newPage();
  await cashier.goto(running.preview.url);
  await cashier.getByLabel('Amount').waitFor();
  const customer = await context.newPage();
  await customer.goto(`${running.preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}?hold=${HOLD_MS}`);
  await customer.getByText('UPI accepted').waitFor();
  return { cashier, customer, viewport, running };
}

async function showQr(cashier: Page, amount: string) {
  await cashier.getByLabel('Amount').fill(amount);
  await cashier.getByRole('button', { name: 'Show QR' }).click();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

const fontPx = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('the customer display in the browser preview', () => {
  it('idle → QR → paid → idle, the QR decoding to exactly the intent the sandbox issued', async () => {
    const { cashier, customer, viewport, running: r } = await openBoth({ shopName: 'Sharma General Store' });
    await customer.getByRole('heading', { name: 'Sharma General Store' }).waitFor();
    await customer.getByText('Practice mode').waitFor();
    expect(await customer.getByRole('img').count()).toBe(0);

    await showQr(cashier, '1250');
    const qr = customer.getByRole('img', { name: /UPI QR code for ₹1,250\.00/ });
    await qr.waitFor();
    const issued = r.services.sandbox()!.control.issuedQrs();
    expect(issued).toHaveLength(1);
    expect(decodeQrPng(await qr.screenshot())).toBe(issued[0]!.intent);
    const box = (await qr.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(0.6 * viewport.height);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await customer.getByTestId('customer-amount').textContent()).toBe('₹1,250.00');
    expect(await fontPx(customer, 'customer-amount')).toBeGreaterThanOrEqual(64);
    await customer.getByText('counter.demo@sandbox').waitFor();
    expect(await customer.getByTestId('customer-countdown').textContent()).toMatch(/^(4:5\d|5:00)$/);
    // No controls on the customer's screen.
    expect(await customer.locator('button, input, select, textarea, a[href]').count()).toBe(0);

    await cashier.getByRole('button', { name: 'Paid', exact: true }).click();
    await cashier.getByRole('button', { name: 'Confirm paid' }).click();
    await customer.getByRole('heading', { name: 'Paid — thank you' }).waitFor();
    expect(await customer.getByRole('img').count()).toBe(0);
    await customer.getByText('₹1,250.00 received').waitFor();
    // Held for a moment, then the next customer is greeted.
    await customer.getByRole('heading', { name: 'Sharma General Store' }).waitFor({ timeout: HOLD_MS + 5000 });
    expect(await customer.getByText('Paid — thank you').count()).toBe(0);
  });

  it('idle → QR → expired → idle', async () => {
    const { cashier, customer } = await openBoth({ overrides: { sandboxOptions: { qrTtlMs: 3000 } } });
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await showQr(cashier, '75');
    await customer.getByRole('img', { name: /₹75\.00/ }).waitFor();
    await customer.getByRole('heading', { name: 'QR expired' }).waitFor({ timeout: 10_000 });
    expect(await customer.getByRole('img').count()).toBe(0);
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor({ timeout: HOLD_MS + 5000 });
    await cashier.getByRole('button', { name: 'New QR' }).waitFor();
  });

  // Its own sale with the usual five-minute QR: a three-second one could expire while the cashier is asked.
  it('a cancelled sale goes straight back to the welcome, but only once the cashier says yes', async () => {
    const { cashier, customer } = await openBoth();
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await showQr(cashier, '75');
    await customer.getByRole('img', { name: /₹75\.00/ }).waitFor();
    await cashier.getByRole('button', { name: 'Cancel' }).click();
    // Asking is not cancelling: the customer still sees the QR until the cashier says yes.
    await cashier.getByRole('button', { name: 'Yes, cancel' }).waitFor();
    expect(await customer.getByRole('img', { name: /₹75\.00/ }).count()).toBe(1);
    await cashier.getByRole('button', { name: 'Yes, cancel' }).click();
    // No "expired", no hold, no QR left behind.
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor({ timeout: 2000 });
    expect(await customer.getByRole('img').count()).toBe(0);
    expect(await customer.getByRole('heading', { name: 'QR expired' }).count()).toBe(0);
  });


  it('says it is preparing the QR, and never shows a QR for a sale that failed', async () => {
    const { cashier, customer, running: r } = await openBoth();
    // Record every QR the page ever draws, however briefly.
    await customer.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { qrsSeen: string[] }).qrsSeen = seen;
      new MutationObserver(() => {
        for (const qr of document.querySelectorAll('svg.qr')) seen.push(qr.getAttribute('aria-label') ?? '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    r.services.sandbox()!.control.setLatency(800);
    // The sandbox answers 1.77 with an intent for another amount: the sale fails, the QR is never shown.
    await showQr(cashier, '1.77');
    await customer.getByRole('heading', { name: 'Preparing your QR…' }).waitFor();
    expect(await customer.getByTestId('customer-amount').textContent()).toBe('₹1.77');
    await cashier.getByRole('alert').filter({ hasText: 'not shown' }).waitFor();
    await customer.getByRole('heading', { name: 'Welcome' }).waitFor();
    await customer.waitForTimeout(300);
    expect(await customer.evaluate(() => (window as unknown as { qrsSeen: string[] }).qrsSeen)).toEqual([]);
  });

  it('switches to Hindi and high contrast when the owner does', async () => {
    const { cashier, customer, running: r } = await openBoth();
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('en-IN');
    const updated = await r.services.handle('settings.update', { language: 'hi', theme: 'high-contrast' });
    expect(updated.ok).toBe(true);
    await customer.getByText('UPI से भुगतान स्वीकार है').waitFor();
    await customer.getByRole('heading', { name: 'स्वागत है' }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe('hi-IN');
    expect(await customer.evaluate(() => document.documentElement.dataset.theme)).toBe('high-contrast');
    expect(await customer.getByText('UPI accepted').count()).toBe(0);
    await cashier.reload();
    await cashier.locator('#amount').waitFor();
    await cashier.locator('#amount').fill('1250');
    await cashier.locator('form.amount-form').evaluate((form) => (form as HTMLFormElement).requestSubmit());
    await customer.getByRole('img', { name: /₹1,250\.00 का UPI QR कोड/ }).waitFor();
    await customer.getByRole('heading', { name: 'भुगतान की राशि' }).waitFor();
    await customer.screenshot({ path: join(SHOTS, '1280x800-qr-hi-high-contrast.png') });
  });

  it('the cashier opens the customer display from Settings (a new tab in the preview)', async () => {
    const { cashier } = await openBoth();
    await cashier.keyboard.press('F9');
    await cashier.getByRole('button', { name: 'Open customer display' }).scrollIntoViewIfNeeded();
    await cashier.screenshot({ path: join(SHOTS, 'cashier-settings-button.png') });
    const opened = context!.waitForEvent('page');
    await cashier.getByRole('button', { name: 'Open customer display' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(CUSTOMER_PREVIEW.page);
    await page.getByText('UPI accepted').waitFor();
    // Opened without a handle back to the cashier's window.
    expect(await page.evaluate(() => window.opener === null && !('pos' in window))).toBe(true);
  });

  it('each token opens only its own routes; each page carries only its own token', async () => {
    const { customer, running: r } = await openBoth();
    const base = r.preview.url.replace(/\/$/, '');
    const customerBase = new URL(r.preview.customerUrl).origin;
    const { token, customerToken } = r.preview;
    expect(customerToken).toMatch(/^[0-9a-f]{48}$/);
    expect(customerToken).not.toBe(token);
    // The customer display is a page of its own origin.
    expect(new URL(customer.url()).origin).toBe(customerBase);
    expect(customerBase).not.toBe(new URL(base).origin);

    const view = (t: string) => fetch(`${customerBase}${CUSTOMER_PREVIEW.view}`, { headers: { 'X-Counter-Token': t } });
    const pos = (t: string) => fetch(`${base}/pos/app.info`, { method: 'POST', headers: { 'X-Counter-Token': t, 'Content-Type': 'application/json' }, body: '{}' });
    const stream = async (url: string, t: string) => {
      const controller = new AbortController();
      const response = await fetch(url, { headers: { 'X-Counter-Token': t }, signal: controller.signal });
      controller.abort();
      return response.status;
    };
    expect((await view(token)).status).toBe(403);
    expect((await view('')).status).toBe(403);
    const ok = await view(customerToken);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; value: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(Object.keys(body.value).sort()).toEqual(['language', 'sale', 'shopName', 'theme', 'training']);
    expect((await pos(customerToken)).status).toBe(403);
    expect((await pos(token)).status).toBe(200);
    expect(await stream(`${base}/pos-events`, customerToken)).toBe(403);
    expect(await stream(`${customerBase}${CUSTOMER_PREVIEW.events}`, token)).toBe(403);
    expect(await stream(`${customerBase}${CUSTOMER_PREVIEW.events}`, customerToken)).toBe(200);

    const customerHtml = await (await fetch(`${base}${CUSTOMER_PREVIEW.page}`)).text();
    const cashierHtml = await (await fetch(`${base}/`)).text();
    const otherHtml = await (await fetch(`${base}/index.html`)).text();
    expect(customerHtml).toContain(customerToken);
    expect(customerHtml).not.toContain(token);
    for (const html of [cashierHtml, otherHtml]) {
      expect(html).toContain(token);
      expect(html).not.toContain(customerToken);
    }
    // The customer page has no window.pos, and its window.customer can only read.
    expect(await customer.evaluate(() => ({ pos: 'pos' in window, keys: Object.keys(window.customer).sort() }))).toEqual({ pos: false, keys: ['onChange', 'view'] });
  });

  it('axe finds nothing serious on the welcome, the QR and the paid screens', async () => {
    const { cashier, customer } = await openBoth();
    expect(await seriousViolations(customer)).toEqual([]);
    await showQr(cashier, '1250');
    await customer.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    expect(await seriousViolations(customer)).toEqual([]);
    // A display opened (or reloaded) mid-sale shows the sale on screen.
    await customer.reload();
    await customer.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    expect(await customer.getByTestId('customer-countdown').textContent()).toMatch(/^(4:5\d|5:00)$/);
    await cashier.getByRole('button', { name: 'Paid', exact: true }).click();
    await cashier.getByRole('button', { name: 'Confirm paid' }).click();
    await customer.getByRole('heading', { name: 'Paid — thank you' }).waitFor();
    expect(await seriousViolations(customer)).toEqual([]);
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 800 },
  ]) {
    it(`looks right on a ${viewport.width}x${viewport.height} customer monitor (screenshots in .tmp/customer-display)`, async () => {
      const { cashier, customer } = await openBoth({ viewport, shopName: 'Sharma General Store', overrides: { sandboxOptions: { qrTtlMs: 6000 } } });
      const shot = (name: string) => customer.screenshot({ path: join(SHOTS, `${viewport.width}x${viewport.height}-${name}.png`) });
      await shot('idle');
      await showQr(cashier, '100000');
      const qr = customer.getByRole('img', { name: /₹1,00,000\.00/ });
      await qr.waitFor();
      await shot('qr');
      const box = (await qr.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(0.6 * viewport.height);
      // Nothing runs off the screen: the amount is fully inside the viewport.
      const amount = (await customer.getByTestId('customer-amount').boundingBox())!;
      expect(amount.x + amount.width).toBeLessThanOrEqual(viewport.width);
      expect(amount.y + amount.height).toBeLessThanOrEqual(viewport.height);
      expect(amount.x).toBeGreaterThanOrEqual(box.x + box.width);
      // The largest amount one QR can collect stays on one line, at least 64 px high.
      const size = await fontPx(customer, 'customer-amount');
      expect(size).toBeGreaterThanOrEqual(64);
      expect(amount.height).toBeLessThan(1.6 * size);
      await customer.getByRole('heading', { name: 'QR expired' }).waitFor({ timeout: 15_000 });
      await shot('expired');
      await cashier.getByRole('button', { name: 'New QR' }).click();
      await customer.getByRole('img', { name: /₹1,00,000\.00/ }).waitFor();
      await cashier.getByRole('button', { name: 'Paid', exact: true }).click();
      await cashier.getByRole('button', { name: 'Confirm paid' }).click();
      await customer.getByRole('heading', { name: 'Paid — thank you' }).waitFor();
      await shot('paid');
    });
  }
});
