import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { RunningPreview } from '../support/preview';
import { usePreviewPage } from '../support/ui';
import { decodeQrPng } from '../support/qr-decode';

const ui = usePreviewPage({ owner: true });
let running: RunningPreview;
let page: Page;
beforeEach(() => {
  running = ui.running();
  page = ui.page();
});

const sandbox = () => running.services.sandbox()!;

async function showQr(amount: string) {
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Show QR' }).click();
}

describe('Sell in the browser preview', () => {
  it('shows a QR that a real decoder reads as exactly the intent the sandbox issued', async () => {
    await showQr('1250');
    const qr = page.getByRole('img', { name: /₹1,250\.00/ });
    await qr.waitFor();
    await expect(page.getByTestId('sale-amount').textContent()).resolves.toBe('₹1,250.00');
    const decoded = decodeQrPng(await qr.screenshot());
    const issued = sandbox().control.issuedQrs();
    expect(issued).toHaveLength(1);
    expect(decoded).toBe(issued[0]!.intent);
    const box = await qr.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(0.6 * 900);
    await expect(page.getByText('counter.demo@sandbox').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Paid' }).click();
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await expect(page.getByTestId('paid-amount').textContent()).resolves.toBe('₹1,250.00');
  });

  it('counts down from the server\'s own expiry when its clock is two years off', async () => {
    sandbox().control.setClockOffset(2 * 365 * 24 * 3600_000);
    await showQr('10');
    await page.getByRole('img', { name: /₹10\.00/ }).waitFor();
    const text = await page.getByTestId('countdown').textContent();
    expect(text).toMatch(/^4:5\d$|^5:00$/);
  });

  it('creates one QR for a double press and for Enter pressed twice', async () => {
    sandbox().control.setLatency(400);
    await page.getByLabel('Amount').fill('99');
    // Two presses in the same moment, before React can re-render and disable the button, then Enter.
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Show QR')!;
      button.click();
      button.click();
      document.getElementById('amount')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      (document.querySelector('form.amount-form') as HTMLFormElement).requestSubmit();
    });
    await page.getByRole('img', { name: /₹99\.00/ }).waitFor();
    expect(sandbox().control.issuedQrs()).toHaveLength(1);
  });

  it('shows an error and no QR when BOS answers with an intent for another amount, keeping the amount', async () => {
    await showQr('1.77');
    const alert = page.getByRole('alert').filter({ hasText: 'not shown' });
    await alert.waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
    expect(await page.getByLabel('Amount').inputValue()).toBe('1.77');
  });

  it('shows BOS\'s own words for the VPA error', async () => {
    await showQr('1.04');
    await page.getByText('VPA does not exist for the account provided').first().waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
  });

  it('explains an invalid amount inline without calling BOS', async () => {
    await showQr('1e3');
    await page.getByText('Type the amount in plain digits').waitFor();
    expect(sandbox().control.requests()).toHaveLength(0);
  });
});

describe('after a crash', () => {
  it('a sale left showing comes back as unresolved until the cashier says whether it was paid', async () => {
    await showQr('42');
    await page.getByRole('img', { name: /₹42\.00/ }).waitFor();
    running = await ui.restart();
    await page.goto(running.preview.url);
    await page.getByRole('alertdialog', { name: 'Unresolved sale' }).waitFor();
    expect(await page.getByTestId('unresolved-amount').textContent()).toBe('₹42.00');
    await page.getByRole('button', { name: 'Yes, it was paid' }).click();
    await expect(page.getByTestId('paid-amount').textContent()).resolves.toBe('₹42.00');
    await page.getByRole('button', { name: 'Next sale' }).click();
    await page.getByLabel('Amount').waitFor();
  });
});

