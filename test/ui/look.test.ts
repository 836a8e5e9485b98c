import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningPreview } from '../support/preview';
import { usePreviewPage } from '../support/ui';

/**
 * The QR screen read from 1.5 m: amount at least 64 px, QR at least 60% of the window's height,
 * both whole on screen without scrolling, not overlapping, with Paid and Cancel in reach, on the
 * counter screens shops use, in both looks.
 */
const ui = usePreviewPage({ owner: true });
let running: RunningPreview;
let page: Page;
beforeEach(() => {
  running = ui.running();
  page = ui.page();
});

const VIEWPORTS = [
  [1920, 1080],
  [1366, 768],
  [1280, 800],
  [1024, 768],
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (box: Box, width: number, height: number) => box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function measure(width: number, height: number): Promise<string[]> {
  await page.setViewportSize({ width, height });
  const qr = page.getByRole('img', { name: /₹1,250\.00/ });
  const amount = page.getByTestId('sale-amount');
  const problems: string[] = [];
  // The QR is sized from the window's size after a resize: wait until its box stops changing.
  let qrBox = await qr.boundingBox();
  for (let settled = 0, tries = 0; settled < 3 && tries < 40; tries++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const next = await qr.boundingBox();
    settled = JSON.stringify(next) === JSON.stringify(qrBox) ? settled + 1 : 0;
    qrBox = next;
  }
  const amountBox = await amount.boundingBox();
  const fontPx = Number.parseFloat(await amount.evaluate((el) => getComputedStyle(el).fontSize));
  if (!qrBox || !amountBox) return [`${width}x${height}: QR or amount not laid out`];
  if (fontPx < 64) problems.push(`${width}x${height}: amount ${fontPx}px < 64px`);
  if (qrBox.height < 0.6 * height) problems.push(`${width}x${height}: QR ${Math.round(qrBox.height)}px < 60% of ${height}`);
  if (!inside(qrBox, width, height)) problems.push(`${width}x${height}: QR not wholly on screen`);
  if (!inside(amountBox, width, height)) problems.push(`${width}x${height}: amount not wholly on screen`);
  if (overlap(qrBox, amountBox)) problems.push(`${width}x${height}: amount overlaps the QR`);
  for (const name of ['Paid', 'Cancel']) {
    const button = await page.getByRole('button', { name, exact: true }).boundingBox();
    if (!button || !inside(button, width, height)) problems.push(`${width}x${height}: ${name} button not on screen`);
    else if (button.height < 56) problems.push(`${width}x${height}: ${name} button ${button.height}px < 56px`);
  }
  const scrolls = await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight + 1);
  if (scrolls) problems.push(`${width}x${height}: the page scrolls`);
  return problems;
}

describe('the QR screen, legible from 1.5 m', () => {
  for (const theme of ['light', 'high-contrast'] as const) {
    it(`${theme}: amount ≥ 64 px, QR ≥ 60% of the height, all on screen at ${VIEWPORTS.map(([w, h]) => `${w}×${h}`).join(', ')}`, async () => {
      const changed = await running.services.handle('settings.update', { theme });
      expect(changed.ok).toBe(true);
      await page.getByLabel('Amount').fill('1250');
      await page.getByRole('button', { name: 'Show QR' }).click();
      await page.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
      const problems: string[] = [];
      for (const [width, height] of VIEWPORTS) problems.push(...(await measure(width, height)));
      expect(problems).toEqual([]);
    });
  }

  it('the check can fail: a window too short for the layout is reported', async () => {
    await page.getByLabel('Amount').fill('1250');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await page.getByRole('img', { name: /₹1,250\.00/ }).waitFor();
    await page.addStyleTag({ content: '.sale-amount { font-size: 40px !important; }' });
    const problems = await measure(1280, 800);
    expect(problems).toContain('1280x800: amount 40px < 64px');
  });
});
