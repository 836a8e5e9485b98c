/**
 * Settings on the owner's Counter (paired with a real hub as the owner's): a pairing code shown large
 * with its life, the terminals paired to the shop with revoke (asked first), an owner key shown once.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import { startHub, type RunningHub } from '../../electron/hub';
import { hi } from '../../renderer/src/i18n/hi';
import { shopHi } from '../../renderer/src/i18n/hi/shop';
import { englishOnHindiScreen } from '../support/hindi-books';
import { expectInView } from '../support/in-view';
import { usePreviewOnDemand, type OpenOptions } from '../support/ui';

const SHOTS = join(process.cwd(), '.tmp', 'owner-shop');
mkdirSync(SHOTS, { recursive: true });
const ui = usePreviewOnDemand();
let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ dataDir: null, shopName: 'Sharma Stores' });
}, 60_000);
afterAll(async () => {
  await hub?.close();
});

async function openSettings(role: 'owner' | 'counter', options: OpenOptions = {}): Promise<Page> {
  const page = await ui.open({ owner: true, ...options, settings: { terminalName: 'Owner laptop', ...options.settings }, context: { viewport: { width: 1366, height: 768 } } });
  const paired = await ui.running().services.pairHub(hub.url, (await hub.createPairingCode(role, 'Owner laptop')).code);
  expect(paired).toMatchObject({ ok: true, value: { role } });
  await page.keyboard.press('F9');
  return page;
}

/** A terminal pairing with a code, as the new counter would. */
async function pairWith(code: string, name: string): Promise<PairAnswer> {
  const res = await fetch(`${hub.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
  expect(res.status).toBe(200);
  return (await res.json()) as PairAnswer;
}

describe("Settings' shop hub on the owner's Counter", () => {
  it('makes a pairing code shown large with its ten-minute life; the counter it pairs is listed and revoked after asking', async () => {
    const page = await openSettings('owner');
    await page.getByLabel('Its name (optional)').fill('Counter 3');
    await page.getByRole('button', { name: 'Make a pairing code' }).click();
    const box = page.getByTestId('pairing-code');
    await box.getByText('Pairing code for Counter 3 (A counter)').waitFor();
    await expect(box.textContent()).resolves.toMatch(/Works once, for (10:00|9:5\d) more \(until \d{1,2}:\d\d\s?(am|pm)\)\./);
    const shown = (await box.getByTestId('pairing-code-digits').textContent())!;
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const fontSize = await box.locator('.pairing-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 1800 });
    await page.screenshot({ path: join(SHOTS, 'settings-owner-en-1366-full.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    const counter = await pairWith(shown, 'Counter 3');
    expect(counter.role).toBe('counter');
    await page.getByRole('region', { name: 'Paired to this shop' }).getByRole('button', { name: 'Refresh' }).click();
    const row = page.getByTestId('terminal-row').filter({ hasText: 'Counter 3' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('A counter');
    // This Counter itself is marked, and offers no Revoke: it must not cut itself off by mistake.
    const self = page.getByTestId('terminal-row').filter({ hasText: 'Owner laptop · this Counter' });
    await self.filter({ hasText: "The owner's Counter" }).waitFor();
    await expect(self.getByRole('button').count()).resolves.toBe(0);

    await row.getByRole('button', { name: 'Revoke Counter 3' }).click();
    await row.getByText('Revoke Counter 3? It stops reaching the hub at once and must be paired again with a new code.').waitFor();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const me = await fetch(`${hub.url}/v1/me`, { headers: { authorization: `Bearer ${counter.credential}` } });
    expect(me.status).toBe(401);
  });

  it('makes an owner key shown once, read-only unless asked, with a copy button and the warning', async () => {
    const page = await openSettings('owner', { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await expect(page.getByRole('radio', { name: /^Read the sales For an accountant/ }).isChecked()).resolves.toBe(true);
    await page.getByLabel('What it is for (optional)').fill('Accounts');
    await page.getByRole('button', { name: 'Make an owner key' }).click();
    const box = page.getByTestId('owner-key');
    await box.getByText('Keep it safe: it reads all your takings.', { exact: false }).waitFor();
    const key = await box.getByLabel('Owner key · Accounts').inputValue();
    await expect(box.getByRole('button', { name: 'Copy' }).boundingBox().then((b) => b!.height)).resolves.toBeLessThan(70);
    expect(key).toMatch(/^hubo_[A-Za-z0-9_-]{43}$/);
    const read = await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: { authorization: `Bearer ${key}` } });
    expect(read.status).toBe(200);
    await box.getByRole('button', { name: 'Copy' }).click();
    await box.getByText(/^(Copied\.|Copying is not allowed here: the key is selected, press Ctrl\+C\.)$/).waitFor();
    await page.getByRole('button', { name: 'I have kept it: hide it' }).click();
    await expect(page.getByTestId('owner-key').count()).resolves.toBe(0);
    await expect(page.locator(`input[value="${key}"]`).count()).resolves.toBe(0);
  });

  it('lists the shop’s keys with what each may do, when and where it was made and its last use, and revokes one after asking', async () => {
    const page = await openSettings('owner');
    const nightly = await hub.createOwnerKey('Nightly export', 'owner');
    await page.getByRole('radio', { name: /^Read the sales and pair counters/ }).check();
    await page.getByLabel('What it is for (optional)').fill('Accounts office');
    await page.getByRole('button', { name: 'Make an owner key' }).click();
    const box = page.getByTestId('owner-key');
    await box.getByText('Keep it safe: it reads all your takings and pairs counters.', { exact: false }).waitFor();
    const key = await box.getByLabel('Owner key · Accounts office').inputValue();
    await page.getByRole('button', { name: 'I have kept it: hide it' }).click();

    const rows = page.getByTestId('owner-key-row');
    const accounts = rows.filter({ hasText: 'Accounts office' });
    await accounts.waitFor();
    await expect(accounts.textContent()).resolves.toMatch(/Accounts officeRead and pair counters\d{1,2} \w{3} \d{4}, \d{1,2}:\d\d\s?(am|pm)on Owner laptopnever/);
    await expect(rows.filter({ hasText: 'Nightly export' }).textContent()).resolves.toContain("on the hub's command line");
    expect((await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await page.getByRole('region', { name: 'Keys of this shop' }).getByRole('button', { name: 'Refresh' }).click();
    await accounts.filter({ hasNotText: 'never' }).waitFor();
    for (const [width, height] of [[1366, 768], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      await accounts.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `settings-keys-en-${width}x${height}.png`) });
      await expectInView(page, { revoke: accounts.getByRole('button', { name: 'Revoke Accounts office' }) }, `owner keys ${width}`);
    }
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await accounts.getByRole('button', { name: 'Revoke Accounts office' }).click();
    await accounts.getByText('Revoke Accounts office? Whatever uses it stops at once; make a new key if it is still needed.').waitFor();
    await accounts.getByRole('button', { name: 'Yes, revoke' }).click();
    await accounts.getByText('Revoked').waitFor();
    expect((await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    expect((await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: { authorization: `Bearer ${nightly.key}` } })).status).toBe(200);
  });

  it('shows none of it on a Counter paired as a counter', async () => {
    const page = await openSettings('counter');
    await page.getByTestId('hub-state').getByText('Connected to Sharma Stores', { exact: false }).waitFor();
    await expect(page.getByTestId('shop-owner-panel').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Make a pairing code' }).count()).resolves.toBe(0);
  });

  it('in Hindi: the pairing code and the key in view at 1024×768 and 1366×768', async () => {
    const page = await openSettings('owner', { settings: { language: 'hi' }, amountLabel: hi.sell.amount });
    await page.getByRole('button', { name: shopHi.shopHub.makeCode }).click();
    const box = page.getByTestId('pairing-code');
    await box.getByText(shopHi.shopHub.codeFor(shopHi.shopHub.roles.counter, shopHi.shopHub.roles.counter)).waitFor();
    for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `settings-code-hi-${width}x${height}.png`) });
      await expectInView(page, { code: box.locator('.pairing-code'), life: box.locator('.pairing-code-life') }, `pairing code hi ${width}`);
    }
    // Names the owner gave (this file's earlier tests made keys on this hub) are data, not the screen's words.
    const data = ['Owner laptop', 'Sharma Stores', hub.url, 'Nightly export', 'Accounts office', 'Accounts'];
    const codeScreen = await englishOnHindiScreen(page, data);
    expect(codeScreen.english).toEqual([]);
    expect(codeScreen.latin).toEqual([]);
    await page.getByRole('button', { name: shopHi.shopHub.makeKey }).click();
    const key = page.getByTestId('owner-key');
    await key.getByText(shopHi.shopHub.keyWarning('read')).waitFor();
    for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await key.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `settings-key-hi-${width}x${height}.png`) });
      await expectInView(page, { warning: key.locator('.owner-key-warning'), copy: key.getByRole('button', { name: shopHi.shopHub.copy }) }, `owner key hi ${width}`);
    }
    await page.getByRole('button', { name: shopHi.shopHub.keyDone }).click();
    const row = page.getByTestId('owner-key-row').filter({ hasText: shopHi.shopHub.defaultKeyLabel.read });
    await row.getByText(shopHi.shopHub.madeBy.terminal('Owner laptop')).waitFor();
    for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
      await page.setViewportSize({ width, height });
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `settings-keys-hi-${width}x${height}.png`) });
      await expectInView(page, { revoke: row.getByRole('button', { name: shopHi.shopHub.revokeKeyNamed(shopHi.shopHub.defaultKeyLabel.read) }) }, `owner keys hi ${width}`);
    }
    const keysScreen = await englishOnHindiScreen(page, data);
    expect(keysScreen.english, keysScreen.text).toEqual([]);
    expect(keysScreen.latin, keysScreen.text).toEqual([]);
  });
});