describe('Refund in the browser preview', () => {
  it('requests an OTP, claims with it and ends on a confirmation', async () => {
    await page.getByRole('tab', { name: /Refund/ }).click();
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByText('Refund Otp Successfully Sent.').waitFor();
    const otp = sandbox().control.revealOtp('12345678926', '127')!;
    await page.getByLabel('OTP', { exact: true }).fill(otp);
    await page.getByRole('button', { name: 'Claim refund' }).click();
    await page.getByText('Refund claimed').waitFor();
  });

  it('Change numbers goes back to the fields without asking BOS for another OTP', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByText('Refund Otp Successfully Sent.').waitFor();
    await page.getByRole('button', { name: 'Change numbers' }).click();
    await page.getByRole('button', { name: 'Send OTP' }).waitFor();
    await page.waitForTimeout(300);
    expect(sandbox().control.requests().filter((r) => r.path.endsWith('/RefundOTP'))).toHaveLength(1);
    await expect(page.getByText(/Unable to resend|could not send another/).count()).resolves.toBe(0);
  });

  it('after Show sandbox OTP the cursor is in the OTP field, so Enter claims', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByRole('button', { name: 'Show sandbox OTP' }).click();
    await expect.poll(() => page.getByLabel('OTP', { exact: true }).inputValue()).toBe(sandbox().control.revealOtp('12345678926', '127'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('otp');
    await page.keyboard.press('Enter');
    await page.getByText('Refund claimed').waitFor();
    await page.getByText('Ack No 127').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New refund');
  });

  it('explains an already refunded transfer beside BOS\'s message', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').fill('55555555555');
    await page.getByLabel('Ack No').fill('10');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByText('already been refunded').waitFor();
    await page.getByText('BOS said: Transaction not found or already refunded (code 2)').waitFor();
  });
});

describe('Settings in the browser preview', () => {
  it('takes a token write-only: shows configured and the last four, never the token', async () => {
    const token = 'tok_live_zyxwvutsrq_4321';
    await page.keyboard.press('F9');
    await page.getByLabel('Registration ID').fill('BOS-554');
    await page.getByLabel('New token (replaces the current one)').fill(token);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByTestId('token-state').textContent()).toBe('Configured, ends in 4321');
    expect(await page.getByLabel('New token (replaces the current one)').inputValue()).toBe('');
    expect(await page.content()).not.toContain('zyxwvutsrq');
  });

  it('switching to Live replaces the sandbox banner with the live host', async () => {
    // A .invalid host never resolves: nothing here can reach a real BOS server.
    await page.keyboard.press('F9');
    await page.getByLabel('Live BOS address').fill('https://bos.example.invalid');
    // Main refuses Live without the registration ID BOS gave the shop.
    await page.getByLabel('Registration ID').fill('BOS-554');
    await page.getByLabel('Live (real payments)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('LIVE · bos.example.invalid').waitFor();
    expect(await page.getByText('SANDBOX — practice mode').count()).toBe(0);
  });

  it('refuses an http live address with the reason', async () => {
    await page.keyboard.press('F9');
    await page.getByLabel('Live BOS address').fill('http://bos.example.invalid');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The live BOS address must be an https address.').waitFor();
  });
});

describe('secrets', () => {
  it('first start runs on the sandbox with a banner that no money moves', async () => {
    await page.getByText('SANDBOX — practice mode, no real money moves').waitFor();
  });

  it('no token in any page\'s DOM, storage or window.pos results', async () => {
    const token = 'tok_secret_abcdef123456';
    await running.services.handle('settings.update', { token, registrationId: 'BOS-554' });
    await showQr('10');
    await page.getByRole('img', { name: /₹10\.00/ }).waitFor();
    const snapshot = () =>
      page.evaluate(async () => {
        const results = await Promise.all([window.pos.appInfo(), window.pos.getSettings(), window.pos.currentSale()]);
        return JSON.stringify(results) + document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
      });
    const seen = [await snapshot()];
    // Each screen once it is up (Settings loads apart, so it is waited on by what it shows).
    const shown = { F4: () => page.getByLabel('Reference ID').waitFor(), F9: () => page.getByText(/ends in 3456/).first().waitFor(), F2: () => page.getByRole('img', { name: /₹10\.00/ }).waitFor() };
    for (const key of ['F4', 'F9', 'F2'] as const) {
      await page.keyboard.press(key);
      await shown[key]();
      seen.push(await snapshot());
    }
    expect(seen).toHaveLength(4);
    for (const text of seen) {
      expect(text).not.toContain(token);
      expect(text).not.toContain('abcdef123456');
    }
    expect(seen[2]).toContain('ends in 3456');
  });
});
