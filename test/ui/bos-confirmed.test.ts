/**
 * Payments BOS confirms, on screen: the sandbox's webhook reaches the embedded shop hub, which
 * pushes it to the counter; the cashier's screen and the customer display turn green with the UTR,
 * the paid tone plays and the amount is spoken where the OS has a voice. Another amount, money
 * after a cancel (the banner), and the hub link's state in the top bar (a stand-in hub that goes
 * away and comes back).
 */
import type { Page } from 'playwright';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CUSTOMER_PREVIEW } from '../../electron/contract/customer';
import type { HubView } from '../../electron/contract/views';
import { hi } from '../../renderer/src/i18n/hi';
import { journalEvents } from '../support/fault-matrix';
import { startFakeHub, type FakeHub } from '../support/fake-hub';
import { decodeQrPng } from '../support/qr-decode';
import { usePreviewOnDemand } from '../support/ui';

/**
 * Records every speechSynthesis.speak() and media play() and makes no sound. `window.__voices` is
 * what the OS offers (the test changes it); the page's own SpeechSynthesisUtterance is replaced so
 * a fake voice can be set on it. A string script: no bundler helpers inside the page.
 */
const RECORD_SOUND = `
  window.__plays = [];
  HTMLMediaElement.prototype.play = function () { window.__plays.push(String(this.src).split('/').pop()); return Promise.resolve(); };
  window.__voices = [{ lang: 'en-IN', name: 'Fake English (India)' }, { lang: 'hi-IN', name: 'Fake Hindi (India)' }];
  window.__spoken = [];
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.volume = 1; this.voice = null; } };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => window.__voices,
    speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, volume: u.volume, voice: u.voice && u.voice.name }),
    cancel() {}, addEventListener() {}, removeEventListener() {},
  } });
`;

interface Spoken {
  text: string;
  lang: string;
  volume: number;
  voice: string | null;
}

const ui = usePreviewOnDemand();
let fakeHub: FakeHub | null = null;
afterEach(async () => {
  await fakeHub?.close();
  fakeHub = null;
});

const sandbox = () => ui.running().services.sandbox()!;
const spoken = (p: Page) => p.evaluate('window.__spoken') as Promise<Spoken[]>;
const plays = (p: Page) => p.evaluate('window.__plays') as Promise<string[]>;

async function hubState(): Promise<HubView> {
  return ((await ui.running().services.handle('hub.status', undefined)) as { value: HubView }).value;
}

/** The preview with the embedded hub (PGlite in memory), waited on until the counter is paired and connected. */
async function openWithHub(settings: Record<string, unknown> = {}, amountLabel = 'Amount'): Promise<Page> {
  const page = await ui.open({
    overrides: { withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 },
    settings: { soundVolume: 60, soundMuted: false, ...settings },
    initScript: RECORD_SOUND,
    amountLabel,
  });
  await vi.waitFor(async () => expect(await hubState()).toMatchObject({ paired: true, state: 'connected' }), { timeout: 30_000, interval: 100 });
  return page;
}

async function openCustomer(page: Page): Promise<Page> {
  const customer = await page.context().newPage();
  await customer.goto(`${ui.running().preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}?hold=60000`);
  await customer.locator('.cd-idle-body').waitFor();
  return customer;
}

async function showQr(page: Page, amount: string, words = { amount: 'Amount', showQr: 'Show QR' }) {
  await page.getByLabel(words.amount).fill(amount);
  await page.getByRole('button', { name: words.showQr }).click();
  await page.getByRole('img', { name: new RegExp(`₹${amount}`) }).waitFor();
}

