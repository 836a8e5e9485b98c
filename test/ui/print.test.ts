import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it, vi } from 'vitest';
import { hi } from '../../renderer/src/i18n/hi';
import { PAPER, type PaperWidth } from '../../renderer/src/print/paper';
import { PRINT_STRINGS } from '../../renderer/src/print/strings';
import { decodeQrPng } from '../support/qr-decode';
import { usePreviewOnDemand } from '../support/ui';

const SHOTS = join(process.cwd(), '.tmp');
mkdirSync(SHOTS, { recursive: true });
const PX_PER_MM = 96 / 25.4;
const SHOP = 'Sharma General Store';

/** window.print is the app's only way to print; here it only counts (a string script: no bundler helpers in the page). */
const RECORD_PRINT = 'window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };';

const ui = usePreviewOnDemand();

function open(paperWidth: PaperWidth, shopName = SHOP, language: 'en' | 'hi' = 'en'): Promise<Page> {
  return ui.open({
    settings: { paperWidth, shopName, language },
    initScript: RECORD_PRINT,
    context: { deviceScaleFactor: 2 },
    amountLabel: language === 'en' ? 'Amount' : hi.sell.amount,
  });
}

/** Page sizes (mm) of a PDF from their MediaBox entries. */
function pageSizesMm(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page\b[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: ((Number(m[3]) - Number(m[1])) * 25.4) / 72,
    height: ((Number(m[4]) - Number(m[2])) * 25.4) / 72,
  }));
}

const printCalls = (p: Page) => p.evaluate('window.__printCalls') as Promise<number>;

async function showQr(p: Page, amount: string) {
  await p.getByLabel('Amount').fill(amount);
  await p.getByRole('button', { name: 'Show QR' }).click();
  await p.getByRole('img', { name: /UPI QR|QR code/i }).first().waitFor();
}

/** Every element of the slip lies inside it: nothing clipped or spilling off the paper. */
async function assertNothingOverflows(p: Page, testId: string) {
  const overflow = await p.evaluate(`(() => {
    const slip = document.querySelector('[data-testid="${testId}"]');
    const box = slip.getBoundingClientRect();
    const out = [];
    for (const el of slip.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(el.className.baseVal ?? el.className);
    }
    if (slip.scrollWidth > slip.clientWidth + 1) out.push('slip scrolls');
    return out;
  })()`);
  expect(overflow).toEqual([]);
}

