// Figures taken in Chromium against the browser preview: sale latency overhead, renderer start, heap growth.
import type { Page } from 'playwright';
import { launchChromium } from '../../test/support/chromium';
import { setUpCounter, startPreview } from '../../test/support/preview';
import { timedRow, type Row } from './stats';

// Page scripts are strings: tsx would wrap named functions in a helper the page does not have.

/** In the page: click Show QR, resolve once the QR is in the DOM and a frame has been painted. */
const PRESS_SHOW_QR_UNTIL_PAINTED = `new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Show QR');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('svg[role="img"][aria-label^="UPI QR code"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true });
  button.click();
})`;

/** Before the page's own scripts: note when the Amount field first exists and is enabled. */
const NOTE_AMOUNT_READY = `(() => {
  new MutationObserver(() => {
    const field = document.getElementById('amount');
    if (field && !field.disabled && window.__amountReady === undefined) window.__amountReady = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

async function oneSale(page: Page, amount: string): Promise<number> {
  await page.getByLabel('Amount').fill(amount);
  const took = (await page.evaluate(PRESS_SHOW_QR_UNTIL_PAINTED)) as number;
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await page.getByLabel('Amount').waitFor();
  return took;
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

export async function uiFigures(options: { sales: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const running = await startPreview();
  // Past the first-start set-up, as a shop's counter is.
  await setUpCounter(running);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(running.preview.url);
    await page.getByLabel('Amount').waitFor();
    for (let i = 0; i < 5; i += 1) await oneSale(page, '10'); // warm up
    for (const latency of [0, 300]) {
      running.services.sandbox()!.control.setLatency(latency);
      const overheads: number[] = [];
      for (let i = 0; i < 40; i += 1) overheads.push((await oneSale(page, '10')) - latency);
      rows.push(timedRow(`Show QR → QR painted, minus sandbox latency ${latency} ms`, 'p95 ≤ 50 ms', overheads));
    }
    running.services.sandbox()!.control.setLatency(0);
    await page.close();

    const starts: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await fresh.addInitScript(NOTE_AMOUNT_READY);
      await fresh.goto(running.preview.url);
      await fresh.waitForFunction(() => (window as unknown as { __amountReady?: number }).__amountReady !== undefined);
      starts.push((await fresh.evaluate('window.__amountReady')) as number);
      await fresh.close();
    }
    rows.push(timedRow('renderer start: navigation → Amount field accepting input', 'median ≤ 300 ms', starts));

    const memoryPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await memoryPage.goto(running.preview.url);
    await memoryPage.getByLabel('Amount').waitFor();
    for (let i = 0; i < 10; i += 1) await oneSale(memoryPage, '10');
    const after10 = await heapUsed(memoryPage);
    for (let i = 10; i < options.sales; i += 1) await oneSale(memoryPage, String(10 + (i % 90)));
    const afterAll = await heapUsed(memoryPage);
    const growth = (afterAll - after10) / 1024 / 1024;
    rows.push({ figure: `renderer JS heap after ${options.sales.toLocaleString('en-IN')} sales vs after 10`, target: 'growth ≤ 5 MB', median: `${growth.toFixed(2)} MB (${(after10 / 1048576).toFixed(1)} → ${(afterAll / 1048576).toFixed(1)} MB)`, p95: '' });
  } finally {
    await browser.close();
    await running.stop();
  }
  return rows;
}

