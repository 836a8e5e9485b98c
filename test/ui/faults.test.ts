/**
 * The fault matrix: the browser preview driven through each way BOS (or the network, or
 * the disk) can go wrong. For each fault: the cashier's words on screen, the screen still
 * usable, no QR for the failed or stale request, and the journal holding the attempt and
 * its outcome. The last test compares the table of what the screen showed with docs/faults.md
 * (and writes it to .tmp/faults.md); `npm run docs:faults` rewrites the document instead.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { PreviewServicesDeps } from '../../electron/web/compose';
import type { JournalEvent } from '../../electron/core/journal/types';
import { startSandbox, type SandboxFault, type SandboxServer } from '../../electron/sandbox';
import { launchChromium } from '../support/chromium';
import {
  closedLoopbackPort,
  describeEvents,
  eventsOf,
  faultTableLines,
  faultTableMarkdown,
  journalEvents,
  testsNotPassed,
  undiciDnsFailure,
  WRITE_FAULTS_DOC_ENV,
  wrongOtp,
  type FaultRow,
} from '../support/fault-matrix';
import { FAKE_HUB_CODE, startFakeHub, type FakeHub } from '../support/fake-hub';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';
import { jsonAnswer, qrSuccess, startStubBos, type StubAnswer } from '../support/stub-bos';

const FAULTS_DOC = join(process.cwd(), 'docs', 'faults.md');
const rows: FaultRow[] = [];

let browser: Browser;
/** One page for the whole file, sent to each test's fresh preview (a new page costs a new context each time). */
let page: Page;
let running: RunningPreview | null = null;
let alsoStop: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterEach(async () => {
  // Leave the preview first, so its event stream is closed before it stops.
  await page?.goto('about:blank');
  await running?.stop();
  for (const stop of alsoStop) await stop();
  running = null;
  alsoStop = [];
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh preview (its own data dir, sandbox and journal) and a page on it. */
async function open(overrides: Partial<PreviewServicesDeps> = {}, keep?: { dataDir: string }): Promise<{ running: RunningPreview; page: Page }> {
  running = await startPreview(overrides, keep);
  await actAsOwner(running);
  await page.goto(running.preview.url);
  await page.getByLabel('Amount').waitFor();
  return { running, page };
}

/** Cancelling a showing QR may ask to confirm (Esc then Enter); answer yes when it does. */
async function confirmCancelIfAsked(p: Page): Promise<void> {
  const yes = p.getByRole('button', { name: /Yes, cancel/ });
  if (await yes.isVisible().catch(() => false)) await yes.click();
  await p.getByLabel('Amount').waitFor();
}

/** A data dir whose settings file already says Live, so the preview starts on Live. */
function liveDataDir(liveBaseUrl: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-ui-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ environment: 'live', liveBaseUrl, registrationId: 'BOS-554' }));
  return dataDir;
}

const qrImages = (p: Page) => p.getByRole('img', { name: /UPI QR code/ });
const saleEvents = async (r: RunningPreview) => firstSale(await journalEvents(r.dataDir));
const errorBox = (p: Page) => p.locator('.error-box[role="alert"]');

/** The text of a box as the cashier reads it: its lines joined by spaces. */
async function shownText(p: Page, selector: ReturnType<typeof errorBox>): Promise<string> {
  await selector.waitFor();
  return (await selector.innerText()).split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}

async function showQr(p: Page, amount: string): Promise<void> {
  await p.getByLabel('Amount').fill(amount);
  await p.getByRole('button', { name: 'Show QR' }).click();
}

/** The one sale the journal holds apart from the recovery sale: the first requested today. */
function firstSale(events: readonly JournalEvent[]): JournalEvent[] {
  const requested = events.find((event) => event.type === 'sale.requested');
  expect(requested, 'the journal holds the attempt').toBeDefined();
  return eventsOf(events, { saleId: String(requested!.data.saleId) });
}

/**
 * After a failed sale: the error is up, no QR, the amount is kept, the field takes new
 * input (which clears the error), and a normal ₹10 sale then shows its QR.
 */
async function expectRecovers(p: Page, keptAmount: string): Promise<void> {
  expect(await qrImages(p).count()).toBe(0);
  const amount = p.getByLabel('Amount');
  expect(await amount.inputValue()).toBe(keptAmount);
  await amount.fill('10');
  expect(await amount.inputValue()).toBe('10');
  await errorBox(p).waitFor({ state: 'detached' });
  await p.getByRole('button', { name: 'Show QR' }).click();
  await p.getByRole('img', { name: /UPI QR code for ₹10\.00/ }).waitFor();
  expect(await qrImages(p).count()).toBe(1);
}

/** The refused sale's journal: requested, then refused with `code`; the recovery sale issued. */
async function expectRefusedInJournal(dataDir: string, code: string): Promise<string> {
  const events = await journalEvents(dataDir);
  const sale = firstSale(events);
  expect(sale.map((event) => event.type)).toEqual(['sale.requested', 'sale.qr_refused']);
  expect(sale[1]!.data.code).toBe(code);
  expect(events.filter((event) => event.type === 'sale.qr_issued')).toHaveLength(1);
  return describeEvents(sale);
}