describe('Print QR', () => {
  for (const paper of ['58mm', '80mm', 'a4'] as const) {
    it(`prints a slip at ${paper} whose QR decodes to the sale's own intent`, async () => {
      const p = await open(paper);
      await showQr(p, '1250');
      await p.getByRole('button', { name: 'Print QR' }).click();
      expect(await printCalls(p)).toBe(1);

      await p.emulateMedia({ media: 'print' });
      const slip = p.getByTestId('print-slip-qr');
      await expect(slip.isVisible()).resolves.toBe(true);
      // Only the slip prints: the sale screen is gone from the printed page.
      await expect(p.locator('#root').isVisible()).resolves.toBe(false);

      const shot = await slip.screenshot({ path: join(SHOTS, `print-qr-${paper}.png`) });
      await p.screenshot({ path: join(SHOTS, `print-qr-${paper}-page.png`) });
      const intent = ui.running().services.sandbox()!.control.issuedQrs()[0]!.intent;
      expect(decodeQrPng(shot)).toBe(intent);

      const text = (await slip.textContent()) ?? '';
      expect(text).toContain(SHOP);
      expect(text).toContain('₹1,250.00');
      expect(text).toMatch(/Valid till \d{1,2}:\d{2}\s?(am|pm)/i);
      // The sandbox's slips say so, top and bottom.
      await expect(slip.getByText(PRINT_STRINGS.en.practice).count()).resolves.toBe(2);
      expect(text).toContain(ui.running().services.sandbox()!.control.issuedQrs()[0]!.txnRefranceID);

      const box = (await slip.boundingBox())!;
      expect(Math.abs(box.width - PAPER[paper].printableMm * PX_PER_MM)).toBeLessThan(1);
      const qrBox = (await slip.getByRole('img').boundingBox())!;
      // Large enough for a phone across the counter, never over the paper's limit.
      expect(qrBox.width).toBeGreaterThanOrEqual(Math.min(40, PAPER[paper].qrMaxMm) * PX_PER_MM - 1);
      expect(qrBox.width).toBeLessThanOrEqual(PAPER[paper].qrMaxMm * PX_PER_MM + 1);
      // Centred on the page.
      const pageWidth = p.viewportSize()!.width;
      expect(Math.abs(box.x + box.width / 2 - pageWidth / 2)).toBeLessThan(2);
      await assertNothingOverflows(p, 'print-slip-qr');

      // The page is the paper: a roll as long as the slip, A4 with margins.
      const rule = await p.locator('.print-slip-root style').textContent();
      if (paper === 'a4') expect(rule).toContain('size: A4');
      else expect(rule).toMatch(new RegExp(`size: ${PAPER[paper].widthMm}mm \\d+mm`));
      // Chromium's own print to PDF honours it: one page, the paper's width, as long as the slip.
      const pages = pageSizesMm(await p.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pages).toHaveLength(1);
      if (paper === 'a4') {
        expect(pages[0]!.width).toBeCloseTo(210, 0);
        expect(pages[0]!.height).toBeCloseTo(297, 0);
      } else {
        expect(pages[0]!.width).toBeCloseTo(PAPER[paper].widthMm, 0);
        expect(pages[0]!.height).toBeGreaterThan(box.height / PX_PER_MM);
        expect(pages[0]!.height).toBeLessThan(box.height / PX_PER_MM + 12);
      }
    });
  }

  it('has a touch-sized, keyboard-reachable Print QR button, and no Print QR once the QR has expired', async () => {
    const p = await open('80mm');
    await showQr(p, '75');
    const button = p.getByRole('button', { name: 'Print QR' });
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(56);
    await p.screenshot({ path: join(SHOTS, 'print-sale-screen.png') });
    await button.focus();
    await p.keyboard.press('Enter');
    expect(await printCalls(p)).toBe(1);
    await p.getByRole('button', { name: 'Cancel' }).click();
    await p.getByRole('button', { name: 'Yes, cancel' }).click();
    await p.getByLabel('Amount').waitFor();
    await expect(p.getByTestId('print-slip-qr').count()).resolves.toBe(0);
  });

  it('prints the slip when printing is started some other way (Ctrl+P, the browser menu)', async () => {
    const p = await open('58mm');
    await showQr(p, '310');
    await expect(p.getByTestId('print-slip-qr').count()).resolves.toBe(0);
    // What the browser does first for Ctrl+P; the print itself is not started here.
    await p.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    await p.emulateMedia({ media: 'print' });
    const shot = await p.getByTestId('print-slip-qr').screenshot();
    expect(decodeQrPng(shot)).toBe(ui.running().services.sandbox()!.control.issuedQrs()[0]!.intent);
    await expect(p.locator('#root').isVisible()).resolves.toBe(false);
  });
});

describe('Print receipt', () => {
  for (const paper of ['58mm', '80mm', 'a4'] as const) {
    it(`prints a receipt at ${paper} with the amount, paid time, reference and UTR`, async () => {
      const p = await open(paper);
      await showQr(p, '1250.50');
      await p.getByRole('button', { name: 'Paid' }).click();
      await p.getByLabel(/UTR/).first().fill('123456789012');
      await p.getByRole('button', { name: 'Confirm paid' }).click();
      await p.getByTestId('paid-amount').waitFor();
      const button = p.getByRole('button', { name: 'Print receipt' });
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(56);
      if (paper === '80mm') await p.screenshot({ path: join(SHOTS, 'print-paid-screen.png') });
      await button.click();
      expect(await printCalls(p)).toBe(1);

      await p.emulateMedia({ media: 'print' });
      const slip = p.getByTestId('print-slip-receipt');
      await expect(slip.isVisible()).resolves.toBe(true);
      await expect(p.locator('#root').isVisible()).resolves.toBe(false);
      await slip.screenshot({ path: join(SHOTS, `print-receipt-${paper}.png`) });
      const text = (await slip.textContent()) ?? '';
      expect(text).toContain(SHOP);
      expect(text).toContain('Payment receipt');
      expect(text).toContain('₹1,250.50');
      expect(text).toContain('123456789012');
      expect(text).toMatch(/\d{1,2}:\d{2}\s?(am|pm)/i);
      expect(text).toContain(ui.running().services.sandbox()!.control.issuedQrs()[0]!.txnRefranceID);
      await assertNothingOverflows(p, 'print-slip-receipt');
    });
  }

  it('leaves the UTR line out when none was typed and falls back to the payee without a shop name', async () => {
    const p = await open('58mm', '');
    await showQr(p, '20');
    await p.getByRole('button', { name: 'Paid' }).click();
    await p.getByRole('button', { name: 'Confirm paid' }).click();
    await p.getByRole('button', { name: 'Print receipt' }).click();
    await p.emulateMedia({ media: 'print' });
    const text = (await p.getByTestId('print-slip-receipt').textContent()) ?? '';
    expect(text).not.toContain('UTR');
    const issued = ui.running().services.sandbox()!.control.issuedQrs()[0]!;
    const payee = new URL(issued.intent).searchParams.get('pn') ?? '';
    expect(text).toContain(payee);
  });
});

