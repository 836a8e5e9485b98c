/**
 * Every screen and state of Sell, Refund, the PIN dialog, the first-start set-up and the customer
 * display keeps its primary action and the message it produces in view (test/support/in-view.ts:
 * in the window, not cut off by a scrolling panel, not covered) at 1024×768, 1366×768 and
 * 1920×1080, in English and in Hindi. A screenshot of each goes to .tmp/in-view/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it, vi } from 'vitest';
import { CUSTOMER_PREVIEW } from '../../electron/contract/customer';
import type { HubView, LatePaymentView } from '../../electron/contract/views';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { expectInView } from '../support/in-view';
import { OWNER_PIN } from '../support/preview';
import { usePreviewOnDemand } from '../support/ui';

const SHOTS = join(process.cwd(), '.tmp', 'in-view');
mkdirSync(SHOTS, { recursive: true });
const SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

const ui = usePreviewOnDemand();
const sandbox = () => ui.running().services.sandbox()!;

/** Two frames: the resize observed, React's render painted. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));

/** The state on screen, checked at every size: each named element wholly in view. */
async function atEverySize(page: Page, name: string, elements: Record<string, Locator>) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
    await expectInView(page, elements, name);
  }
}

const pay = (page: Page) => page.locator('.sale .actions button.primary');
const showQrButton = (page: Page) => page.locator('form.amount-form button[type="submit"]');

async function showQr(page: Page, amount: string) {
  await page.locator('#amount').fill(amount);
  await showQrButton(page).click();
  await page.locator('.sale svg.qr').waitFor();
}

/** Esc, then Enter: the QR on screen cancelled. */
async function cancelQr(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('.confirm-cancel').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('sell-notice').waitFor();
}