interface SandboxCase {
  fault: SandboxFault;
  label: string;
  code: string;
  /** Meaningful words the cashier must see. */
  words: RegExp[];
}

/** Faults the embedded sandbox produces on the next Dynamic QR call. The sale asks for ₹25. */
const SANDBOX_CASES: SandboxCase[] = [
  { fault: 'reset', label: 'Connection reset mid-body', code: 'network', words: [/connection to BOS dropped before it finished answering/, /Try again/] },
  { fault: 'html_500', label: 'HTTP 500 with an HTML page', code: 'server_error', words: [/BOS is having a problem right now \(HTTP 500\)/, /Wait a minute/] },
  { fault: 'html_502', label: 'HTTP 502 with an HTML page', code: 'server_error', words: [/BOS is having a problem right now \(HTTP 502\)/] },
  { fault: 'empty_502', label: 'HTTP 502 with an empty body', code: 'server_error', words: [/BOS is having a problem right now \(HTTP 502\)/] },
  { fault: 'empty_200', label: 'HTTP 200 with an empty body', code: 'invalid_response', words: [/cannot read \(empty answer\)/] },
  { fault: 'truncated_json', label: 'HTTP 200 with truncated JSON', code: 'invalid_response', words: [/cannot read \(incomplete or broken data\)/] },
  { fault: 'wrong_content_type', label: 'HTTP 200, success JSON sent as text/html', code: 'invalid_response', words: [/cannot read \(unexpected format text\/html\)/] },
  { fault: 'status_error_200', label: 'HTTP 200 with status "ERROR"', code: 'rejected', words: [/refused to make this QR/, /BOS said: Unable to generate QR \(code 500\)/] },
  { fault: 'unauthorized_401', label: 'HTTP 401 Authentication failed', code: 'unauthorized', words: [/did not accept Counter's credentials/, /registration ID and token in Settings/] },
  { fault: 'vpa_error_400', label: 'HTTP 400 VPA error', code: 'rejected', words: [/refused to make this QR/, /BOS said: VPA does not exist for the account provided \(code 400\)/] },
  { fault: 'wrong_amount', label: 'Intent for another amount (₹26 asked ₹25)', code: 'amount_mismatch', words: [/BOS made a code for ₹26\.00, not ₹25\.00/, /not shown/] },
  { fault: 'wrong_currency', label: 'Intent in another currency (USD)', code: 'invalid_intent', words: [/not in Indian rupees/, /not shown/] },
  { fault: 'not_upi_pay', label: 'Intent that is not upi://pay', code: 'invalid_intent', words: [/not a UPI payment request/] },
];

describe('Sell: BOS answers badly', () => {
  for (const testCase of SANDBOX_CASES) {
    it(`${testCase.label} (${testCase.fault})`, async () => {
      const { running: r, page: p } = await open();
      const sandbox = r.services.sandbox()!;
      sandbox.control.setNextFault(testCase.fault);
      await showQr(p, '25');
      const seen = await shownText(p, errorBox(p));
      for (const words of testCase.words) expect(seen).toMatch(words);
      expect(await qrImages(p).count()).toBe(0);
      expect(sandbox.control.requests()).toHaveLength(1);
      await expectRecovers(p, '25');
      const journalHolds = await expectRefusedInJournal(r.dataDir, testCase.code);
      rows.push({ fault: testCase.label, cashierSees: seen, journalHolds });
    });
  }

  it('Timeout: BOS never answers (hang, timeoutMs 2000)', async () => {
    const { running: r, page: p } = await open({ timeoutMs: 2000 });
    r.services.sandbox()!.control.setNextFault('hang');
    await showQr(p, '25');
    await p.getByRole('button', { name: 'Asking BOS for a QR…' }).waitFor();
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/BOS did not answer within 2 seconds/);
    expect(seen).toMatch(/Check the internet connection/);
    await expectRecovers(p, '25');
    const journalHolds = await expectRefusedInJournal(r.dataDir, 'timeout');
    rows.push({ fault: 'Timeout (BOS never answers)', cashierSees: seen, journalHolds });
  });
});

describe('Sell: BOS cannot be reached (Live)', () => {
  it('BOS unreachable: connection refused on the live address', async () => {
    const port = await closedLoopbackPort();
    const { running: r, page: p } = await open({ liveBaseUrlOverride: `http://127.0.0.1:${port}` }, { dataDir: liveDataDir('https://bos.example.invalid') });
    await p.getByText(`LIVE · 127.0.0.1:${port}`).waitFor();
    expect(r.services.sandbox()).toBeNull();
    await showQr(p, '25');
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/Cannot reach BOS: the connection was refused/);
    expect(seen).toMatch(/Check the internet connection/);
    expect(await qrImages(p).count()).toBe(0);
    // BOS comes back on the same address: the next sale works without touching the app.
    const bos = await startSandbox({ port });
    alsoStop.push(() => bos.close());
    await expectRecovers(p, '25');
    expect(bos.control.issuedQrs()).toHaveLength(1);
    const journalHolds = await expectRefusedInJournal(r.dataDir, 'network');
    rows.push({ fault: 'BOS unreachable (connection refused, Live)', cashierSees: seen, journalHolds });
  });

  it('DNS failure: the live host does not resolve (ENOTFOUND)', async () => {
    let dnsDown = true;
    let bos: SandboxServer | null = null;
    const calls: string[] = [];
    // Never a real host: the .invalid name is answered here, first as undici's ENOTFOUND, then by a loopback sandbox.
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      calls.push(url.host);
      if (url.hostname !== 'bos.example.invalid') throw new Error(`unexpected host ${url.host}`);
      if (dnsDown || !bos) throw undiciDnsFailure(url.hostname);
      return fetch(`${bos.url}${url.pathname}`, init);
    };
    const { running: r, page: p } = await open({ fetch: fakeFetch }, { dataDir: liveDataDir('https://bos.example.invalid') });
    await p.getByText('LIVE · bos.example.invalid').waitFor();
    await showQr(p, '25');
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/Cannot find the BOS server/);
    expect(seen).toMatch(/server address in Settings/);
    expect(seen).not.toMatch(/ENOTFOUND|getaddrinfo|TypeError/);
    expect(await qrImages(p).count()).toBe(0);
    bos = await startSandbox();
    const stand = bos;
    alsoStop.push(() => stand.close());
    dnsDown = false;
    await expectRecovers(p, '25');
    expect(calls).toEqual(['bos.example.invalid', 'bos.example.invalid']);
    const journalHolds = await expectRefusedInJournal(r.dataDir, 'network');
    rows.push({ fault: 'DNS failure (host not found, Live)', cashierSees: seen, journalHolds });
  });
});

