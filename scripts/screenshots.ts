// Makes the README screenshots from the browser preview on the embedded sandbox: npm run screenshots
import type { Page } from 'playwright';
import { CUSTOMER_PREVIEW } from '../electron/contract/customer';
import { launchChromium } from '../test/support/chromium';
import { localDay } from '../electron/contract/days';
import { startHub } from '../electron/hub';
import { actAsOwner, setUpCounter, startPreview } from '../test/support/preview';
import { startCounter, stateTotals, type ShopCounter } from '../test/ui/owner-counters';

const running = await startPreview();
// First start shows the owner's set-up: done here through the services, as the UI tests do.
await setUpCounter(running);
const browser = await launchChromium();
try {
  for (const [width, height] of [[1920, 1080], [1024, 768]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(running.preview.url);
    await page.getByLabel('Amount').fill('1250');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await page.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    await page.screenshot({ path: `docs/screenshots/sell-qr-${width}x${height}.png` });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page.getByLabel('Amount').waitFor();
    await page.close();
  }
  await inHindiAt1024();
  await paidByBos();
  await firstStart();
  await wholeShop();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(running.preview.url);
  await page.getByLabel('Amount').waitFor();
  await page.screenshot({ path: 'docs/screenshots/sell-entry.png' });
  await page.keyboard.press('F4');
  await page.getByLabel('Reference ID').fill('12345678926');
  await page.getByLabel('Ack No').fill('127');
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await page.getByLabel('OTP', { exact: true }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/refund-otp.png' });

  // A short day for History: paid, cancelled, refused, paid with a UTR, a refund claimed, one on screen.
  const pos = (op: string, input?: unknown) => running.services.handle(op, input) as Promise<{ ok: boolean; value?: { saleId: string } }>;
  for (const [amountPaise, outcome] of [[125_000, 'paid'], [45_000, 'cancel'], [104, 'refused'], [9_950, 'paid-utr'], [32_000, 'paid']] as const) {
    const sale = await pos('sale.create', { amountPaise });
    if (!sale.ok || !sale.value) continue;
    if (outcome === 'cancel') await pos('sale.cancel', { saleId: sale.value.saleId });
    else await pos('sale.markPaid', { saleId: sale.value.saleId, ...(outcome === 'paid-utr' ? { utr: '412345678901' } : {}) });
  }
  // The OTP the Refund screenshot above sent; claiming it is the owner's.
  const otp = running.services.sandbox()!.control.revealOtp('12345678926', '127');
  if (!otp) throw new Error('the Refund screen sent no OTP');
  await actAsOwner(running);
  const claimed = await running.services.handle('refund.claim', { referenceId: '12345678926', ackNo: '127', otp });
  if (!claimed.ok) throw new Error(`refund claim: ${claimed.error.message}`);
  await running.services.handle('owner.lock', undefined);
  await pos('sale.create', { amountPaise: 60_000 });
  // The app scrolls inside its window, so a tall window shows the whole day; the focus ring F6 puts on the panel is taken off.
  await page.setViewportSize({ width: 1280, height: 1250 });
  await page.keyboard.press('F6');
  await page.getByRole('table').waitFor();
  await atTopUnfocused(page);
  await page.screenshot({ path: 'docs/screenshots/history.png' });

  await actAsOwner(running);
  await page.keyboard.press('F9');
  await page.getByLabel('Registration ID').waitFor();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Reachable').waitFor();
  await page.setViewportSize({ width: 1280, height: 1600 });
  await atTopUnfocused(page);
  await page.screenshot({ path: 'docs/screenshots/settings.png' });
  await atTheCounter();
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  await running.stop();
}

/** A fresh preview of its own, set up with a shop name (and any other settings), the owner locked again. */
async function setUpWith(settings: Record<string, unknown>, overrides: Parameters<typeof startPreview>[0] = {}) {
  const other = await startPreview(overrides);
  await actAsOwner(other);
  const updated = await other.services.handle('settings.update', { shopName: 'Sharma General Store', ...settings });
  if (!updated.ok) throw new Error(`settings: ${updated.error.message}`);
  await other.services.handle('owner.lock', undefined);
  return other;
}

/** Sell with a QR in Hindi on a 1024×768 counter screen. */
async function inHindiAt1024(): Promise<void> {
  const hindi = await setUpWith({ language: 'hi' });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(hindi.preview.url);
    await page.locator('input').first().fill('1250');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    await page.screenshot({ path: 'docs/screenshots/sell-qr-1024x768-hi.png' });
    await page.close();
  } finally {
    await hindi.stop();
  }
}

/** The whole path: the sandbox's webhook to the embedded hub, pushed to the counter, the screen green. */
async function paidByBos(): Promise<void> {
  const withHub = await setUpWith({}, { withEmbeddedHub: { hubDataDir: null }, statusCallEveryMs: 600_000 });
  try {
    for (let tries = 0; ; tries += 1) {
      const hub = (await withHub.services.handle('hub.status', undefined)) as { ok: boolean; value?: { state: string } };
      if (hub.value?.state === 'connected') break;
      if (tries > 300) throw new Error('the embedded hub did not connect');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(withHub.preview.url);
    await page.getByLabel('Amount').fill('250');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await page.getByRole('img', { name: /₹250\.00/ }).waitFor();
    await page.getByRole('button', { name: 'Simulate customer payment' }).click();
    await page.locator('.paid-done.by-bos').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: 'docs/screenshots/sell-paid-bos.png' });
    await page.close();
  } finally {
    await withHub.stop();
  }
}

