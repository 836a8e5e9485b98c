/**
 * First start: the owner sets Counter up once (shop name, owner PIN twice, Sandbox or Live) before
 * anyone can sell. Until then there is nothing else on screen, so no one becomes the owner by
 * pressing F9 first, and main answers owner-only calls with not_set_up.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { OwnerView, SettingsView } from '../../electron/contract/views';
import { hi } from '../../renderer/src/i18n/hi';
import { closedLoopbackPort } from '../support/fault-matrix';
import { OWNER_PIN } from '../support/preview';
import { usePreviewOnDemand } from '../support/ui';

const ui = usePreviewOnDemand();

const settings = async () => ((await ui.running().services.handle('settings.get', undefined)) as { value: SettingsView }).value;
const owner = async () => ((await ui.running().services.handle('owner.status', undefined)) as { value: OwnerView }).value;

async function fill(page: Page, values: { shop?: string; pin?: string; again?: string }) {
  if (values.shop !== undefined) await page.getByLabel('Shop name').fill(values.shop);
  if (values.pin !== undefined) await page.getByLabel('Owner PIN (4 to 8 digits)').fill(values.pin);
  if (values.again !== undefined) await page.getByLabel('Owner PIN again').fill(values.again);
}

describe('first start', () => {
  it('opens on the set-up, not Sell: no tabs, no amount, F9 opens nothing; owner-only calls say the owner has not set up', async () => {
    const page = await ui.open({ setup: false });
    await page.getByRole('heading', { name: 'Set up Counter' }).waitFor();
    await page.getByText('The owner sets up Counter once: shop name, owner PIN, Sandbox or Live.').waitFor();
    expect(await page.getByLabel('Amount').count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    await page.keyboard.press('F9');
    await page.keyboard.press('F4');
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.locator('#reference-id').count()).toBe(0);
    const refused = await page.evaluate(() => window.pos.claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '123456' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/set a PIN|Set an owner PIN in Settings/i);
  });

  it('checks each field before anything is saved', async () => {
    const page = await ui.open({ setup: false });
    const finish = page.getByRole('button', { name: 'Finish set-up' });
    await finish.click();
    await page.getByText('Enter the shop\'s name.').waitFor();
    await fill(page, { shop: 'Sharma General Store', pin: '13' });
    await finish.click();
    await page.getByText('The owner PIN is 4 to 8 digits.').waitFor();
    await fill(page, { pin: OWNER_PIN, again: '2469' });
    await finish.click();
    await page.getByText('The two PINs are not the same.').waitFor();
    await fill(page, { again: OWNER_PIN });
    await page.getByLabel('Live: real payments through BOS').check();
    await finish.click();
    await page.getByText('Live needs the registration ID BOS gave your shop.').waitFor();
    expect((await owner()).pinSet).toBe(false);
    expect((await settings()).shopName).toBe('');
  });

  it('Finish saves the shop name and Sandbox, locks the owner again and opens Sell; Settings then asks for the PIN', async () => {
    const page = await ui.open({ setup: false });
    await fill(page, { shop: 'Sharma General Store', pin: OWNER_PIN, again: OWNER_PIN });
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByLabel('Amount').waitFor();
    await page.getByText('SANDBOX — practice mode, no real money moves').waitFor();
    expect(await settings()).toMatchObject({ shopName: 'Sharma General Store', environment: 'sandbox', language: 'en' });
    expect(await owner()).toMatchObject({ pinSet: true, unlocked: false });
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: 'Settings are for the owner' }).waitFor();
    // After a reload it is Sell straight away: the set-up is done once.
    await page.reload();
    await page.getByLabel('Amount').waitFor();
  });

  it('Live takes the registration ID', async () => {
    const page = await ui.open({ setup: false, overrides: { liveBaseUrlOverride: `http://127.0.0.1:${await closedLoopbackPort()}` } });
    await fill(page, { shop: 'Sharma General Store', pin: OWNER_PIN, again: OWNER_PIN });
    await page.getByLabel('Live: real payments through BOS').check();
    await page.getByLabel('BOS registration ID').fill('BOS-554');
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByLabel('Amount').waitFor();
    expect(await settings()).toMatchObject({ environment: 'live', registrationIdHint: expect.stringMatching(/^BOS-/) });
    expect(await page.getByText(/SANDBOX/).count()).toBe(0);
  });

  it('the language chosen in the set-up applies at once and is kept', async () => {
    const page = await ui.open({ setup: false });
    await page.getByLabel('Language').selectOption('hi');
    await page.getByRole('heading', { name: hi.setup.title }).waitFor();
    await page.getByLabel(hi.setup.shopName).fill('शर्मा जनरल स्टोर');
    await page.getByLabel(hi.setup.pin).fill(OWNER_PIN);
    await page.getByLabel(hi.setup.pinAgain).fill(OWNER_PIN);
    await page.getByRole('button', { name: hi.setup.finish }).click();
    await page.getByLabel(hi.sell.amount).waitFor();
    expect(await settings()).toMatchObject({ language: 'hi', shopName: 'शर्मा जनरल स्टोर' });
  });
});
