import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { OWNER_PIN, actAsOwner, type RunningPreview } from '../support/preview';
import { usePreviewOnDemand, type OpenOptions } from '../support/ui';

const ui = usePreviewOnDemand();
let running: RunningPreview;
let page: Page;
async function open(options: OpenOptions = {}) {
  await ui.open({ navigate: false, ...options });
  running = ui.running();
  page = ui.page();
}

/** Serious and critical axe findings on the page as it is now, as "rule: target" lines. */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** Walks every cashier and owner screen, checking each with axe. */
async function walkScreens(): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const check = async (name: string) => {
    found[name] = await seriousViolations();
  };
  await page.goto(running.preview.url);
  await page.getByLabel('Amount').waitFor();
  await check('sell: amount entry');
  await page.getByLabel('Amount').fill('1.04');
  await page.getByRole('button', { name: 'Show QR' }).click();
  await page.getByText('VPA does not exist', { exact: false }).waitFor();
  await check('sell: BOS error');
  await page.getByLabel('Amount').fill('1250');
  await page.getByRole('button', { name: 'Show QR' }).click();
  await page.getByRole('img', { name: /UPI QR code/ }).waitFor();
  await check('sell: QR on screen');
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog', { name: 'Cancel this ₹1,250.00 QR?' }).waitFor();
  await check('sell: cancel this QR?');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Paid', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm paid' }).waitFor();
  await check('sell: confirm paid');
  await page.getByLabel('UPI reference (UTR)').fill('123456789012');
  await page.getByRole('button', { name: 'Confirm paid' }).click();
  await page.getByTestId('paid-amount').waitFor();
  await check('sell: paid');
  await page.getByRole('button', { name: 'Next sale' }).click();
  // The same UTR for the next sale: main's question, with the earlier sale.
  await page.getByLabel('Amount').fill('60');
  await page.getByRole('button', { name: 'Show QR' }).click();
  await page.getByRole('button', { name: 'Paid', exact: true }).click();
  await page.getByLabel('UPI reference (UTR)').fill('123456789012');
  await page.getByRole('button', { name: 'Confirm paid' }).click();
  await page.getByRole('button', { name: 'Mark paid anyway' }).waitFor();
  await check('sell: UTR used before');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.getByText('Sale cancelled (₹60.00).').waitFor();
  await check('sell: cancelled');

  await page.keyboard.press('F4');
  await page.getByLabel('Reference ID').fill('12345678926');
  await page.getByLabel('Ack No').fill('127');
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await page.getByLabel('OTP', { exact: true }).waitFor();
  await check('refund: OTP sent');
  await page.getByLabel('OTP', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Claim refund' }).click();
  await page.getByRole('dialog', { name: 'Owner PIN' }).waitFor();
  await check('owner PIN dialog');
  await page.getByRole('dialog', { name: 'Owner PIN' }).getByLabel('Owner PIN').fill(OWNER_PIN);
  await page.getByRole('dialog', { name: 'Owner PIN' }).getByRole('button', { name: 'Unlock' }).click();
  await page.getByText('Invalid OTP').waitFor();
  await check('refund: claim refused');

  await page.keyboard.press('F6');
  await page.getByRole('table').waitFor();
  await check('history');
  await page.keyboard.press('F9');
  await page.getByLabel('Registration ID').waitFor();
  await check('settings (owner)');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Settings are for the owner' }).waitFor();
  await check('settings (locked)');
  return found;
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on any screen, standard look', async () => {
    await open();
    await actAsOwner(running);
    await running.services.handle('owner.lock', undefined);
    const found = await walkScreens();
    expect(Object.keys(found)).toHaveLength(14);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('finds none in the high-contrast look either', async () => {
    await open();
    await actAsOwner(running);
    await running.services.handle('settings.update', { theme: 'high-contrast' });
    await running.services.handle('owner.lock', undefined);
    const found = await walkScreens();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('high-contrast');
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('the first-start set-up passes too, with its checks showing', async () => {
    await open({ setup: false });
    await page.goto(running.preview.url);
    await page.getByRole('heading', { name: 'Set up Counter' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByLabel('Live: real payments through BOS').check();
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByText('Enter the shop\'s name.').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });
});
