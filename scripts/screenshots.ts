// Makes the README screenshots from the browser preview on the embedded sandbox: npm run screenshots
import type { Page } from 'playwright';
import { CUSTOMER_PREVIEW } from '../electron/contract/customer';
import { launchChromium } from '../test/support/chromium';
import { actAsOwner, setUpCounter, startPreview } from '../test/support/preview';

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
  await pos('refund.requestOtp', { referenceId: '12345678926', ackNo: '127' });
  const otp = running.services.sandbox()!.control.revealOtp('12345678926', '127')!;
  await pos('refund.claim', { referenceId: '12345678926', ackNo: '127', otp });
  await pos('sale.create', { amountPaise: 60_000 });
  await page.keyboard.press('F6');
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: 'docs/screenshots/history.png', fullPage: true });

  await actAsOwner(running);
  await page.keyboard.press('F9');
  await page.getByLabel('Registration ID').waitFor();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Reachable').waitFor();
  await page.screenshot({ path: 'docs/screenshots/settings.png', fullPage: true });
  await atTheCounter();
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  await running.stop();
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

/** Presses the print button on screen (Print QR / Print receipt) and shoots the slip as it prints. */
async function printSlip(cashier: Page, testId: string, path: string): Promise<void> {
  await cashier.emulateMedia({ media: 'screen' });
  const button = cashier.getByRole('button', { name: testId === 'print-slip-qr' ? /Print QR|QR प्रिंट/ : /Print receipt|रसीद प्रिंट/ });
  await button.click();
  await cashier.emulateMedia({ media: 'print' });
  await cashier.getByTestId(testId).screenshot({ path });
  await cashier.emulateMedia({ media: 'screen' });
}