describe('Print refund slip', () => {
  for (const [paper, language] of [['58mm', 'en'], ['80mm', 'hi']] as const) {
    it(`prints a ${language} slip at ${paper} for a claimed refund: reference id, ack no, when, "refund claimed", practice marks`, async () => {
      const p = await open(paper, SHOP, language);
      const words = language === 'en' ? { refund: 'Reference ID', ack: 'Ack No', send: 'Send OTP', otp: 'OTP', claim: 'Claim refund', claimed: 'Refund claimed' } : { refund: hi.refund.referenceId, ack: hi.refund.ackNo, send: hi.refund.sendOtp, otp: hi.refund.otp, claim: hi.refund.claim, claimed: hi.refund.claimed };
      await p.keyboard.press('F4');
      await p.getByLabel(words.refund).fill('12345678926');
      await p.getByLabel(words.ack).fill('127');
      await p.getByRole('button', { name: words.send }).click();
      // The OTP exists once BOS (the sandbox) has answered the request: read it only then, not as the click goes out.
      const otpField = p.getByLabel(words.otp, { exact: true });
      await otpField.waitFor();
      const otp = await vi.waitFor(() => {
        const sent = ui.running().services.sandbox()!.control.revealOtp('12345678926', '127');
        if (!sent) throw new Error('no OTP sent yet');
        return sent;
      });
      await otpField.fill(otp);
      await p.getByRole('button', { name: words.claim }).click();
      await p.getByText(words.claimed).first().waitFor();
      const button = p.getByRole('button', { name: PRINT_STRINGS[language].printRefund });
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(56);
      await button.click();
      expect(await printCalls(p)).toBe(1);
      await p.emulateMedia({ media: 'print' });
      const slip = p.getByTestId('print-slip-refund');
      await expect(slip.isVisible()).resolves.toBe(true);
      await expect(p.locator('#root').isVisible()).resolves.toBe(false);
      await slip.screenshot({ path: join(SHOTS, `print-refund-${paper}-${language}.png`) });
      const text = (await slip.textContent()) ?? '';
      expect(text).toContain(SHOP);
      expect(text).toContain(PRINT_STRINGS[language].refundClaimed);
      expect(text).toContain('12345678926');
      expect(text).toContain('127');
      expect(text).toMatch(language === 'en' ? /\d{1,2}:\d{2}\s?(am|pm)/i : /\d{2}\/\d{2}\/20\d\d, \d{2}:\d{2}/);
      await expect(slip.getByText(PRINT_STRINGS[language].practice).count()).resolves.toBe(2);
      await assertNothingOverflows(p, 'print-slip-refund');
    });
  }
});

describe('Print in Hindi', () => {
  it('prints a Hindi slip at 58 mm that still decodes, with a 24-hour time and nothing clipped', async () => {
    const p = await open('58mm', 'शर्मा जनरल स्टोर', 'hi');
    await p.getByLabel(hi.sell.amount).fill('1250');
    await p.getByRole('button', { name: hi.sell.showQr }).click();
    await p.getByRole('button', { name: PRINT_STRINGS.hi.printQr }).click();
    expect(await printCalls(p)).toBe(1);
    await p.emulateMedia({ media: 'print' });
    const slip = p.getByTestId('print-slip-qr');
    const shot = await slip.screenshot({ path: join(SHOTS, 'print-qr-58mm-hi.png') });
    expect(decodeQrPng(shot)).toBe(ui.running().services.sandbox()!.control.issuedQrs()[0]!.intent);
    const text = (await slip.textContent()) ?? '';
    expect(text).toContain('शर्मा जनरल स्टोर');
    expect(text).toMatch(/\d{2}:\d{2} तक मान्य/);
    expect(text).not.toMatch(/\b(am|pm|Valid|Ref|Scan)\b/i);
    await assertNothingOverflows(p, 'print-slip-qr');
  });
});