describe('Sell: the cashier and the clock', () => {
  it('a slow answer arriving after the cashier cancelled is never shown', async () => {
    const { running: r, page: p } = await open();
    const sandbox = r.services.sandbox()!;
    sandbox.control.setLatency(1500);
    // Watch the whole time: a QR must not appear even for a moment.
    await p.evaluate(() => {
      const w = window as unknown as { qrEverShown: boolean };
      w.qrEverShown = false;
      const look = () => {
        if (document.querySelector('[role="img"][aria-label^="UPI QR code"]')) w.qrEverShown = true;
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const createAnswered = p.waitForResponse((response) => response.url().includes('/pos/sale.create'));
    await showQr(p, '25');
    const asking = p.getByRole('button', { name: 'Asking BOS for a QR…' });
    await asking.waitFor();
    const waitingText = (await asking.innerText()).trim();
    // The cashier presses Cancel while BOS is being asked.
    await p.getByRole('button', { name: 'Cancel', exact: true }).click();
    const cancelledBy = 'the cashier pressed Cancel while it was asking';
    const amount = p.getByLabel('Amount');
    await expect.poll(() => amount.isEnabled()).toBe(true);
    const showQrButton = p.getByRole('button', { name: 'Show QR' });
    await showQrButton.waitFor();
    const afterCancel = `amount field "${await amount.inputValue()}" editable, "${(await showQrButton.innerText()).trim()}" button`;
    // The late answer arrives (the sandbox did issue a QR) and is journaled, never shown.
    await expect.poll(async () => (await journalEvents(r.dataDir)).map((event) => event.type), { timeout: 5000 }).toContain('sale.late_answer');
    await createAnswered;
    await p.waitForTimeout(200);
    expect(sandbox.control.issuedQrs()).toHaveLength(1);
    expect(await qrImages(p).count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { qrEverShown: boolean }).qrEverShown)).toBe(false);
    const events = await journalEvents(r.dataDir);
    const sale = firstSale(events);
    expect(sale.map((event) => event.type)).toEqual(['sale.requested', 'sale.cancelled', 'sale.late_answer']);
    sandbox.control.setLatency(0);
    await expectRecovers(p, '25');
    expect(await p.evaluate(() => (window as unknown as { qrEverShown: boolean }).qrEverShown)).toBe(true);
    rows.push({
      fault: `Slow answer (1.5 s) arriving after the cashier cancelled; ${cancelledBy}`,
      cashierSees: `While waiting: "${waitingText}"; after Cancel: ${afterCancel}; no QR at any moment`,
      journalHolds: describeEvents(sale),
    });
  });

  it('two presses of Show QR make one QR', async () => {
    const { running: r, page: p } = await open();
    const sandbox = r.services.sandbox()!;
    sandbox.control.setLatency(400);
    await p.getByLabel('Amount').fill('99');
    // Two presses in the same moment, before React can re-render and disable the button.
    await p.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Show QR')!;
      button.click();
      button.click();
    });
    const qr = p.getByRole('img', { name: /UPI QR code for ₹99\.00/ });
    await qr.waitFor();
    await p.waitForTimeout(300);
    expect(sandbox.control.issuedQrs()).toHaveLength(1);
    expect(sandbox.control.requests()).toHaveLength(1);
    const qrCount = await qrImages(p).count();
    expect(qrCount).toBe(1);
    const qrLabel = await qr.getAttribute('aria-label');
    const shownAmount = (await p.getByTestId('sale-amount').innerText()).trim();
    const events = await journalEvents(r.dataDir);
    expect(events.map((event) => event.type)).toEqual(['sale.requested', 'sale.qr_issued']);
    // Still usable: the QR can be cancelled (Cancel asks first) and the amount field comes back.
    await p.getByRole('button', { name: 'Cancel', exact: true }).click();
    await p.getByRole('button', { name: 'Yes, cancel' }).click();
    await p.getByLabel('Amount').waitFor();
    expect(await qrImages(p).count()).toBe(0);
    rows.push({
      fault: 'Show QR pressed twice in the same moment',
      cashierSees: `${qrCount} QR on screen: "${qrLabel}", amount ${shownAmount}`,
      journalHolds: describeEvents(firstSale(events)),
    });
  });
});

