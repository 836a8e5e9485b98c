/**
 * Hindi on every screen: the language is switched to Hindi the way Settings does it, then every
 * cashier and owner screen and state is visited in Chromium. On each, no English string of the
 * `en` table may be on screen (or in an accessible name), amounts stay en-IN (₹1,250.00), and a
 * screenshot is saved to .tmp/hindi-<name>.png. Switching back to English brings English back.
 *
 * Allowed to stay English: brand and technical words (Counter, UPI, QR, …, key names), the
 * sandbox's own data (payee name, VPA), BOS's messages verbatim, and main's English message that
 * ErrorBox keeps below the Hindi sentence (marked lang="en-IN").
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { launchChromium } from '../support/chromium';
import { BRAND, ENGLISH as ENGLISH_PATTERNS, englishFragments, HOLE, LATIN_ALLOWED } from '../support/hindi-books';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';

const SHOTS = join(process.cwd(), '.tmp');
const ENGLISH = englishFragments();
const ENGLISH_RES = ENGLISH_PATTERNS;

let browser: Browser;
let running: RunningPreview;
let page: Page;
/** Texts from outside Counter's tables that may stay English on the screen being checked (BOS's words, the payee). */
let allowed: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  allowed = ['Counter Sandbox Store', 'counter.demo@sandbox'];
  running = await startPreview();
  await actAsOwner(running);
  const result = await running.services.handle('settings.update', { language: 'hi' });
  if (!result.ok) throw new Error(result.error.message);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(running.preview.url);
  await page.getByLabel(hi.sell.amount).waitFor();
});
afterEach(async () => {
  await page.close();
  await running.stop();
});

const sandbox = () => running.services.sandbox()!;

