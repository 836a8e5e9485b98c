import { describe, expect, it } from 'vitest';
import { usePreviewPage } from '../support/ui';

/** Hindi must never be empty boxes: the app ships its own Devanagari font and the pages load it when Hindi is on screen. */
const ui = usePreviewPage({ owner: true, navigate: false });

const loadedFaces = () =>
  ui.page().evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`);
  });

describe('the shipped Devanagari font', () => {
  for (const path of ['', 'customer.html']) {
    it(`${path || 'the cashier window'}: the app's own Devanagari face is served and in use for Hindi`, async () => {
      const page = ui.page();
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.ttf')) fetched.push(request.url());
      });
      await page.goto(ui.running().preview.url + path);
      await page.locator('body').getByText(/\S/).first().waitFor();

      expect((await ui.running().services.handle('settings.update', { language: 'hi' })).ok).toBe(true);
      await page.locator('html[lang="hi-IN"]').waitFor();
      await expect.poll(loadedFaces).toContain('Counter Script 100 599');
      expect(fetched.length).toBeGreaterThan(0);
      const check = await page.evaluate(() => document.fonts.check('24px "Counter Script"', 'बिक्री'));
      expect(check).toBe(true);
    });
  }
});
