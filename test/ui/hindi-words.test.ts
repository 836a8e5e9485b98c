import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUND_MEANING_WORDS, type RefundMeaning } from '../../electron/contract/refund-codes';
import { hi } from '../../renderer/src/i18n/hi';
import { FAKE_HUB_CODE, startFakeHub, type FakeHub } from '../support/fake-hub';
import { englishOnHindiScreen } from '../support/hindi-books';
import { usePreviewOnDemand } from '../support/ui';

/**
 * Words a Hindi-speaking cashier reads at a glance: the button that records a payment, a refund's
 * next step, a revoked counter's message. Each screen is checked for English (main's own words may
 * stay below, marked English) and saved as .tmp/hindi-words-<name>.png at 1024×768.
 */
const ui = usePreviewOnDemand();
const SMALL = { viewport: { width: 1024, height: 768 } };
const SANDBOX_WORDS = ['Counter Sandbox Store', 'counter.demo@sandbox'];
const SHOTS = join(process.cwd(), '.tmp');
let hub: FakeHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function expectAllHindi(page: Page, name: string, allowed: readonly string[] = []): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `hindi-words-${name}.png`) });
  const shown = await englishOnHindiScreen(page, [...SANDBOX_WORDS, ...allowed]);
  expect(shown.english, shown.text).toEqual([]);
  expect(shown.latin, shown.text).toEqual([]);
}

describe('Hindi words a cashier acts on', () => {
  it('the button that records the payment says what it does, not the state the screen shows once it is done', async () => {
    const page = await ui.open({ settings: { language: 'hi' }, amountLabel: hi.sell.amount, context: SMALL });
    await page.getByLabel(hi.sell.amount).fill('250');
    await page.getByRole('button', { name: hi.sell.showQr }).click();
    await page.getByRole('img', { name: /₹250\.00/ }).waitFor();
    const record = page.locator('button.primary', { hasText: hi.sell.paid });
    await expect(record.count()).resolves.toBe(1);
    await expectAllHindi(page, 'sell-qr');

    await record.click();
    await page.getByLabel(hi.sell.utr).waitFor();
    await page.getByRole('button', { name: hi.sell.confirmPaid }).click();
    const done = page.getByTestId('paid-amount').locator('..');
    await done.waitFor();
    const status = (await done.innerText()).replace(/[✓₹\d,.\s]+/g, ' ').trim();
    expect(status).not.toBe('');
    expect(status.includes(hi.sell.paid) || hi.sell.paid.includes(status), `the button "${hi.sell.paid}" reads like the paid state "${status}"`).toBe(false);
    await expectAllHindi(page, 'sell-paid');
  });

  it('a refund BOS refuses says in Hindi what its code means and what to do next, above main\'s English', async () => {
    const page = await ui.open({ settings: { language: 'hi' }, amountLabel: hi.sell.amount, context: SMALL });
    await page.keyboard.press('F4');
    await page.getByLabel(hi.refund.referenceId).fill('55555555555');
    await page.getByLabel(hi.refund.ackNo).fill('10');
    await page.getByRole('button', { name: hi.refund.sendOtp }).click();
    const english = page.locator('.error-box .english-line');
    await english.waitFor();
    const said = (await english.innerText()).trim();
    const meaning = (Object.keys(REFUND_MEANING_WORDS) as RefundMeaning[]).find((key) => REFUND_MEANING_WORDS[key] === said);
    expect(meaning, `main's words "${said}" are one of the refund meanings`).toBeDefined();
    await page.locator('.error-box').getByText(hi.refund.meanings[meaning!], { exact: true }).waitFor();
    const bosSaid = (await page.locator('.error-box .bos-said').innerText()).replace(hi.errors.bosSaid, '').replace(/\(.*\)$/, '').trim();
    await expectAllHindi(page, 'refund-refused', [bosSaid]);
  });

  it('a counter the hub no longer accepts is told so in Hindi, and what to do', async () => {
    hub = await startFakeHub();
    const page = await ui.open({ owner: true, settings: { language: 'hi' }, amountLabel: hi.sell.amount, context: SMALL });
    expect((await ui.running().services.pairHub(hub.url, FAKE_HUB_CODE)).ok).toBe(true);
    await page.keyboard.press('F9');
    const state = page.getByTestId('hub-state');
    await state.getByText(hi.hub.connected('')).waitFor();
    hub.revoke();
    await state.getByText(hi.hub.refused).waitFor({ timeout: 15_000 });
    await state.scrollIntoViewIfNeeded();
    // Main's English names who must act and where; the Hindi above it says the same, in the words the screens use for them.
    const english = await state.locator('[lang="en-IN"]').innerText();
    const hindi = (await state.innerText()).replace(english, '');
    expect(english).toMatch(/owner/);
    expect(english).toMatch(/Settings/);
    expect(hindi).toContain(hi.owner.unlocked);
    expect(hindi).toContain(hi.app.tabs.settings);
    await expectAllHindi(page, 'hub-revoked', [hub.url]);
  });
});