/** What a person reads or hears: the visible text and the accessible names, less what is marked as English on purpose. */
async function shownText(): Promise<string> {
  const text = await page.evaluate(() => {
    let body = document.body.innerText;
    for (const element of [...document.querySelectorAll<HTMLElement>('[lang^="en"]')]) {
      const english = element.innerText.trim();
      if (english) body = body.split(english).join(' ');
    }
    const names = [...document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')]
      .filter((element) => element.closest('[hidden]') === null)
      .flatMap((element) => [element.getAttribute('aria-label'), element.getAttribute('title'), element.getAttribute('placeholder')])
      .filter((value): value is string => Boolean(value));
    return [body, ...names].join('\n');
  });
  return allowed.reduce((rest, keep) => rest.split(keep).join(' '), text);
}

/** Saves .tmp/hindi-<name>.png and fails on any English string of the en table left on screen. */
async function checkHindi(name: string): Promise<string> {
  await page.waitForTimeout(50);
  await page.screenshot({ path: join(SHOTS, `hindi-${name}.png`) });
  const text = await shownText();
  const leaks = ENGLISH_RES.filter(({ re }) => re.test(text)).map(({ fragment }) => fragment);
  expect(leaks, `English on the Hindi "${name}" screen:\n${text}`).toEqual([]);
  expect(text, `no Hindi at all on "${name}"`).toMatch(/[\u0900-\u097F]/);
  // Stricter still: no Latin word at all, whether from the table or not, but the brand words, the
  // language names and sandbox references (SBX…).
  const latin = [...new Set(text.replace(BRAND, ' ').match(/[A-Za-z]{3,}/g) ?? [])];
  expect(latin.filter((word) => !LATIN_ALLOWED.test(word)), `Latin words on the Hindi "${name}" screen`).toEqual([]);
  return text;
}

const amountField = () => page.getByLabel(hi.sell.amount);
const showQr = hi.sell.showQr;

describe('Hindi: the list of English strings', () => {
  it('covers the en table (several hundred fragments) and leaves brand words out', () => {
    expect(ENGLISH.length).toBeGreaterThan(200);
    expect(ENGLISH).toContain('Show QR');
    expect(ENGLISH).toContain('Will ask for');
    expect(ENGLISH).not.toContain('OTP');
    expect(ENGLISH).not.toContain('English');
  });
});

describe('Hindi on the Sell screens', () => {
  it('idle, amount error, asking, QR on screen, confirm paid, paid, then history with its day summary', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi-IN');
    await checkHindi('sell-idle');

    await amountField().fill('1e3');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByText(hi.sell.amountProblems.exponent()).waitFor();
    await checkHindi('sell-amount-error');

    await amountField().fill('1250');
    await page.getByText(hi.sell.willCollect('₹1,250.00')).waitFor();
    sandbox().control.setLatency(800);
    await page.getByRole('button', { name: showQr }).click();
    await page.getByText(hi.sell.asking).first().waitFor();
    await checkHindi('sell-asking');

    await page.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    sandbox().control.setLatency(0);
    expect(await page.getByTestId('sale-amount').textContent()).toBe('₹1,250.00');
    const qrText = await checkHindi('sell-qr');
    expect(qrText).toContain(hi.sell.timeLeft);

    await page.getByRole('button', { name: hi.sell.paid, exact: true }).click();
    await page.getByLabel(hi.sell.utr).waitFor();
    await checkHindi('sell-confirm-paid');
    await page.getByLabel(hi.sell.utr).fill('123');
    await page.getByRole('button', { name: hi.sell.confirmPaid }).click();
    await page.getByText(hi.sell.utrInvalid).waitFor();
    await checkHindi('sell-utr-error');
    await page.getByLabel(hi.sell.utr).fill('123456789012');
    await page.getByRole('button', { name: hi.sell.confirmPaid }).click();
    await page.getByTestId('paid-amount').waitFor();
    expect(await page.getByTestId('paid-amount').textContent()).toBe('₹1,250.00');
    await checkHindi('sell-paid');

    // A second sale, cancelled, so History has more than one kind of row.
    await page.getByRole('button', { name: hi.sell.nextSale }).click();
    await amountField().fill('99.5');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByRole('img', { name: /₹99\.50/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText(hi.sell.confirmCancel('₹99.50')).waitFor();
    await checkHindi('sell-confirm-cancel');
    await page.keyboard.press('Enter');
    await page.getByText(hi.sell.cancelled('₹99.50')).waitFor();
    await checkHindi('sell-cancelled');

    // A sale BOS refused (its row says why in Hindi, main's English note below it), and one left on screen to resolve from History.
    sandbox().control.setNextFault('html_500');
    await amountField().fill('25');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByText(hi.errors.byCode.server_error).waitFor();
    await amountField().fill('30');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByRole('img', { name: /₹30\.00/ }).waitFor();

    await page.keyboard.press('F6');
    await page.getByRole('table').waitFor();
    await page.getByRole('heading', { name: hi.history.title, exact: true }).waitFor();
    const historyText = await checkHindi('history');
    expect(historyText).toContain('₹1,250.00');
    expect(historyText).toContain('₹99.50');
    expect(historyText).toContain(hi.history.summaryTitle('').replace(/\s*·\s*$/, '').trim());
    expect(historyText).toContain(hi.history.count(4, 4));
    expect(historyText).toContain(hi.history.saleStates.failed);
    // The refused sale's row says why in Hindi first; main's English words stay below, marked English.
    await expect(page.locator('.row-note').filter({ hasText: hi.errors.byCode.server_error }).count()).resolves.toBe(1);
    // Dates and times en-IN, numeric in Hindi: 23/11/2026 and a 24-hour 14:05.
    expect(historyText).toMatch(/\b\d\d\/\d\d\/20\d\d\b/);
    expect(historyText).toMatch(/\b\d\d:\d\d\b/);

    await page.getByRole('button', { name: hi.history.markPaid }).click();
    await page.getByText(hi.history.confirmPaid('₹30.00')).waitFor();
    await checkHindi('history-resolve');
    await page.getByRole('button', { name: hi.history.yesPaid }).click();
    await page.getByRole('button', { name: hi.history.markPaid }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: hi.export.run.xlsx }).click();
    const downloaded = hi.export.downloaded(0, HOLE).split(HOLE)[1]!.split('(')[0]!.trim();
    await page.getByText(downloaded).waitFor();
    allowed.push(...[...(await shownText()).matchAll(/\S+\.xlsx/g)].map((m) => m[0]));
    await checkHindi('history-export');

    await page.getByLabel(hi.history.search).fill('zzz');
    await page.getByText(hi.history.noMatch).waitFor();
    await checkHindi('history-no-match');
    await page.getByRole('button', { name: hi.history.previousDay }).click();
    await page.getByText(hi.history.empty).waitFor();
    await checkHindi('history-empty-day');
  });

  it('an error from BOS is explained in Hindi, with BOS\'s own words kept', async () => {
    sandbox().control.setNextFault('html_500');
    await amountField().fill('25');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByText(hi.errors.byCode.server_error).waitFor();
    await checkHindi('sell-bos-error');

    allowed.push('VPA does not exist for the account provided');
    await amountField().fill('1.04');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByText(hi.errors.byCode.rejected).waitFor();
    const text = await checkHindi('sell-bos-rejected');
    expect(text).toContain(hi.errors.bosSaid);
  });

  it('an expired QR is in Hindi', async () => {
    await page.clock.install();
    await page.goto(running.preview.url);
    await amountField().fill('75');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByRole('img', { name: /₹75\.00/ }).waitFor();
    await page.clock.fastForward('05:05');
    await page.getByText(hi.sell.expired).waitFor();
    await checkHindi('sell-expired');
  });

  it('the unresolved sale after a restart is in Hindi', async () => {
    await amountField().fill('42');
    await page.getByRole('button', { name: showQr }).click();
    await page.getByRole('img', { name: /₹42\.00/ }).waitFor();
    await running.stop({ keepData: true });
    running = await startPreview({}, { dataDir: running.dataDir });
    await page.goto(running.preview.url);
    await page.getByRole('alertdialog', { name: hi.sell.unresolvedTitle }).waitFor();
    expect(await page.getByTestId('unresolved-amount').textContent()).toBe('₹42.00');
    await checkHindi('sell-unresolved');
  });
});

describe('Hindi on the payments BOS confirms and the questions before marking paid', () => {
  it('another amount, BOS has not confirmed, paid by hand, UTR used before, paid by BOS, money after a cancel, the hub in the top bar', async () => {
    await running.stop();
    running = await startPreview({ withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 });
    await actAsOwner(running);
    expect((await running.services.handle('settings.update', { language: 'hi' })).ok).toBe(true);
    await expect.poll(async () => ((await running.services.handle('hub.status', undefined)) as { value: { state: string } }).value.state, { timeout: 30_000, interval: 100 }).toBe('connected');
    await page.goto(running.preview.url);
    const show = async (amount: string) => {
      await amountField().fill(amount);
      await page.getByRole('button', { name: showQr }).click();
      await page.getByRole('img', { name: new RegExp(`₹${amount}`) }).waitFor();
    };
    await show('300');
    await page.getByText(hi.hubBadge.connected).waitFor();
    sandbox().control.setNextWebhookFault('other_amount');
    await page.getByRole('button', { name: hi.sell.simulate }).click();
    await page.getByText(hi.sell.otherAmount('₹299.00', '₹300.00')).waitFor({ timeout: 10_000 });
    await checkHindi('sell-other-amount');
    await page.getByRole('button', { name: hi.sell.markByHand }).click();
    await page.getByLabel(hi.sell.utr).fill('555566667777');
    await page.getByRole('button', { name: hi.sell.confirmPaid }).click();
    await page.getByText(hi.sell.notConfirmedAsk).waitFor();
    await checkHindi('sell-not-confirmed');
    await page.getByRole('button', { name: hi.sell.markAnyway }).click();
    await page.getByText(hi.sell.paidByHand).waitFor();
    await checkHindi('sell-paid-by-hand');

    await page.getByRole('button', { name: hi.sell.nextSale }).click();
    await show('310');
    await page.getByRole('button', { name: hi.sell.paid, exact: true }).click();
    await page.getByLabel(hi.sell.utr).fill('555566667777');
    await page.getByRole('button', { name: hi.sell.confirmPaid }).click();
    await page.getByRole('button', { name: hi.sell.markAnyway }).click();
    await page.getByText(hi.sell.utrReusedHelp).waitFor();
    await page.getByTestId('earlier-reference').waitFor();
    await checkHindi('sell-utr-reused');
    await page.getByRole('button', { name: hi.sell.markAnyway }).click();
    await page.getByRole('button', { name: hi.sell.nextSale }).click();

    await show('400');
    await page.getByRole('button', { name: hi.sell.simulate }).click();
    await page.getByText(hi.sell.receivedBos).waitFor({ timeout: 10_000 });
    allowed.push(sandbox().control.payments().at(-1)!.payerVpa);
    await checkHindi('sell-paid-by-bos');
    await page.getByRole('button', { name: hi.sell.nextSale }).click();

    await show('130');
    const qrId = sandbox().control.issuedQrs().at(-1)!.id;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    // Paid only once the cancel is on record: a payment that reaches the sale first pays it (rightly), and then nothing is late.
    await page.getByText(hi.sell.cancelled('₹130.00')).waitFor();
    sandbox().control.pay({ qrId });
    await page.getByTestId('late-banner').waitFor({ timeout: 10_000 });
    await checkHindi('late-banner');
  });
});

describe('Hindi on Refund', () => {
  it('numbers, their check, the OTP step, a refusal and the claim', async () => {
    await page.keyboard.press('F4');
    await page.getByLabel(hi.refund.referenceId).waitFor();
    await checkHindi('refund-request');

    await page.getByRole('button', { name: hi.refund.sendOtp }).click();
    await page.getByText(hi.refund.required(hi.refund.referenceId)).waitFor();
    await checkHindi('refund-required');

    allowed.push('Refund Otp Successfully Sent.');
    await page.getByLabel(hi.refund.referenceId).fill('12345678926');
    await page.getByLabel(hi.refund.ackNo).fill('127');
    await page.getByRole('button', { name: hi.refund.sendOtp }).click();
    await page.getByLabel(hi.refund.otp, { exact: true }).waitFor();
    await checkHindi('refund-otp');

    await page.getByLabel(hi.refund.otp, { exact: true }).fill('12');
    await page.getByRole('button', { name: hi.refund.claim }).click();
    await page.getByText(hi.refund.otpInvalid).waitFor();
    await checkHindi('refund-otp-invalid');

    const otp = sandbox().control.revealOtp('12345678926', '127')!;
    await page.getByLabel(hi.refund.otp, { exact: true }).fill(otp);
    await page.getByRole('button', { name: hi.refund.claim }).click();
    await page.getByText(hi.refund.claimed).waitFor();
    allowed.push(...(await page.locator('.refund-done .bos-said').innerText()).replace(hi.errors.bosSaid, '').trim().split('\n'));
    await checkHindi('refund-claimed');
  });

  it('a refund BOS refuses is explained in Hindi', async () => {
    allowed.push('Transaction not found or already refunded');
    await page.keyboard.press('F4');
    await page.getByLabel(hi.refund.referenceId).fill('55555555555');
    await page.getByLabel(hi.refund.ackNo).fill('10');
    await page.getByRole('button', { name: hi.refund.sendOtp }).click();
    await page.getByText(hi.errors.byCode.rejected).waitFor();
    const text = await checkHindi('refund-refused');
    expect(text).toContain(hi.errors.code('2'));
  });
});

describe('Hindi on Settings, the PIN and the shortcut sheet', () => {
  it('settings, a form problem, the connection test, the PIN forms and dialog', async () => {
    await page.keyboard.press('F9');
    await page.getByLabel(hi.settings.registrationId).waitFor();
    await checkHindi('settings');

    await page.getByLabel(hi.settings.liveBaseUrl).fill('http://bos.example.invalid');
    await page.getByRole('button', { name: hi.settings.save, exact: true }).click();
    await page.getByText(hi.settings.httpsOnly).waitFor();
    await checkHindi('settings-error');
    await page.getByLabel(hi.settings.liveBaseUrl).fill('');

    await page.getByRole('button', { name: hi.settings.testConnection }).click();
    await page.getByText(new RegExp(Object.values(hi.settings.testOutcome).join('|'))).first().waitFor();
    await checkHindi('settings-connection');

    await page.getByRole('heading', { name: hi.owner.changeTitle }).waitFor();
    await page.getByRole('button', { name: hi.owner.changePin }).click();
    await page.getByText(hi.owner.pinShape).first().waitFor();
    await checkHindi('settings-pin-form');

    await page.getByRole('button', { name: hi.owner.lock }).click();
    // The emptied address is a change not saved: Lock asks first.
    await page.getByRole('dialog', { name: hi.settings.leaveTitle }).waitFor();
    await checkHindi('settings-leave');
    await page.getByRole('button', { name: hi.settings.leaveDiscard }).click();
    await page.getByRole('heading', { name: hi.owner.lockedTitle }).waitFor();
    await checkHindi('settings-locked');
    await page.getByRole('button', { name: hi.owner.unlock }).click();
    const dialog = page.getByRole('dialog', { name: hi.owner.dialogTitle });
    await dialog.waitFor();
    await checkHindi('pin-dialog');
    await dialog.getByLabel(hi.owner.pin).fill('0000');
    await dialog.getByRole('button', { name: hi.owner.unlock }).click();
    // Main's figure said in Hindi: four tries left.
    await dialog.getByText(hi.errors.withCount.wrong_pin(4)).waitFor();
    await checkHindi('pin-dialog-wrong');
  });

  it('the first-start set-up is in Hindi, its checks too', async () => {
    // No PIN yet, so settings.update would refuse: the settings file already says Hindi.
    await running.stop();
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-ui-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'hi' }));
    running = await startPreview({}, { dataDir });
    await page.goto(running.preview.url);
    await page.getByRole('heading', { name: hi.setup.title }).waitFor();
    expect(await page.getByLabel(hi.sell.amount).count()).toBe(0);
    await checkHindi('setup');
    await page.getByRole('button', { name: hi.setup.finish }).click();
    await page.getByText(hi.setup.shopNameRequired).waitFor();
    await page.getByLabel(hi.setup.live).check();
    await page.getByLabel(hi.setup.registrationId).waitFor();
    await checkHindi('setup-errors');
  });

  it('the shortcut sheet is in Hindi', async () => {
    await page.getByRole('button', { name: hi.app.keysButton }).click();
    await page.getByRole('dialog', { name: hi.keys.title }).waitFor();
    const text = await checkHindi('shortcut-sheet');
    for (const key of ['F2', 'F4', 'F6', 'F9', 'Enter', 'Esc', '?']) expect(text).toContain(key);
  });
});

describe('back to English', () => {
  it('switching back restores English everywhere, amounts still en-IN', async () => {
    await page.keyboard.press('F9');
    await page.getByLabel(hi.settings.registrationId).waitFor();
    const result = await running.services.handle('settings.update', { language: 'en' });
    expect(result.ok).toBe(true);
    await page.getByLabel(en.settings.registrationId).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-IN');
    await page.keyboard.press('F2');
    await page.getByLabel(en.sell.amount).fill('1250');
    await page.getByText('Will ask for ₹1,250.00').waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/[\u0900-\u097F]/);
    for (const word of [en.app.tabs.sell, en.app.tabs.refund, en.app.tabs.history, en.app.tabs.settings, en.sell.showQr, en.app.keysButton]) expect(text).toContain(word);
  });
});
