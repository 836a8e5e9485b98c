import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HubView } from '../../electron/contract/views';
import { hi } from '../../renderer/src/i18n/hi';
import { startFakeHub, type FakeHub } from '../support/fake-hub';
import { englishOnHindiScreen } from '../support/hindi-books';
import { expectInView } from '../support/in-view';
import { usePreviewOnDemand } from '../support/ui';

const SHOTS = join(process.cwd(), '.tmp', 'settings-hub');
mkdirSync(SHOTS, { recursive: true });
const ui = usePreviewOnDemand();
let page: Page;
let hub: FakeHub | null = null;
let stub: Server | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
  if (stub) await new Promise((resolve) => stub!.close(resolve));
  stub = null;
});

const hubState = () => page.getByTestId('hub-state');
const hubStatus = async () => ((await ui.running().services.handle('hub.status', undefined)) as PosResult<HubView> & { ok: true }).value;

async function pair(url: string, code: string, labels = { address: 'Hub address', code: 'Pairing code', connect: 'Connect' }) {
  await page.getByLabel(labels.address).fill(url);
  await page.getByLabel(labels.code).fill(code);
  await page.getByRole('button', { name: labels.connect, exact: true }).click();
}

describe('the shop hub in Settings', () => {
  it('pairs with a code, says which shop and when a payment was last seen, then that the hub refused it, and disconnects', async () => {
    hub = await startFakeHub({ code: '1357901357901352' });
    page = await ui.open({ owner: true });
    await page.keyboard.press('F9');
    await hubState().getByText('Not connected to a shop hub.').waitFor();

    await pair('http://hub.example.invalid', '1357901357901352');
    await page.getByText('Type the hub address, like https://hub.example.in (http only on this computer).').waitFor();
    await pair(hub.url, '12345');
    await page.getByText('The pairing code is 16 digits.').waitFor();
    // One digit mistyped: the check digit catches it here, before the hub counts a wrong try.
    await pair(hub.url, '1357 9013 5790 1353');
    await page.getByText("That code has a typo: a digit is not what the owner's screen shows. Check it group by group.").waitFor();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel('Pairing code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'settings-hub-code-typo-1024x768.png') });
    await expectInView(page, { code: page.getByLabel('Pairing code'), typo: page.getByText('That code has a typo', { exact: false }) }, 'pairing code typo 1024');
    await pair(hub.url, '1234 5678 9012 3450');
    // The hub's refusal, in plain words (main's).
    await page.getByText(/did not accept that pairing code/).waitFor();

    // Typed without spaces, it is shown in the owner's groups of four.
    await page.getByLabel('Pairing code').fill('1357901357901352');
    await expect(page.getByLabel('Pairing code').inputValue()).resolves.toBe('1357 9013 5790 1352');
    await pair(hub.url, '1357901357901352');
    await hubState().getByText('Connected to Sharma Stores · no payment seen yet').waitFor();
    await expect(hubState().textContent()).resolves.toContain(hub.url);
    await expect(page.getByLabel('Pairing code').count()).resolves.toBe(0);

    hub.push({ paymentId: 'pay_1', saleId: 's_elsewhere', qrId: null, txnRef: null, tr: null, amountPaise: 100, currency: 'INR', utr: '412345678901', payerVpa: null, event: 'qr_code.credited', receivedAt: new Date().toISOString() });
    await hubState().getByText(/Connected to Sharma Stores · last payment seen at \d{1,2}:\d\d\s?(am|pm)/).waitFor();

    hub.revoke();
    await hubState().getByText('The hub no longer accepts this counter: pair again.').waitFor();
    await expect(page.getByLabel('Pairing code').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Disconnect from the hub? Payments will then be marked paid by hand until it is paired again.').waitFor();
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await hubState().getByText('Not connected to a shop hub.').waitFor();
    expect(await hubStatus()).toMatchObject({ paired: false, state: 'off' });
  });

  it('says it is reconnecting when the hub goes away, with the reason below; all in Hindi', async () => {
    hub = await startFakeHub({ code: '2468012468012460' });
    page = await ui.open({ owner: true, settings: { language: 'hi' }, amountLabel: hi.sell.amount });
    await page.keyboard.press('F9');
    await pair(hub.url, '2468 0124 6801 2460', { address: hi.hub.address, code: hi.hub.code, connect: hi.hub.connect });
    await hubState().getByText(hi.hub.connected('Sharma Stores'), { exact: false }).waitFor();
    await hub.close();
    hub = null;
    await hubState().getByText(hi.hub.reconnecting, { exact: false }).waitFor();
    await expect(hubState().locator('[lang="en-IN"]').textContent()).resolves.toMatch(/Trying again in \d+ s\./);
    const shown = await englishOnHindiScreen(page, ['Sharma Stores', 'Counter Sandbox Store', 'counter.demo@sandbox', (await hubStatus()).url!]);
    expect(shown.english).toEqual([]);
    expect(shown.latin).toEqual([]);
  });
});

/** A stub BOS whose QRs pay whoever `payee` says at the time (as in test/integration/payee.test.ts). */
let payee = { vpa: 'shop@okaxis', name: 'Sharma Stores' };
let count = 0;
async function startStubBos(): Promise<string> {
  payee = { vpa: 'shop@okaxis', name: 'Sharma Stores' };
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      count += 1;
      const amount = (JSON.parse(body) as { amount: string }).amount;
      const intent = `upi://pay?ver=01&mode=22&pa=${payee.vpa}&pn=${encodeURIComponent(payee.name)}&tr=TR${count}&cu=INR&mc=8299&am=${amount}`;
      const now = Date.now();
      const answer = { id: `qr_${count}`, txnRefranceID: `REF${count}`, entity: 'qr_code', CreatedDateTime: new Date(now).toISOString(), ExpireDateTime: new Date(now + 300_000).toISOString(), UPIIntend: intent, PaymentAmount: Number(amount), status: 'active', Status: 'True', message: 'QR Code Generated', Value: '' };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stub!.address() as AddressInfo).port}`;
}

describe('the payee in Settings', () => {
  it('a QR for a new payee is refused on Sell; Settings shows both side by side; once accepted, Sell shows QRs again', async () => {
    const bos = await startStubBos();
    page = await ui.open({ owner: true, overrides: { liveBaseUrlOverride: bos }, settings: { environment: 'live', registrationId: 'BOS-554' } });
    const showQr = async (amount: string) => {
      await page.getByLabel('Amount').fill(amount);
      await page.getByRole('button', { name: 'Show QR' }).click();
    };
    await showQr('250');
    await page.getByRole('img', { name: /UPI QR code for ₹250\.00 to Sharma Stores/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page.getByLabel('Amount').waitFor();

    payee = { vpa: 'attacker@ybl', name: 'Quick Cash' };
    await showQr('300');
    await page.getByText(/Quick Cash \(attacker@ybl\), not Sharma Stores \(shop@okaxis\)/).waitFor();
    await expect(page.getByRole('img', { name: /UPI QR code/ }).count()).resolves.toBe(0);

    await page.keyboard.press('F9');
    await page.getByText('BOS now makes QRs for a different payee').waitFor();
    const pinned = page.getByTestId('payee-pinned');
    const offered = page.getByTestId('payee-offered');
    await expect(pinned.textContent()).resolves.toMatch(/Until now.*Sharma Stores.*shop@okaxis/);
    await expect(offered.textContent()).resolves.toMatch(/BOS now offers.*Quick Cash.*attacker@ybl/);
    // Side by side: the two cards share a row.
    const [a, b] = [await pinned.boundingBox(), await offered.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

    await page.getByRole('button', { name: 'Accept the new payee' }).click();
    await page.getByText('From now on every QR pays Quick Cash (attacker@ybl). Accept?').waitFor();
    await page.getByRole('button', { name: 'Yes, accept it' }).click();
    await page.getByText('New payee accepted. QRs for it are shown again.').waitFor();
    await expect(page.getByTestId('payee-offered').count()).resolves.toBe(0);
    await expect(pinned.textContent()).resolves.toContain('attacker@ybl');

    await page.keyboard.press('F2');
    await showQr('300');
    await page.getByRole('img', { name: /UPI QR code for ₹300\.00 to Quick Cash/ }).waitFor();
  });
});