for (const language of ['en', 'hi'] as const) {
  const t = language === 'en' ? en : hi;

  describe(`in view at 1024×768, 1366×768 and 1920×1080 (${language})`, () => {
    it('Sell: entry, its checks, asking, QR, cancel?, cancelled, confirm paid, both questions, paid by hand, paid by BOS, another amount, the late banner, unresolved', async () => {
      const page = await ui.open({ overrides: { withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 }, settings: { language }, amountLabel: t.sell.amount });
      await vi.waitFor(async () => expect(((await ui.running().services.handle('hub.status', undefined)) as { value: HubView }).value.state).toBe('connected'), { timeout: 30_000, interval: 100 });
      const name = (state: string) => `${language}-sell-${state}`;
      const amount = page.locator('#amount');
      await atEverySize(page, name('entry'), { amount, showQr: showQrButton(page), keypad: page.locator('.keypad-clear'), keys: page.locator('.keys-button') });

      await amount.fill('1e3');
      await showQrButton(page).click();
      await page.getByText(t.sell.amountProblems.exponent()).waitFor();
      await atEverySize(page, name('amount-check'), { reason: page.locator('#amount-reason'), showQr: showQrButton(page) });

      sandbox().control.setNextFault('html_500');
      await amount.fill('25');
      await showQrButton(page).click();
      await page.locator('.sell-entry .error-box').waitFor();
      await atEverySize(page, name('bos-error'), { error: page.locator('.sell-entry .error-box'), showQr: showQrButton(page) });

      sandbox().control.setLatency(15_000);
      await amount.fill('250');
      await showQrButton(page).click();
      const stop = page.locator('.sell-entry .abandon');
      await expect.poll(() => stop.isEnabled()).toBe(true);
      await atEverySize(page, name('asking'), { asking: showQrButton(page), stop });
      await stop.click();
      await page.getByTestId('sell-notice').waitFor();
      sandbox().control.setLatency(0);
      await atEverySize(page, name('abandoned'), { notice: page.getByTestId('sell-notice'), showQr: showQrButton(page) });

      await showQr(page, '250');
      const qr = page.locator('.sale svg.qr');
      await atEverySize(page, name('qr'), { qr, amount: page.getByTestId('sale-amount'), timeLeft: page.getByTestId('countdown'), paid: pay(page), cancel: page.locator('.sale .actions button.danger'), simulate: page.locator('.sale .simulate'), hub: page.getByTestId('hub-badge') });
      await page.keyboard.press('Escape');
      await page.locator('.confirm-cancel').waitFor();
      await atEverySize(page, name('confirm-cancel'), { qr, question: page.locator('.confirm-cancel'), yes: page.locator('.confirm-cancel button.danger'), keep: page.locator('.confirm-cancel .actions button:not(.danger)') });
      await page.keyboard.press('Enter');
      await page.getByTestId('sell-notice').waitFor();
      await atEverySize(page, name('cancelled'), { notice: page.getByTestId('sell-notice'), showQr: showQrButton(page) });

      await showQr(page, '300');
      await pay(page).click();
      await page.locator('#utr').fill('111122223333');
      await atEverySize(page, name('confirm-paid'), { qr, utr: page.locator('#utr'), confirm: page.locator('.confirm-paid button.primary') });
      await page.locator('.confirm-paid button.primary').click();
      await page.locator('.paid-question').waitFor();
      await atEverySize(page, name('not-confirmed'), { qr, question: page.locator('.paid-question .question-title'), anyway: page.locator('.paid-question button.primary'), back: page.locator('.paid-question .actions button:not(.primary)') });
      await page.locator('.paid-question button.primary').click();
      await page.locator('.paid-done').waitFor();
      await atEverySize(page, name('paid-by-hand'), { title: page.locator('.paid-title'), note: page.getByText(t.sell.paidByHand), next: page.locator('.paid-actions button.primary'), print: page.locator('.paid-actions .print-button') });

      await page.keyboard.press('Enter');
      await showQr(page, '310');
      await pay(page).click();
      await page.locator('#utr').fill('111122223333');
      await page.locator('.confirm-paid button.primary').click();
      await page.locator('.paid-question button.primary').click();
      await page.getByTestId('earlier-reference').waitFor();
      await atEverySize(page, name('utr-reused'), { qr, question: page.locator('.paid-question .question-title'), earlier: page.getByTestId('earlier-reference'), anyway: page.locator('.paid-question button.primary') });
      await page.keyboard.press('Escape');
      await cancelQr(page);

      await showQr(page, '400');
      await page.locator('.sale .simulate').click();
      await page.locator('.paid-done.by-bos').waitFor({ timeout: 10_000 });
      await atEverySize(page, name('paid-by-bos'), { title: page.locator('.paid-title'), utr: page.getByTestId('paid-utr'), payer: page.locator('.paid-note.payer'), next: page.locator('.paid-actions button.primary') });

      await page.keyboard.press('Enter');
      await showQr(page, '500');
      sandbox().control.setNextWebhookFault('other_amount');
      await page.locator('.sale .simulate').click();
      await page.getByTestId('other-amount').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('other-amount').textContent()).toBe(t.sell.otherAmount('₹499.00', '₹500.00'));
      await atEverySize(page, name('other-amount'), { qr, message: page.getByTestId('other-amount'), byHand: page.locator('.other-amount button.primary'), cancel: page.locator('.other-amount button.danger') });
      await page.locator('.other-amount button.danger').click();
      await page.keyboard.press('Enter');
      await page.getByTestId('sell-notice').waitFor();

      await showQr(page, '130');
      const qrId = sandbox().control.issuedQrs().at(-1)!.id;
      await cancelQr(page);
      sandbox().control.pay({ qrId });
      const banner = page.getByTestId('late-banner');
      await banner.waitFor({ timeout: 10_000 });
      await atEverySize(page, name('late-banner'), { banner: banner.locator('.late-lines'), open: banner.locator('.late-open'), amount, showQr: showQrButton(page) });
      const late = ((await ui.running().services.handle('payments.late', undefined)) as { value: LatePaymentView[] }).value;
      for (const each of late) await ui.running().services.handle('payments.settleLate', { saleId: each.saleId, action: 'refunded' });
      await banner.waitFor({ state: 'detached' });

      await showQr(page, '42');
      const running = await ui.restart();
      await page.goto(running.preview.url);
      const unresolved = page.locator('.unresolved');
      await unresolved.waitFor();
      await page.locator('#unresolved-utr').fill('123');
      await page.locator('.unresolved .actions button.primary').click();
      await page.locator('#unresolved-utr-error').getByText(t.sell.utrInvalid).waitFor();
      await atEverySize(page, name('unresolved'), {
        title: page.locator('#unresolved-title'),
        amount: page.getByTestId('unresolved-amount'),
        at: page.getByTestId('unresolved-at'),
        reference: page.getByTestId('unresolved-ref'),
        utr: page.locator('#unresolved-utr'),
        utrError: page.locator('#unresolved-utr-error'),
        paid: page.locator('.unresolved .actions button.primary'),
        cancel: page.locator('.unresolved .actions button.danger'),
      });
    });

    it('Refund: each step and its message; the PIN dialog and its message', async () => {
      const page = await ui.open({ settings: { language }, amountLabel: t.sell.amount });
      const name = (state: string) => `${language}-refund-${state}`;
      await page.keyboard.press('F4');
      const send = page.locator('.refund-numbers button[type="submit"]');
      await atEverySize(page, name('numbers'), { reference: page.locator('#reference-id'), ack: page.locator('#ack-no'), send });
      await send.click();
      await page.locator('#reference-id-error').getByText(t.refund.required(t.refund.referenceId)).waitFor();
      await atEverySize(page, name('numbers-check'), { error: page.locator('#reference-id-error'), send });

      await page.locator('#reference-id').fill('55555555555');
      await page.locator('#ack-no').fill('10');
      await send.click();
      await page.locator('.refund-numbers .error-box').waitFor();
      await atEverySize(page, name('otp-refused'), { error: page.locator('.refund-numbers .error-box'), send });

      await page.locator('#reference-id').fill('12345678926');
      await page.locator('#ack-no').fill('127');
      await send.click();
      const claim = page.locator('.refund-otp .actions button.primary');
      await claim.waitFor();
      await atEverySize(page, name('otp-sent'), { sent: page.locator('.refund-otp .ok-box'), otp: page.locator('#otp'), claim, resend: page.locator('.refund-more button').nth(1), sandboxOtp: page.locator('.refund-more .training') });
      await page.locator('#otp').fill('12');
      await claim.click();
      await page.locator('#otp-error').getByText(t.refund.otpInvalid).waitFor();
      await atEverySize(page, name('otp-check'), { error: page.locator('#otp-error'), claim });
      await page.locator('#otp').fill('000000');
      await claim.click();
      await page.locator('.refund-otp .error-box').waitFor();
      await atEverySize(page, name('claim-refused'), { error: page.locator('.refund-otp .error-box'), claim });
      await page.locator('.refund-more .training').click();
      await expect.poll(() => page.locator('#otp').inputValue()).not.toBe('000000');
      await claim.click();
      await page.locator('.refund-done').waitFor();
      await atEverySize(page, name('claimed'), { title: page.locator('.done-title'), print: page.locator('.refund-done .print-button'), next: page.locator('.refund-done button.primary') });

      await ui.running().services.handle('owner.lock', undefined);
      await page.keyboard.press('F9');
      await page.getByRole('button', { name: t.owner.unlock }).click();
      const dialog = page.getByRole('dialog', { name: t.owner.dialogTitle });
      await dialog.locator('#owner-pin').fill('0000');
      await dialog.locator('button[type="submit"]').click();
      await dialog.locator('.error-box').waitFor();
      await atEverySize(page, `${language}-pin-dialog`, { pin: dialog.locator('#owner-pin'), unlock: dialog.locator('button[type="submit"]'), error: dialog.locator('.error-box'), cancel: dialog.locator('.actions button:not([type="submit"])') });
      await dialog.locator('#owner-pin').fill(OWNER_PIN);
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('the first-start set-up, with its checks', async () => {
      const page = await ui.open({ setup: false });
      if (language === 'hi') await page.locator('#setup-language').selectOption('hi');
      await page.getByRole('heading', { name: t.setup.title }).waitFor();
      const finish = page.locator('.setup-finish');
      const name = (state: string) => `${language}-setup-${state}`;
      await atEverySize(page, name('start'), { intro: page.locator('.setup-intro'), shop: page.locator('#setup-shop'), pin: page.locator('#setup-pin'), again: page.locator('#setup-pin-again'), finish });
      await finish.click();
      await page.locator('#setup-shopName-error').getByText(t.setup.shopNameRequired).waitFor();
      await atEverySize(page, name('check'), { error: page.locator('#setup-shopName-error'), finish });
      await page.locator('#setup-shop').fill('Sharma General Store');
      await page.locator('#setup-pin').fill(OWNER_PIN);
      await page.locator('#setup-pin-again').fill(OWNER_PIN);
      await page.locator('input[name="setup-environment"]').nth(1).check();
      await finish.click();
      await page.locator('#setup-registration-error').getByText(t.setup.registrationRequired).waitFor();
      await atEverySize(page, name('live-check'), { registration: page.locator('#setup-registration'), error: page.locator('#setup-registration-error'), finish });
    });

    it('the customer display: welcome, preparing, QR with amount, payee and time left, expired, paid (confirmed by BOS)', async () => {
      const cashier = await ui.open({ overrides: { sandboxOptions: { qrTtlMs: 12_000 } }, settings: { language, shopName: 'Sharma General Store' }, amountLabel: t.sell.amount });
      const page = await cashier.context().newPage();
      await page.goto(`${ui.running().preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}`);
      await page.locator('.cd-idle-body').waitFor();
      const name = (state: string) => `${language}-customer-${state}`;
      await atEverySize(page, name('idle'), { shop: page.locator('.cd-shop'), upi: page.locator('.cd-upi') });

      sandbox().control.setLatency(15_000);
      await cashier.locator('#amount').fill('1250');
      await showQrButton(cashier).click();
      await page.locator('.cd-creating').waitFor();
      await atEverySize(page, name('preparing'), { title: page.locator('.cd-message-title'), amount: page.getByTestId('customer-amount') });
      await cashier.locator('.sell-entry .abandon').click();
      await cashier.getByTestId('sell-notice').waitFor();
      sandbox().control.setLatency(0);

      await showQr(cashier, '1250');
      await page.locator('.cd-qr svg').waitFor();
      await atEverySize(page, name('qr'), { qr: page.locator('.cd-qr svg'), amount: page.getByTestId('customer-amount'), payee: page.locator('.cd-payee'), timeLeft: page.getByTestId('customer-countdown') });
      await page.locator('.cd-expired').waitFor({ timeout: 20_000 });
      await atEverySize(page, name('expired'), { title: page.locator('.cd-message-title'), help: page.locator('.cd-expired .cd-sub') });

      // BOS's status call confirms it (there is no hub here): confirmed by BOS all the same.
      await cashier.locator('.sale .actions button:not(.primary):not(.danger)').click();
      await page.locator('.cd-qr svg').waitFor();
      await cashier.locator('.sale .simulate').click();
      await page.getByTestId('customer-utr').waitFor({ timeout: 15_000 });
      await atEverySize(page, name('paid'), { tick: page.locator('.cd-tick'), title: page.locator('.cd-message-title'), amount: page.getByTestId('customer-amount'), utr: page.getByTestId('customer-utr') });
    });
  });
}

describe('the two cases the new cashier reported', () => {
  it('in Hindi at 1366×768 the refused claim\'s message and Claim refund are on screen', async () => {
    const page = await ui.open({ settings: { language: 'hi' }, amountLabel: hi.sell.amount, context: { viewport: { width: 1366, height: 768 } } });
    await page.keyboard.press('F4');
    await page.getByLabel(hi.refund.referenceId).fill('12345678926');
    await page.getByLabel(hi.refund.ackNo).fill('127');
    await page.getByRole('button', { name: hi.refund.sendOtp }).click();
    await page.getByLabel(hi.refund.otp, { exact: true }).fill('000000');
    await page.getByRole('button', { name: hi.refund.claim }).click();
    const message = page.getByText(hi.errors.byCode.rejected);
    await message.waitFor();
    await expectInView(page, { message, claim: page.getByRole('button', { name: hi.refund.claim }) }, 'the refused claim');
  });

  it('at 1024×768 the customer display shows the amount, the payee and the time left beside the QR', async () => {
    const cashier = await ui.open();
    const page = await cashier.context().newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${ui.running().preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}`);
    await page.getByText('UPI accepted').waitFor();
    await showQr(cashier, '1250');
    const qr = page.getByRole('img', { name: /₹1,250\.00/ });
    await qr.waitFor();
    await expectInView(page, { qr, amount: page.getByTestId('customer-amount'), payee: page.getByText('Counter Sandbox Store'), timeLeft: page.getByTestId('customer-countdown') }, 'the customer display');
  });
});