/**
 * The owner's Counter on the whole shop: a hub in memory, two counters paid through BOS's webhook (their
 * sandboxes post to this hub) and by hand, a payment no QR asked for, and one counter whose own totals
 * were made to differ from the hub's so the red line shows.
 */
async function wholeShop(): Promise<void> {
  const hub = await startHub({ dataDir: null, shopName: 'Sharma General Store' });
  const counters: ShopCounter[] = [];
  const owner = await setUpWith({ terminalName: 'Owner laptop' });
  try {
    for (const name of ['Counter 1', 'Counter 2']) counters.push(await startCounter(hub, name));
    const [one, two] = counters as [ShopCounter, ShopCounter];
    const payByBos = async (counter: ShopCounter, amountPaise: number) => {
      counter.services.sandbox()!.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
      const sale = (await counter.services.handle('sale.create', { amountPaise })) as { ok: boolean; value: { saleId: string } };
      const paid = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${counter.name}: the payment did not arrive`)), 30_000);
        counter.services.subscribe((event, payload) => {
          const view = payload as { saleId?: string; state?: string } | null;
          if (event === 'sale.changed' && view?.saleId === sale.value.saleId && view.state === 'paid') {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await counter.services.handle('sale.simulatePayment', { saleId: sale.value.saleId });
      await paid;
    };
    await payByBos(one, 125_000);
    await payByBos(one, 32_000);
    await one.sell(9_950);
    await payByBos(two, 45_000);
    await two.sell(60_000, 'cancelled');
    await payByBos(two, 18_500);
    await two.sell(12_000, 'paid_late');
    await fetch(hub.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(strayPayment()) });
    const paired = await owner.services.pairHub(hub.url, (await hub.createPairingCode('owner', 'Owner laptop')).code);
    if (!paired.ok) throw new Error(`owner pairing: ${paired.error.message}`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(owner.preview.url);
    await page.getByLabel('Amount').waitFor();
    await page.keyboard.press('F6');
    await page.getByTestId('shop-collected').waitFor();
    // Counter 2's own journal claims one more paid sale than the hub holds: the line turns red with its last contact.
    await two.report(localDay(new Date()), stateTotals({ paid: { count: 4, paise: 95_500 }, cancelled: { count: 1, paise: 60_000 } }));
    await page.getByTestId(`reconcile-${two.terminalId}`).filter({ hasText: /Last contact/ }).waitFor({ timeout: 40_000 });
    await page.setViewportSize({ width: 1366, height: 1700 });
    await atTopUnfocused(page);
    await page.screenshot({ path: 'docs/screenshots/history-shop.png' });
    await page.close();
  } finally {
    for (const counter of counters) await counter.dispose();
    await owner.stop();
    await hub.close();
  }
}

/** What BOS would send for a QR of this shop that no counter made (razorpay's shape). */
function strayPayment() {
  return {
    entity: 'event', event: 'qr_code.credited', contains: ['payment', 'qr_code'], created_at: Math.floor(Date.now() / 1000),
    payload: {
      payment: { entity: { id: 'pay_stray0001', entity: 'payment', amount: 7_700, currency: 'INR', status: 'captured', method: 'upi', vpa: 'customer@okaxis', notes: [], acquirer_data: { rrn: '412345678901' }, created_at: Math.floor(Date.now() / 1000) } },
      qr_code: { entity: { id: 'qr_nobody', entity: 'qr_code', usage: 'single_use', type: 'upi_qr', payment_amount: 7_700, status: 'closed' } },
    },
  };
}

/** What the owner finds on the very first start. */
async function firstStart(): Promise<void> {
  const fresh = await startPreview();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(fresh.preview.url);
    await page.locator('#setup-shop').waitFor();
    await page.screenshot({ path: 'docs/screenshots/setup.png' });
    await page.close();
  } finally {
    await fresh.stop();
  }
}

/**
 * The customer display and the printed slips, in English and Hindi: each on a fresh preview with a
 * shop name, the customer display in a 1280×720 window, slips at device scale 2 as they print.
 */
async function atTheCounter(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const language of ['en', 'hi'] as const) {
      const running = await startPreview();
      try {
        const pos = (op: string, input?: unknown) => running.services.handle(op, input);
        await pos('owner.setPin', { pin: '2468' });
        await pos('settings.update', { shopName: 'Sharma General Store', language, paperWidth: '58mm' });
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
        const customer = await context.newPage();
        await customer.goto(`${running.preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}`);
        await customer.locator('html[lang]').waitFor();
        await customer.waitForTimeout(300);
        await customer.screenshot({ path: `docs/screenshots/customer-idle-${language}.png` });

        const cashier = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 })).newPage();
        cashier.on('dialog', (dialog) => void dialog.dismiss());
        await cashier.addInitScript('window.print = () => {};');
        await cashier.goto(running.preview.url);
        await cashier.locator('input').first().fill('1250');
        await cashier.keyboard.press('Enter');
        await customer.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
        await customer.waitForTimeout(300);
        await customer.screenshot({ path: `docs/screenshots/customer-qr-${language}.png` });

        await printSlip(cashier, 'print-slip-qr', `docs/screenshots/slip-qr-58mm-${language}.png`);
        const saleId = ((await pos('sale.current')) as { ok: boolean; value?: { saleId: string } | null }).value?.saleId;
        if (saleId) await pos('sale.markPaid', { saleId, utr: '412345678901' });
        await customer.getByText(language === 'en' ? /Paid/ : /भुगतान/).first().waitFor();
        await customer.waitForTimeout(300);
        await customer.screenshot({ path: `docs/screenshots/customer-paid-${language}.png` });
        await printSlip(cashier, 'print-slip-receipt', `docs/screenshots/slip-receipt-58mm-${language}.png`);
        await context.close();
        await cashier.context().close();
      } finally {
        await running.stop();
      }
    }
  } finally {
    await browser.close();
  }
}

/** The screen from its top with no focus ring: the app scrolls inside its own panels. */
async function atTopUnfocused(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const element of document.querySelectorAll('*')) if (element.scrollTop > 0) element.scrollTop = 0;
  });
}

/** Presses the print button on screen (Print QR / Print receipt) and shoots the slip as it prints. */
async function printSlip(cashier: Page, testId: string, path: string): Promise<void> {
  await cashier.emulateMedia({ media: 'screen' });
  const button = cashier.getByRole('button', { name: testId === 'print-slip-qr' ? /Print QR|QR प्रिंट/ : /Print receipt|रसीद प्रिंट/ });
  await button.click();
  await cashier.emulateMedia({ media: 'print' });
  await cashier.getByTestId(testId).screenshot({ path });
  await cashier.emulateMedia({ media: 'screen' });
}