describe('Sell: answers that must never show a QR, and one that may (stub BOS, Live)', () => {
  /** A preview on Live against a stub BOS that answers as the case says. */
  async function openOnStub(answer: StubAnswer) {
    const stub = await startStubBos(answer);
    alsoStop.push(() => stub.close());
    const opened = await open({ liveBaseUrlOverride: stub.url }, { dataDir: liveDataDir('https://bos.example.invalid') });
    await opened.page.getByText(/^LIVE · 127\.0\.0\.1:/).waitFor();
    return { ...opened, stub };
  }
  const refusedCase = async (label: string, answer: StubAnswer, code: string, words: RegExp[], prepare?: (p: Page) => Promise<void>) => {
    const { running: r, page: p } = await openOnStub(answer);
    await prepare?.(p);
    await showQr(p, '25');
    const seen = await shownText(p, errorBox(p));
    for (const w of words) expect(seen).toMatch(w);
    expect(await qrImages(p).count()).toBe(0);
    const events = await journalEvents(r.dataDir);
    const refused = events.filter((e) => e.type === 'sale.qr_refused').at(-1)!;
    expect(refused.data.code).toBe(code);
    rows.push({ fault: label, cashierSees: seen, journalHolds: describeEvents(eventsOf(events, { saleId: String(refused.data.saleId) })) });
  };

  it('a 307 from "BOS" to another host with a QR paying attacker@ybl: not followed, no QR', async () => {
    const elsewhere = await startStubBos(jsonAnswer(200, qrSuccess('25', { pa: 'attacker@ybl', pn: 'Attacker' })));
    alsoStop.push(() => elsewhere.close());
    await refusedCase('Redirect (HTTP 307) to another host serving a QR for attacker@ybl', (_, res) => res.writeHead(307, { Location: `${elsewhere.url}/api/BOS/V4/DynamicQRCode` }).end(), 'invalid_response', [/BOS sent Counter elsewhere \(HTTP 307\)/]);
    expect(elsewhere.requests).toEqual([]);
  });

  it('a QR for another payee than the account\'s first one: refused until the owner accepts it', async () => {
    let payee = { pa: 'sharma.stores@okaxis', pn: 'Sharma%20Stores' };
    const first = async (p: Page) => {
      await showQr(p, '10');
      await p.getByRole('img', { name: /UPI QR code for ₹10\.00/ }).waitFor();
      await p.getByRole('button', { name: 'Cancel', exact: true }).click();
      await confirmCancelIfAsked(p);
      payee = { pa: 'attacker@ybl', pn: 'Quick%20Cash' };
    };
    await refusedCase('QR for another payee (attacker@ybl) than the account\'s pinned one', (request, res) => jsonAnswer(200, qrSuccess(JSON.parse(request.body).amount as string, payee))(request, res), 'payee_changed', [/Quick Cash \(attacker@ybl\), not Sharma Stores \(sharma\.stores@okaxis\)/, /accept the new payee in Settings/], first);
  });

  it('an intent carrying mam below am (the customer could pay less)', async () => {
    await refusedCase('Intent with mam=1 (minimum amount) on a ₹25 QR', jsonAnswer(200, qrSuccess('25', { extra: '&mam=1' })), 'invalid_intent', [/pay as little as ₹1\.00 instead of ₹25\.00/]);
  });

  it('HTTP 200 whose status says FAILED though it carries an intent', async () => {
    await refusedCase('HTTP 200 with status "FAILED" and an intent', jsonAnswer(200, qrSuccess('25', {}, { status: 'FAILED', Status: 'False', message: 'Payment link failed' })), 'rejected', [/refused to make this QR/]);
  });

  it('ASP.NET nulls and no CreatedDateTime: the QR is shown, its time left marked as estimated', async () => {
    const { running: r, page: p } = await openOnStub(jsonAnswer(200, { ...qrSuccess('25', {}, { id: 987654, qrCode: null, subCode: null, Value: null }), CreatedDateTime: undefined }));
    await showQr(p, '25');
    const qr = p.getByRole('img', { name: /UPI QR code for ₹25\.00/ });
    await qr.waitFor();
    const events = await journalEvents(r.dataDir);
    const sale = firstSale(events);
    expect(sale.map((e) => e.type)).toEqual(['sale.requested', 'sale.qr_issued']);
    expect(sale[1]!.data).toMatchObject({ qrId: '987654', ttlMs: 270_000 });
    rows.push({ fault: 'ASP.NET nulls (qrCode, subCode null; numeric id; no CreatedDateTime)', cashierSees: `QR shown: "${await qr.getAttribute('aria-label')}", time left estimated (4 min 30 s)`, journalHolds: describeEvents(sale) });
  });

  it('a full disk: the request cannot be written down, so BOS is not asked and no QR is made', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const { running: r, page: p } = await open({ journal: { append: async () => { throw full; }, close: async () => undefined } });
    await showQr(p, '25');
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/Counter cannot save: the disk is full/);
    expect(seen).toMatch(/No QR was requested/);
    expect(await qrImages(p).count()).toBe(0);
    expect(r.services.sandbox()!.control.requests()).toHaveLength(0);
    rows.push({ fault: 'Disk full (the journal cannot write)', cashierSees: seen, journalHolds: 'nothing (the disk is full); BOS was not asked' });
  });
});

