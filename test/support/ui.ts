import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { CounterServicesDeps } from '../../electron/core/services';
import { launchChromium } from './chromium';
import { actAsOwner, startPreview, type RunningPreview } from './preview';

/** One Chromium for the test file: launched before its tests, closed after them. Call at the file's top level. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running (useChromium outside a test?)');
    return browser;
  };
}

export interface PreviewPageOptions {
  /** Set the owner PIN first, so owner-only screens open without asking (default false). */
  owner?: boolean;
  /** Go to the cashier page and wait for the Amount field (default true). */
  open?: boolean;
  overrides?: Partial<CounterServicesDeps>;
}

/**
 * Per test: a fresh browser preview (own data dir) and a page on it in its own browser context
 * (axe needs that), both closed after the test. Call at the file's top level.
 */
export function usePreviewPage(options: PreviewPageOptions = {}): {
  browser: () => Browser;
  running: () => RunningPreview;
  page: () => Page;
  /** Stops the preview keeping its data dir and starts a new one on it (a crash and restart of the app); cleaned up after the test. */
  restart: () => Promise<RunningPreview>;
} {
  const browser = useChromium();
  let running: RunningPreview | undefined;
  let page: Page | undefined;
  beforeEach(async () => {
    running = await startPreview(options.overrides);
    if (options.owner) await actAsOwner(running);
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    if (options.open !== false) {
      await page.goto(running.preview.url);
      await page.getByLabel('Amount').waitFor();
    }
  });
  afterEach(async () => {
    await page?.context().close();
    await running?.stop();
    page = undefined;
    running = undefined;
  });
  return {
    browser,
    running: () => {
      if (!running) throw new Error('no preview running');
      return running;
    },
    page: () => {
      if (!page) throw new Error('no page open');
      return page;
    },
    async restart() {
      if (!running) throw new Error('no preview running');
      await running.stop({ keepData: true });
      running = await startPreview(options.overrides, { dataDir: running.dataDir });
      return running;
    },
  };
}

export interface OpenOptions {
  overrides?: Partial<CounterServicesDeps>;
  /** Applied as the owner (the PIN is set first) before the page opens. */
  settings?: Record<string, unknown>;
  /** A script run in the page before its own (a string: no bundler helpers inside the page). */
  initScript?: string;
  context?: BrowserContextOptions;
  /** The Amount field's label in the language the settings choose (default 'Amount'). */
  amountLabel?: string;
}

/**
 * For tests whose preview depends on the test (its settings, its sandbox): `open()` starts a preview
 * as the owner with those settings and opens the cashier page; both are closed after each test.
 */
export function usePreviewOnDemand(): { browser: () => Browser; running: () => RunningPreview; open: (options?: OpenOptions) => Promise<Page> } {
  const browser = useChromium();
  let running: RunningPreview | undefined;
  let page: Page | undefined;
  afterEach(async () => {
    await page?.context().close();
    await running?.stop();
    page = undefined;
    running = undefined;
  });
  return {
    browser,
    running: () => {
      if (!running) throw new Error('no preview running: call open() first');
      return running;
    },
    async open(options: OpenOptions = {}) {
      running = await startPreview(options.overrides);
      await actAsOwner(running);
      if (options.settings) {
        const updated = await running.services.handle('settings.update', options.settings);
        if (!updated.ok) throw new Error(updated.error.message);
      }
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, ...options.context });
      page = await context.newPage();
      if (options.initScript) await page.addInitScript(options.initScript);
      await page.goto(running.preview.url);
      await page.getByLabel(options.amountLabel ?? 'Amount').waitFor();
      return page;
    },
  };
}
