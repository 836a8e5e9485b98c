import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER_PIN, actAsOwner, type RunningPreview } from '../support/preview';
import { usePreviewPage } from '../support/ui';

const ui = usePreviewPage();
let running: RunningPreview;
let page: Page;
beforeEach(() => {
  running = ui.running();
  page = ui.page();
});

const pinDialog = () => page.getByRole('dialog', { name: 'Owner PIN' });

describe('Owner PIN in the browser preview', () => {
  // The first PIN is set in the first-start set-up (test/ui/setup.test.ts); the fixture did it here.
  it('after the set-up, Settings asks for the PIN; after Lock, it asks again', async () => {
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: 'Settings are for the owner' }).waitFor();
    await expect(page.getByLabel('Registration ID').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await pinDialog().getByLabel('Owner PIN').fill(OWNER_PIN);
    await pinDialog().getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Registration ID').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Settings are for the owner' }).waitFor();
    await expect(page.getByLabel('Registration ID').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await pinDialog().getByLabel('Owner PIN').fill(OWNER_PIN);
    await pinDialog().getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Registration ID').waitFor();
  });

  it('a refund claim asks for the PIN; a wrong one says how many tries are left; the right one claims', async () => {
    await running.services.handle('owner.setPin', { pin: OWNER_PIN });
    await running.services.handle('owner.lock', undefined);
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click(); // staff may send OTPs
    await page.getByText('Refund Otp Successfully Sent.').waitFor();
    await page.getByLabel('OTP', { exact: true }).fill(running.services.sandbox()!.control.revealOtp('12345678926', '127')!);
    await page.getByRole('button', { name: 'Claim refund' }).click();
    await pinDialog().waitFor();
    const claims = () => running.services.sandbox()!.control.requests().filter((r) => r.path.endsWith('/ClaimRefund')).length;
    expect(claims()).toBe(0);
    await pinDialog().getByLabel('Owner PIN').fill('1111');
    await pinDialog().getByRole('button', { name: 'Unlock' }).click();
    await pinDialog().getByText('That PIN is not right. 4 tries left before it locks for 5 minutes.').waitFor();
    await expect(pinDialog().getByLabel('Owner PIN').inputValue()).resolves.toBe('');
    await pinDialog().getByLabel('Owner PIN').fill(OWNER_PIN);
    await pinDialog().getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Refund claimed').waitFor();
    expect(claims()).toBe(1);
    await page.getByRole('button', { name: 'Lock' }).waitFor();
  });

  it('dismissing the PIN dialog claims nothing and says the owner is needed', async () => {
    await running.services.handle('owner.setPin', { pin: OWNER_PIN });
    await running.services.handle('owner.lock', undefined);
    await page.keyboard.press('F4');
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByLabel('OTP', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Claim refund' }).click();
    await pinDialog().waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('This needs the owner\'s PIN.').waitFor();
    await expect(pinDialog().count()).resolves.toBe(0);
    expect(running.services.sandbox()!.control.requests().filter((r) => r.path.endsWith('/ClaimRefund'))).toHaveLength(0);
  });

  it('five wrong PINs lock it and the dialog says for how long', async () => {
    await running.services.handle('owner.setPin', { pin: OWNER_PIN });
    await running.services.handle('owner.lock', undefined);
    await page.keyboard.press('F9');
    await page.getByRole('button', { name: 'Unlock' }).click();
    for (let i = 0; i < 5; i += 1) {
      await pinDialog().getByLabel('Owner PIN').fill('0000');
      await pinDialog().getByRole('button', { name: 'Unlock' }).click();
      await expect.poll(() => pinDialog().getByLabel('Owner PIN').inputValue()).toBe('');
    }
    await pinDialog().getByText('Too many wrong PINs. The PIN is locked for 5 minutes.').waitFor();
    await pinDialog().getByLabel('Owner PIN').fill(OWNER_PIN);
    await pinDialog().getByRole('button', { name: 'Unlock' }).click();
    await pinDialog().getByText(/locked for [45] minutes/).waitFor();
    await expect(page.getByLabel('Registration ID').count()).resolves.toBe(0);
  });

  it('Test connection reports the sandbox reachable in plain words', async () => {
    await actAsOwner(running);
    await page.keyboard.press('F9');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Reachable').waitFor();
    await page.getByText('BOS answered and accepted Counter\'s credentials.').waitFor();
  });
});
