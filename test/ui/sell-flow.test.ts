/**
 * Sell as a new cashier meets it: a QR is cancelled only on a second key and the screen says so;
 * Show QR works again at once after a slow request was given up; a UTR already recorded for
 * another sale is questioned with that sale's amount, time and BOS reference; the unresolved sale
 * after a crash tells itself apart; a page whose server went away says so.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { hi } from '../../renderer/src/i18n/hi';
import { journalEvents } from '../support/fault-matrix';
import { decodeQrPng } from '../support/qr-decode';
import { usePreviewOnDemand } from '../support/ui';

const ui = usePreviewOnDemand();
const sandbox = () => ui.running().services.sandbox()!;

async function showQr(page: Page, amount: string, words = { amount: 'Amount', showQr: 'Show QR' }) {
  await page.getByLabel(words.amount).fill(amount);
  await page.getByRole('button', { name: words.showQr }).click();
  await page.getByRole('img', { name: new RegExp(`₹${amount.replace('.', '\\.')}`) }).waitFor();
}

async function payByHand(page: Page, utr: string, words = { paid: 'Paid', confirm: 'Confirm paid' }) {
  await page.getByRole('button', { name: words.paid, exact: true }).click();
  await page.locator('#utr').fill(utr);
  await page.getByRole('button', { name: words.confirm }).click();
}

describe('cancelling a QR', () => {
  it('the Cancel button asks first; the QR stays up and scannable meanwhile; yes cancels, says so and clears the amount', async () => {
    const page = await ui.open();
    await showQr(page, '250');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const question = page.getByRole('alertdialog', { name: 'Cancel this ₹250.00 QR?' });
    await question.waitFor();
    await question.getByText('Enter: yes, cancel · Esc: keep it').waitFor();
    const qr = page.getByRole('img', { name: /UPI QR code for ₹250\.00/ });
    expect(decodeQrPng(await qr.screenshot())).toBe(sandbox().control.issuedQrs()[0]!.intent);
    await question.getByRole('button', { name: 'Keep it' }).click();
    await question.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page.getByText('Sale cancelled (₹250.00).').waitFor();
    await page.getByText('If the customer paid after all, record it in History.').waitFor();
    expect(await page.getByLabel('Amount').inputValue()).toBe('');
    // Typing the next amount puts the notice away.
    await page.getByLabel('Amount').fill('5');
    await expect.poll(() => page.getByTestId('sell-notice').count()).toBe(0);
    const types = (await journalEvents(ui.running().dataDir)).map((event) => event.type);
    expect(types.filter((type) => type === 'sale.cancelled')).toHaveLength(1);
  });

  it('in Hindi: the question and the notice', async () => {
    const page = await ui.open({ settings: { language: 'hi' }, amountLabel: hi.sell.amount });
    await showQr(page, '99.5', { amount: hi.sell.amount, showQr: hi.sell.showQr });
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: hi.sell.confirmCancel('₹99.50') }).getByText(hi.sell.confirmCancelKeys).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(hi.sell.cancelled('₹99.50')).waitFor();
    await page.getByText(hi.sell.cancelledHint).waitFor();
  });
});

describe('giving up on a slow Show QR', () => {
  it('Show QR works again at once: the next QR is shown while the abandoned answer is still on its way, and that answer never replaces it', async () => {
    const page = await ui.open();
    sandbox().control.setLatency(12_000);
    await page.getByLabel('Amount').fill('40');
    await page.getByRole('button', { name: 'Show QR' }).click();
    const stop = page.getByRole('button', { name: 'Cancel', exact: true });
    await expect.poll(() => stop.isEnabled()).toBe(true);
    await stop.click();
    await page.getByText('Stopped waiting for BOS: no QR for ₹40.00 was shown. You can ask again now.').waitFor();
    expect(await page.getByLabel('Amount').inputValue()).toBe('40');
    sandbox().control.setLatency(0);
    await page.getByLabel('Amount').fill('41');
    await page.getByRole('button', { name: 'Show QR' }).click();
    // Well before the first request's 12 s are up.
    await page.getByRole('img', { name: /UPI QR code for ₹41\.00/ }).waitFor({ timeout: 6000 });
    const dataDir = ui.running().dataDir;
    await expect.poll(async () => (await journalEvents(dataDir)).map((event) => event.type), { timeout: 15_000, interval: 250 }).toContain('sale.late_answer');
    await page.waitForTimeout(300);
    expect(await page.getByRole('img', { name: /UPI QR code for ₹41\.00/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /₹40\.00/ }).count()).toBe(0);
  });
});

describe('a UTR already recorded for another sale', () => {
  it('shows the earlier sale (amount, when, BOS reference) and marks paid only on "Mark paid anyway", journaled', async () => {
    const page = await ui.open();
    await showQr(page, '100');
    await payByHand(page, '123456789012');
    await page.getByTestId('paid-amount').waitFor();
    const first = sandbox().control.issuedQrs()[0]!;
    await page.getByRole('button', { name: 'Next sale' }).click();
    await showQr(page, '200');
    await payByHand(page, '123456789012');
    const question = page.getByRole('alertdialog', { name: /This UTR was already recorded for a ₹100\.00 sale rung up \d{1,2} \w{3} 20\d\d, \d{1,2}:\d\d\s?(am|pm)\./i });
    await question.waitFor();
    await question.getByTestId('earlier-reference').getByText(`That sale's BOS reference: ${first.txnRefranceID}`).waitFor();
    // Still the QR on screen: nothing was marked.
    expect(await page.getByRole('img', { name: /₹200\.00/ }).count()).toBe(1);
    expect((await ui.running().services.handle('sale.current', undefined)) as unknown).toMatchObject({ ok: true, value: { state: 'showing', amountPaise: 20_000 } });
    // Back leaves it open; asking again and answering marks it paid.
    await question.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await page.getByRole('button', { name: 'Mark paid anyway' }).click();
    await expect(page.getByTestId('paid-amount').textContent()).resolves.toBe('₹200.00');
    await page.getByText('Marked paid by hand').waitFor();
    const events = await journalEvents(ui.running().dataDir);
    expect(events.filter((event) => event.type === 'sale.override').map((event) => event.data)).toEqual([expect.objectContaining({ reason: 'utr_reused', utr: '123456789012', amountPaise: 20_000 })]);
  });

  it('in Hindi, with the time in en-IN on a 24-hour clock', async () => {
    const page = await ui.open({ settings: { language: 'hi' }, amountLabel: hi.sell.amount });
    const words = { amount: hi.sell.amount, showQr: hi.sell.showQr };
    await showQr(page, '100', words);
    await payByHand(page, '223456789012', { paid: hi.sell.paid, confirm: hi.sell.confirmPaid });
    await page.getByRole('button', { name: hi.sell.nextSale }).click();
    await showQr(page, '200', words);
    await payByHand(page, '223456789012', { paid: hi.sell.paid, confirm: hi.sell.confirmPaid });
    await page.getByText(/यह UTR पहले ही \d\d\/\d\d\/20\d\d, \d\d:\d\d की ₹100\.00 की बिक्री में दर्ज है।/).waitFor();
    await page.getByText(hi.sell.utrReusedHelp).waitFor();
    await page.getByRole('button', { name: hi.sell.markAnyway }).click();
    await page.getByTestId('paid-amount').waitFor();
  });
});

describe('the unresolved sale after a crash', () => {
  it('shows when it was rung up, BOS\'s reference and the payee, and takes the UTR from the customer\'s screen', async () => {
    const page = await ui.open();
    await showQr(page, '42');
    const issued = sandbox().control.issuedQrs()[0]!;
    const running = await ui.restart();
    await page.goto(running.preview.url);
    const dialog = page.getByRole('alertdialog', { name: 'Unresolved sale' });
    await dialog.waitFor();
    expect(await page.getByTestId('unresolved-at').textContent()).toMatch(/^Rung up \d{1,2} \w{3} 20\d\d, \d{1,2}:\d\d\s?(am|pm)$/i);
    expect(await page.getByTestId('unresolved-ref').textContent()).toBe(`BOS reference ${issued.txnRefranceID}`);
    await dialog.getByText('To Counter Sandbox Store').waitFor();
    await dialog.getByLabel('UPI reference (UTR)').fill('12345');
    await dialog.getByRole('button', { name: 'Yes, it was paid' }).click();
    await dialog.getByText('The UTR is 12 digits, or leave it empty.').waitFor();
    await dialog.getByLabel('UPI reference (UTR)').fill('987654321098');
    await dialog.getByRole('button', { name: 'Yes, it was paid' }).click();
    await page.getByTestId('paid-utr').getByText('UTR 987654321098').waitFor();
    const paid = (await journalEvents(running.dataDir)).find((event) => event.type === 'sale.paid');
    expect(paid?.data).toMatchObject({ utr: '987654321098', amountPaise: 4200 });
  });
});

describe('when Counter\'s engine goes away', () => {
  it('the page says so and shows no time left as if all were well, then carries on by itself once it is back', async () => {
    const page = await ui.open();
    await showQr(page, '43');
    await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(/^\d:\d\d$/);
    const running = await ui.restart(async () => {
      await page.getByText('Counter is not answering. What this screen shows may be out of date. Wait: it reconnects by itself.').waitFor();
      await expect(page.getByTestId('countdown').textContent()).resolves.toBe('not answering');
    });
    // Back: the banner goes, and the page learns what the new server knows (the sale is unresolved now).
    await page.getByRole('alertdialog', { name: 'Unresolved sale' }).waitFor();
    await expect.poll(() => page.getByTestId('engine-lost').count()).toBe(0);
    await page.getByRole('button', { name: 'No, cancel it' }).click();
    await showQr(page, '44');
    expect(running.services.sandbox()!.control.issuedQrs()).toHaveLength(1);
  });
});
