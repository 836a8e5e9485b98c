// Makes the README screenshots from the browser preview on the embedded sandbox: npm run screenshots
import { launchChromium } from '../test/support/chromium';
import { startPreview } from '../test/support/preview';

const running = await startPreview();
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

  await pos('owner.setPin', { pin: '2468' });
  await page.keyboard.press('F9');
  await page.getByLabel('Registration ID').waitFor();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Reachable').waitFor();
  await page.screenshot({ path: 'docs/screenshots/settings.png', fullPage: true });
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  await running.stop();
}
