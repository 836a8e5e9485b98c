import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whyNotInView } from '../support/in-view';
import { useChromium } from '../support/ui';

/** The in-view check itself (test/support/in-view.ts), on a page made for it: each way of being out of view is caught. */
const browser = useChromium();
let page: Page;
beforeAll(async () => {
  page = await browser().newPage({ viewport: { width: 800, height: 600 } });
  await page.setContent(`
    <style>body { margin: 0; } .box { width: 100px; height: 40px; background: #ccc; }</style>
    <div id="fine" class="box" style="position: absolute; left: 10px; top: 10px">fine</div>
    <div id="below" class="box" style="position: absolute; left: 10px; top: 580px">half below the bottom</div>
    <div id="right" class="box" style="position: absolute; left: 760px; top: 60px">off the right</div>
    <div style="position: absolute; left: 200px; top: 10px; width: 150px; height: 60px; overflow: auto">
      <div id="scrolled" class="box" style="margin-top: 80px">scrolled out</div>
      <div id="inside" class="box" style="position: absolute; top: 0">inside</div>
    </div>
    <div style="position: absolute; left: 400px; top: 10px; width: 60px; height: 200px; overflow: hidden">
      <div id="clipped" class="box">clipped on the right</div>
    </div>
    <div id="covered" class="box" style="position: absolute; left: 10px; top: 100px">under a banner</div>
    <div style="position: absolute; left: 0; top: 112px; width: 800px; height: 12px; background: red"></div>
    <div id="empty" style="position: absolute; left: 10px; top: 200px"></div>
    <div id="gone" class="box" style="display: none">not displayed</div>
    <button id="with-text" style="position: absolute; left: 10px; top: 300px; width: 120px; height: 50px"><span>text inside</span></button>
    <p id="rounded" style="position: absolute; left: 200px; top: 300px; width: 200px; height: 60px; margin: 0; border: 4px solid; border-radius: 16px">rounded corners</p>
  `);
});
afterAll(async () => {
  await page.close();
});

describe('whyNotInView', () => {
  it('passes an element fully in the viewport, and one whose own children cover it', async () => {
    expect(await whyNotInView(page.locator('#fine'))).toBeNull();
    expect(await whyNotInView(page.locator('#with-text'))).toBeNull();
    expect(await whyNotInView(page.locator('#inside'))).toBeNull();
    // Its rounded corners hit what is behind them: not taken for something covering it.
    expect(await whyNotInView(page.locator('#rounded'))).toBeNull();
  });

  it('fails an element partly outside the viewport, at the bottom or the side', async () => {
    expect(await whyNotInView(page.locator('#below'))).toMatch(/outside the 800×600 viewport/);
    expect(await whyNotInView(page.locator('#right'))).toMatch(/outside the 800×600 viewport/);
  });

  it('fails an element cut off by an ancestor that scrolls or hides its overflow', async () => {
    expect(await whyNotInView(page.locator('#scrolled'))).toMatch(/cut off by <div> "scrolled out inside" \(overflow auto\/auto/);
    expect(await whyNotInView(page.locator('#clipped'))).toMatch(/cut off by <div> "clipped on the right" \(overflow hidden\/hidden/);
  });

  it('fails an element something else covers', async () => {
    expect(await whyNotInView(page.locator('#covered'))).toMatch(/is covered at \d+,\d+ by <div>/);
  });

  it('fails an element with no size', async () => {
    expect(await whyNotInView(page.locator('#empty'))).toMatch(/has no size/);
    expect(await whyNotInView(page.locator('#gone'))).toMatch(/has no size/);
  });
});