describe('a payment BOS confirms through the shop hub', () => {
  it('QR decoded first, then green with the UTR on the cashier\'s screen and the customer display, the paid tone, and the amount spoken', async () => {
    const page = await openWithHub();
    await page.getByTestId('hub-badge').getByText('Hub connected').waitFor();
    const customer = await openCustomer(page);
    await showQr(page, '250');
    const intent = sandbox().control.issuedQrs()[0]!.intent;
    expect(decodeQrPng(await page.getByRole('img', { name: /UPI QR code for ₹250\.00/ }).screenshot())).toBe(intent);
    const customerQr = customer.getByRole('img', { name: /UPI QR code for ₹250\.00/ });
    await customerQr.waitFor();
    expect(decodeQrPng(await customerQr.screenshot())).toBe(intent);

    // The customer pays the QR on screen (the sandbox posts BOS's webhook to the hub).
    await page.getByRole('button', { name: 'Simulate customer payment' }).click();
    await page.locator('.paid-done.by-bos').waitFor({ timeout: 10_000 });
    const payment = sandbox().control.payments()[0]!;
    await page.getByText('₹250.00 received — confirmed by BOS').waitFor();
    expect(await page.getByTestId('paid-utr').textContent()).toBe(`UTR ${payment.rrn}`);
    await page.getByText(`From ${payment.payerVpa}`).waitFor();
    expect(await page.getByText('Marked paid by hand').count()).toBe(0);
    await customer.getByText('₹250.00 received — confirmed by BOS').waitFor();
    expect(await customer.getByTestId('customer-utr').textContent()).toBe(`UPI reference ${payment.rrn}`);
    expect(await customer.locator('main').getAttribute('data-phase')).toBe('paid');

    await expect.poll(() => plays(page)).toEqual(['qr.wav', 'paid.wav']);
    await expect.poll(() => spoken(page)).toEqual([{ text: '₹250 received', lang: 'en-IN', volume: 0.6, voice: 'Fake English (India)' }]);
    expect((await journalEvents(ui.running().dataDir)).some((event) => event.type === 'sale.payment_confirmed' && event.data.via === 'hub')).toBe(true);
  });

  it('in Hindi: said with a hi-IN voice; nothing said when muted, or when the OS has no Hindi voice', async () => {
    const page = await openWithHub({ language: 'hi' }, hi.sell.amount);
    const words = { amount: hi.sell.amount, showQr: hi.sell.showQr };
    await showQr(page, '250', words);
    await page.getByRole('button', { name: hi.sell.simulate }).click();
    await page.getByText(`₹250.00 ${hi.sell.receivedBos}`).waitFor({ timeout: 10_000 });
    await expect.poll(() => spoken(page)).toEqual([{ text: '₹250 प्राप्त हुए', lang: 'hi-IN', volume: 0.6, voice: 'Fake Hindi (India)' }]);

    // Muted: the green screen only.
    expect((await ui.running().services.handle('settings.update', { soundMuted: true })).ok).toBe(true);
    await page.getByRole('button', { name: hi.sell.nextSale }).click();
    await showQr(page, '75.50', words);
    await page.getByRole('button', { name: hi.sell.simulate }).click();
    await page.getByText(`₹75.50 ${hi.sell.receivedBos}`).waitFor({ timeout: 10_000 });

    // No Hindi voice on this PC: an English voice would mangle the words, so nothing is said.
    expect((await ui.running().services.handle('settings.update', { soundMuted: false })).ok).toBe(true);
    await page.evaluate("window.__voices = [{ lang: 'en-IN', name: 'Fake English (India)' }]");
    await page.getByRole('button', { name: hi.sell.nextSale }).click();
    await showQr(page, '80', words);
    await page.getByRole('button', { name: hi.sell.simulate }).click();
    await page.getByText(`₹80.00 ${hi.sell.receivedBos}`).waitFor({ timeout: 10_000 });
    await expect.poll(() => plays(page)).toContain('paid.wav');
    await page.waitForTimeout(300);
    expect(await spoken(page)).toHaveLength(1);
  });

  it('a payment of another amount: "BOS reports ₹299.00 paid for this ₹300.00 QR"; by hand it asks once that BOS has not confirmed it', async () => {
    const page = await openWithHub();
    await showQr(page, '300');
    sandbox().control.setNextWebhookFault('other_amount');
    await page.getByRole('button', { name: 'Simulate customer payment' }).click();
    await page.getByTestId('other-amount').getByText('BOS reports ₹299.00 paid for this ₹300.00 QR').waitFor({ timeout: 10_000 });
    // The QR is still up; the cashier decides.
    expect(await page.getByRole('img', { name: /₹300\.00/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel sale' }).waitFor();
    await page.getByRole('button', { name: 'Mark paid by hand' }).click();
    // BOS's UTR is already in the field.
    expect(await page.getByLabel('UPI reference (UTR)').inputValue()).toBe(sandbox().control.payments()[0]!.rrn);
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await page.getByRole('alertdialog', { name: 'BOS has not confirmed this payment. Mark paid anyway?' }).waitFor();
    await page.getByRole('button', { name: 'Mark paid anyway' }).click();
    await page.getByText('Marked paid by hand').waitFor();
    expect(await page.getByTestId('paid-amount').textContent()).toBe('₹300.00');
    await page.waitForTimeout(200);
    expect(await spoken(page)).toEqual([]);
    const overrides = (await journalEvents(ui.running().dataDir)).filter((event) => event.type === 'sale.override').map((event) => event.data.reason);
    expect(overrides).toEqual(['not_confirmed']);
  });

  it('money after the sale was cancelled: a banner on every screen until it is settled, with the way to History', async () => {
    const page = await openWithHub();
    await showQr(page, '120');
    const qrId = sandbox().control.issuedQrs()[0]!.id;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.getByText('Sale cancelled (₹120.00).').waitFor();
    expect(sandbox().control.pay({ qrId })).toMatchObject({ ok: true });
    const banner = page.getByTestId('late-banner');
    await banner.getByText(/^₹120\.00 arrived for the \d{1,2}:\d\d\s?(am|pm) sale after it was cancelled: refund or keep it\.$/i).waitFor({ timeout: 10_000 });
    await page.keyboard.press('F4');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Open History' }).click();
    await expect(page.getByRole('tab', { selected: true }).getAttribute('id')).resolves.toBe('tab-history');
    const late = (await ui.running().services.handle('payments.late', undefined)) as { value: Array<{ saleId: string }> };
    await ui.running().services.handle('owner.unlock', { pin: '2468' });
    expect((await ui.running().services.handle('payments.settleLate', { saleId: late.value[0]!.saleId, action: 'refunded' })).ok).toBe(true);
    await banner.waitFor({ state: 'detached' });
  });
});

describe('the hub link in the top bar', () => {
  it('says nothing without a hub; Connected, Reconnecting… while it is away, Connected again when back, "pair again" when refused; selling never waits for it', async () => {
    const page = await ui.open({ overrides: { hubBackoff: { firstMs: 100, factor: 1.5, maxMs: 400 } } });
    expect(await page.getByTestId('hub-badge').count()).toBe(0);
    fakeHub = await startFakeHub();
    expect((await ui.running().services.pairHub(fakeHub.url, '1357901357901352')).ok).toBe(true);
    const badge = page.getByTestId('hub-badge');
    await badge.getByText('Hub connected').waitFor({ timeout: 10_000 });

    fakeHub.pause();
    await badge.getByText('Hub reconnecting…').waitFor({ timeout: 10_000 });
    // Selling does not depend on the hub.
    await showQr(page, '55');
    fakeHub.resume();
    await badge.getByText('Hub connected').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('img', { name: /₹55\.00/ }).count()).toBe(1);

    fakeHub.revoke();
    await badge.getByText('Hub not connected: pair again').waitFor({ timeout: 10_000 });
  });
});