describe('Payments BOS reports, through the embedded shop hub', () => {
  /** A preview with the embedded hub (PGlite in memory) and no status call, waited on until the counter is connected. */
  async function openWithHub(): Promise<{ running: RunningPreview; page: Page }> {
    const opened = await open({ withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 });
    await vi.waitFor(async () => expect(((await opened.running.services.handle('hub.status', undefined)) as { value: { state: string } }).value.state).toBe('connected'), { timeout: 30_000, interval: 100 });
    return opened;
  }
  it('a webhook delivered twice (same event id): paid once, confirmed by BOS', async () => {
    const { running: r, page: p } = await openWithHub();
    await showQr(p, '250');
    await p.getByRole('img', { name: /UPI QR code for ₹250\.00/ }).waitFor();
    r.services.sandbox()!.control.setNextWebhookFault('duplicate');
    await p.getByRole('button', { name: 'Simulate customer payment' }).click();
    const done = p.locator('.paid-done.by-bos');
    await done.waitFor({ timeout: 10_000 });
    await r.services.sandbox()!.control.webhooksIdle();
    const sale = await saleEvents(r);
    expect(sale.filter((e) => e.type === 'sale.payment_confirmed')).toHaveLength(1);
    expect(sale.filter((e) => e.type === 'sale.paid')).toHaveLength(0);
    rows.push({ fault: 'Payment webhook delivered twice (same event id)', cashierSees: `${(await shownText(p, done)).replace(/UTR \d{12}/, 'UTR <BOS\'s 12 digits>')} (once)`, journalHolds: describeEvents(sale) });
  });

  it('a webhook for another amount: the QR stays, the cashier is told and decides', async () => {
    const { running: r, page: p } = await openWithHub();
    await showQr(p, '300');
    await p.getByRole('img', { name: /UPI QR code for ₹300\.00/ }).waitFor();
    r.services.sandbox()!.control.setNextWebhookFault('other_amount');
    await p.getByRole('button', { name: 'Simulate customer payment' }).click();
    const told = p.getByTestId('other-amount');
    await told.getByText(/BOS reports ₹299\.00 paid for this ₹300\.00 QR/).waitFor({ timeout: 10_000 });
    expect(await qrImages(p).count()).toBe(1);
    const sale = await saleEvents(r);
    expect(sale.map((e) => e.type)).not.toContain('sale.payment_confirmed');
    rows.push({ fault: 'Payment webhook for another amount (₹299 for a ₹300 QR)', cashierSees: `${await shownText(p, told)} (QR still shown)`, journalHolds: describeEvents(sale) });
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
  });

  it('money after the cashier cancelled: kept on the late list, a banner until it is refunded or kept', async () => {
    const { running: r, page: p } = await openWithHub();
    await showQr(p, '120');
    await p.getByRole('img', { name: /UPI QR code for ₹120\.00/ }).waitFor();
    const qrId = r.services.sandbox()!.control.issuedQrs()[0]!.id;
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
    await p.getByText('Sale cancelled (₹120.00).').waitFor();
    expect(r.services.sandbox()!.control.pay({ qrId })).toMatchObject({ ok: true });
    const banner = p.getByTestId('late-banner');
    await banner.getByText(/after it was cancelled: refund or keep it/).waitFor({ timeout: 10_000 });
    const seen = (await banner.innerText()).split('\n').map((line) => line.trim()).filter(Boolean).join(' ').replace(/\d{1,2}:\d\d\s?(am|pm)/i, 'HH:MM');
    const sale = await saleEvents(r);
    expect(sale.map((e) => e.type)).toContain('sale.payment_reported');
    rows.push({ fault: 'Customer paid after the cashier cancelled', cashierSees: seen, journalHolds: describeEvents(sale) });
  });

  it('a webhook for a QR nobody issued: no sale is touched, the hub keeps it for the owner', async () => {
    const { running: r, page: p } = await openWithHub();
    await showQr(p, '160');
    const qr = p.getByRole('img', { name: /UPI QR code for ₹160\.00/ });
    await qr.waitFor();
    r.services.sandbox()!.control.setNextWebhookFault('unknown_qr');
    await p.getByRole('button', { name: 'Simulate customer payment' }).click();
    // The click reaches the sandbox through the preview: wait for its payment before waiting for its webhook.
    await vi.waitFor(() => expect(r.services.sandbox()!.control.payments()).toHaveLength(1), { timeout: 10_000, interval: 50 });
    await r.services.sandbox()!.control.webhooksIdle();
    const hub = r.services.embedded()!.hub()!;
    const { code } = await hub.createPairingCode('owner', 'Owner laptop');
    const paired = (await (await fetch(`${hub.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Owner laptop' }) })).json()) as { credential: string };
    const unmatched = (await (await fetch(`${hub.url}/v1/payments/unmatched`, { headers: { authorization: `Bearer ${paired.credential}` } })).json()) as { payments: Array<{ amountPaise: number }> };
    expect(unmatched.payments).toEqual([expect.objectContaining({ amountPaise: 16_000 })]);
    expect(await qr.count()).toBe(1);
    expect(await p.locator('.paid-done').count()).toBe(0);
    const sale = await saleEvents(r);
    expect(sale.map((e) => e.type)).toEqual(['sale.requested', 'sale.qr_issued']);
    rows.push({ fault: 'Payment webhook for a QR no counter issued', cashierSees: 'nothing changes: the QR on screen stays unpaid', journalHolds: `${describeEvents(sale)} (the hub keeps the payment among the owner's unmatched payments)` });
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
  });

  it('marked paid by hand while BOS has not confirmed (hub connected): asked once, recorded as an override', async () => {
    const { running: r, page: p } = await openWithHub();
    await showQr(p, '90');
    await p.getByRole('img', { name: /UPI QR code for ₹90\.00/ }).waitFor();
    await p.getByRole('button', { name: 'Paid', exact: true }).click();
    await p.getByRole('button', { name: 'Confirm paid' }).click();
    const question = p.getByRole('alertdialog', { name: 'BOS has not confirmed this payment. Mark paid anyway?' });
    await question.waitFor();
    const seen = 'BOS has not confirmed this payment. Mark paid anyway? → "Mark paid anyway" → Marked paid by hand';
    await p.getByRole('button', { name: 'Mark paid anyway' }).click();
    await p.getByText('Marked paid by hand').waitFor();
    const sale = await saleEvents(r);
    expect(sale.find((e) => e.type === 'sale.override')?.data.reason).toBe('not_confirmed');
    rows.push({ fault: 'Marked paid by hand before BOS confirmed (hub connected)', cashierSees: seen, journalHolds: `${describeEvents(sale)} (override not_confirmed)` });
  });
});

describe('The shop hub, as the cashier sees it (a stand-in hub)', () => {
  /** A preview paired with a stand-in hub that answers as the test says, waited on until the badge says connected. */
  async function openWithStandInHub(): Promise<{ running: RunningPreview; page: Page; hub: FakeHub }> {
    const hub = await startFakeHub();
    alsoStop.push(() => hub.close());
    const opened = await open({ hubBackoff: { firstMs: 50, factor: 1.5, maxMs: 200 } });
    expect((await opened.running.services.pairHub(hub.url, FAKE_HUB_CODE)).ok).toBe(true);
    await opened.page.getByTestId('hub-badge').getByText('Hub connected').waitFor({ timeout: 10_000 });
    return { ...opened, hub };
  }

  it('the hub cannot take the QR (503): a quiet line beside the QR while it is sent again, gone once the hub has it', async () => {
    const { running: r, page: p, hub } = await openWithStandInHub();
    hub.expectationAnswer = 'failing';
    await showQr(p, '210');
    const line = p.getByTestId('hub-line');
    const seen = await shownText(p, line);
    hub.expectationAnswer = 'kept';
    await line.waitFor({ state: 'detached', timeout: 10_000 });
    expect(hub.expectations.map((e) => e.amountPaise)).toEqual([21_000]);
    rows.push({ fault: 'The shop hub cannot take the QR (it answers 503)', cashierSees: `${seen} (until the hub has it: sent again meanwhile)`, journalHolds: describeEvents(await saleEvents(r)) });
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
  });

  it('another counter announced this QR first (the hub refuses it, 409): said beside the QR, not sent again', async () => {
    const { running: r, page: p, hub } = await openWithStandInHub();
    hub.expectationAnswer = 'claimed';
    await showQr(p, '130');
    const line = p.locator('[data-testid="hub-line"].hub-bad');
    const seen = await shownText(p, line);
    rows.push({ fault: 'Another counter announced this QR first (the hub refuses it, 409)', cashierSees: seen, journalHolds: `${describeEvents(await saleEvents(r))} (the hub holds the QR's payment for the owner)` });
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
  });

  it('the hub keeps refusing the journal (503): the top bar says since when; the lines reach it once it takes them again', async () => {
    const { running: r, page: p, hub } = await openWithStandInHub();
    hub.journalDown = true;
    await showQr(p, '75');
    await p.getByRole('img', { name: /UPI QR code for ₹75\.00/ }).waitFor();
    const badge = p.locator('[data-testid="hub-badge"][data-journal="stuck"]');
    const shown = await shownText(p, badge.locator('[aria-hidden="true"]'));
    const spoken = await badge.getAttribute('title');
    const seen = `"${shown}"; on hover and to a screen reader: "${spoken}"`.replace(/\d{1,2}:\d\d\s?(am|pm)/gi, 'HH:MM');
    const sale = await saleEvents(r);
    hub.journalDown = false;
    await p.getByTestId('hub-badge').getByText('Hub connected').waitFor({ timeout: 10_000 });
    await vi.waitFor(() => expect(hub.journal.filter((e) => e.data.saleId === sale[0]!.data.saleId).map((e) => e.type)).toEqual(sale.map((e) => e.type)), { timeout: 10_000, interval: 50 });
    rows.push({ fault: 'The shop hub keeps refusing the journal (503)', cashierSees: `Top bar: ${seen}`, journalHolds: `${describeEvents(sale)} (kept on this PC, sent again until the hub keeps it)` });
    await p.keyboard.press('Escape');
    await confirmCancelIfAsked(p);
  });
});

describe('Refund: an answer that contradicts itself (stub BOS, Live)', () => {
  it('a claim answered status true with response_code 2: not taken as claimed, the cashier told not to pay out', async () => {
    const stub = await startStubBos((request, res) => {
      if (request.path.endsWith('/RefundOTP')) return jsonAnswer(200, { status: true, response_code: 1, message: 'Refund Otp Successfully Sent.' })(request, res);
      return jsonAnswer(200, { status: true, response_code: 2, message: 'Transaction not found or already refunded' })(request, res);
    });
    alsoStop.push(() => stub.close());
    const { running: r, page: p } = await open({ liveBaseUrlOverride: stub.url }, { dataDir: liveDataDir('https://bos.example.invalid') });
    await p.keyboard.press('F4');
    await p.getByLabel('Reference ID').fill('12345678926');
    await p.getByLabel('Ack No').fill('127');
    await p.getByRole('button', { name: 'Send OTP' }).click();
    await p.getByText('Refund Otp Successfully Sent.').waitFor();
    await p.getByLabel('OTP', { exact: true }).fill('576719');
    await p.getByRole('button', { name: 'Claim refund', exact: true }).click();
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/Do not hand over cash/);
    const refund = eventsOf(await journalEvents(r.dataDir), { referenceId: '12345678926', ackNo: '127' });
    expect(refund.map((e) => e.type)).toEqual(['refund.otp_requested', 'refund.otp_sent', 'refund.claim_requested', 'refund.claim_refused']);
    rows.push({ fault: 'Claim answered status true with response_code 2 (contradicts itself)', cashierSees: seen, journalHolds: describeEvents(refund) });
  });
});

describe('Refund faults', () => {
  it('OTP asked for an already refunded transfer (55555555555 / 10)', async () => {
    const { running: r, page: p } = await open();
    await p.keyboard.press('F4');
    await p.getByLabel('Reference ID').fill('55555555555');
    await p.getByLabel('Ack No').fill('10');
    await p.getByRole('button', { name: 'Send OTP' }).click();
    const seen = await shownText(p, errorBox(p));
    expect(seen).toMatch(/already been refunded/);
    expect(seen).toMatch(/Do not hand over cash/);
    expect(seen).toMatch(/BOS said: Transaction not found or already refunded \(code 2\)/);
    expect(await qrImages(p).count()).toBe(0);
    const events = await journalEvents(r.dataDir);
    const refund = eventsOf(events, { referenceId: '55555555555', ackNo: '10' });
    expect(refund.map((event) => event.type)).toEqual(['refund.otp_requested', 'refund.otp_refused']);
    expect(refund[1]!.data).toMatchObject({ code: 'rejected', bosCode: '2' });
    // Still usable: the numbers can be changed and a refundable transfer gets its OTP.
    await p.getByLabel('Reference ID').fill('12345678926');
    await p.getByLabel('Ack No').fill('127');
    await p.getByRole('button', { name: 'Send OTP' }).click();
    await p.getByText('Refund Otp Successfully Sent.').waitFor();
    expect(await errorBox(p).count()).toBe(0);
    rows.push({ fault: 'Refund OTP for an already refunded transfer', cashierSees: seen, journalHolds: describeEvents(refund) });
  });

  it('wrong OTP three times locks the OTP (12345678926 / 127)', async () => {
    const { running: r, page: p } = await open();
    const sandbox = r.services.sandbox()!;
    const ids = { referenceId: '12345678926', ackNo: '127' };
    await p.keyboard.press('F4');
    await p.getByLabel('Reference ID').fill(ids.referenceId);
    await p.getByLabel('Ack No').fill(ids.ackNo);
    await p.getByRole('button', { name: 'Send OTP' }).click();
    await p.getByText('Refund Otp Successfully Sent.').waitFor();
    const realOtp = sandbox.control.revealOtp(ids.referenceId, ids.ackNo)!;
    expect(realOtp).toMatch(/^\d{6}$/);
    const otpField = p.getByLabel('OTP', { exact: true });
    const claimButton = p.getByRole('button', { name: 'Claim refund', exact: true });
    const refusals = async () => eventsOf(await journalEvents(r.dataDir), ids).filter((event) => event.type === 'refund.claim_refused').length;
    const claimAndRead = async (otp: string, attempt: number) => {
      await otpField.fill(otp);
      await claimButton.click();
      await expect.poll(refusals).toBe(attempt);
      await claimButton.waitFor();
      await expect.poll(() => claimButton.isEnabled()).toBe(true);
      return shownText(p, errorBox(p));
    };
    const bad = wrongOtp(realOtp);
    const first = await claimAndRead(bad, 1);
    expect(first).toMatch(/BOS did not accept the details/);
    expect(first).toMatch(/BOS said: Invalid OTP \(code 4\)/);
    await claimAndRead(bad, 2);
    const third = await claimAndRead(bad, 3);
    expect(third).toMatch(/This OTP can no longer be used\. Press Resend OTP/);
    expect(third).toMatch(/BOS said: Invalid OTP\. Attempts exceeded; request a new OTP\. \(code 4\)/);
    // The lock holds: even the right OTP is refused now.
    const fourth = await claimAndRead(realOtp, 4);
    expect(fourth).toMatch(/OTP expired; request a new OTP/);
    expect(await qrImages(p).count()).toBe(0);
    const refund = eventsOf(await journalEvents(r.dataDir), ids);
    expect(refund.map((event) => event.type)).toEqual([
      'refund.otp_requested', 'refund.otp_sent',
      'refund.claim_requested', 'refund.claim_refused',
      'refund.claim_requested', 'refund.claim_refused',
      'refund.claim_requested', 'refund.claim_refused',
      'refund.claim_requested', 'refund.claim_refused',
    ]);
    for (const event of refund.filter((e) => e.type === 'refund.claim_refused')) expect(event.data).toMatchObject({ code: 'rejected', bosCode: '4' });
    expect(JSON.stringify(refund)).not.toContain(realOtp);
    // Still usable: the OTP field took the fourth try and BOS answered it; the screen offers Resend OTP.
    await p.getByRole('button', { name: /^Resend OTP/ }).waitFor();
    expect(await otpField.inputValue()).toBe(realOtp);
    rows.push({ fault: 'Wrong OTP three times (third refusal)', cashierSees: third, journalHolds: describeEvents(refund.slice(0, 8)) });
  });
});

describe('Start-up faults', () => {
  it('a corrupted settings file: the app starts on defaults (sandbox) and a sale works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-ui-'));
    writeFileSync(join(dataDir, 'settings.json'), '{"environment": "live", "liveBaseUrl": \u0000\u0007 garbage');
    const { running: r, page: p } = await open({}, { dataDir });
    const banner = p.getByText('SANDBOX — practice mode, no real money moves');
    await banner.waitFor();
    const bannerText = (await banner.innerText()).trim();
    const notice = p.getByText(/^Settings file was unreadable; moved to .*settings\.json\.corrupt-\d+ and started on defaults\.$/);
    await notice.waitFor();
    const noticeText = (await notice.innerText()).replace(dataDir, '<data>').replace(/corrupt-\d+/, 'corrupt-<time>');
    expect(r.services.sandbox()).not.toBeNull();
    expect(readdirSync(dataDir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    await showQr(p, '10');
    const qr = p.getByRole('img', { name: /UPI QR code for ₹10\.00/ });
    await qr.waitFor();
    expect(await qrImages(p).count()).toBe(1);
    const qrLabel = await qr.getAttribute('aria-label');
    const events = await journalEvents(r.dataDir);
    const sale = firstSale(events);
    expect(sale.map((event) => event.type)).toEqual(['sale.requested', 'sale.qr_issued']);
    rows.push({ fault: 'Settings file corrupted before start', cashierSees: `Banner "${bannerText}"; notice "${noticeText}"; a ₹10 sale shows "${qrLabel}"`, journalHolds: describeEvents(sale) });
  });
});

// Last in the file: the rows above are pushed in the order the tests run.
describe('docs/faults.md', () => {
  it('holds the table this run read off the screen and the journal', ({ task }) => {
    const table = faultTableMarkdown(rows);
    const seenDir = join(process.cwd(), '.tmp');
    mkdirSync(seenDir, { recursive: true });
    writeFileSync(join(seenDir, 'faults.md'), table);
    expect(testsNotPassed(task.file, task), 'every fault test ran and passed (run the whole file)').toEqual([]);
    if (process.env[WRITE_FAULTS_DOC_ENV] === '1') writeFileSync(FAULTS_DOC, table);
    expect(faultTableLines(readFileSync(FAULTS_DOC, 'utf8')), 'docs/faults.md is out of date: `npm run docs:faults` rewrites it (this run\'s table is in .tmp/faults.md)').toEqual(faultTableLines(table));
  });
});
