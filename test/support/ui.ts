import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { PreviewServicesDeps } from '../../electron/web/compose';
import { launchChromium } from './chromium';
import { actAsOwner, portsOf, setUpCounter, startPreview, type RunningPreview } from './preview';

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

export interface OpenOptions {
  overrides?: Partial<PreviewServicesDeps>;
  /** Set the owner PIN first, so owner-only screens open without asking (default false). */
  owner?: boolean;
  /** Applied as the owner (the PIN is set first) before the page opens. */
  settings?: Record<string, unknown>;
  /** A script run in the page before its own (a string: no bundler helpers inside the page). */
  initScript?: string;
  context?: BrowserContextOptions;
  /** Go to the cashier page and wait for the Amount field (default true). */
  navigate?: boolean;
  /** The Amount field's label in the language the settings choose (default 'Amount'). */
  amountLabel?: string;
  /**
   * Do the first-start set-up through the services (owner PIN set, then locked) before the page
   * opens, so it opens on Sell (default true). false: the page opens on the set-up screen, and
   * `navigate` waits for its first field instead of Amount.
   */
  setup?: boolean;
}

export interface PreviewFixture {
  browser: () => Browser;
  running: () => RunningPreview;
  page: () => Page;
  /** Starts a preview (own data dir) and a page on it in its own browser context (axe needs that). */
  open: (options?: OpenOptions) => Promise<Page>;
  /**
   * Stops the preview keeping its data dir and ports, and starts a new one on them (a crash and
   * restart; open pages find it again). `whileDown` runs in between, with no server answering.
   */
  restart: (whileDown?: () => Promise<void>) => Promise<RunningPreview>;
}

/**
 * For tests whose preview depends on the test (its settings, its sandbox): `open()` starts the
 * preview and opens the page; whatever was opened is closed after each test. Call at the file's top level.
 */
export function usePreviewOnDemand(): PreviewFixture {
  const browser = useChromium();
  let running: RunningPreview | undefined;
  let page: Page | undefined;
  let overrides: Partial<PreviewServicesDeps> | undefined;
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
    page: () => {
      if (!page) throw new Error('no page open: call open() first');
      return page;
    },
    async open(options: OpenOptions = {}) {
      overrides = options.overrides;
      running = await startPreview(overrides);
      if (options.owner || options.settings) await actAsOwner(running);
      else if (options.setup !== false) await setUpCounter(running);
      if (options.settings) {
        const updated = await running.services.handle('settings.update', options.settings);
        if (!updated.ok) throw new Error(updated.error.message);
      }
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, ...options.context });
      page = await context.newPage();
      if (options.initScript) await page.addInitScript(options.initScript);
      if (options.navigate !== false) {
        await page.goto(running.preview.url);
        if (options.setup === false && !options.owner && !options.settings) await page.locator('#setup-shop').waitFor();
        else await page.getByLabel(options.amountLabel ?? 'Amount').waitFor();
      }
      return page;
    },
    async restart(whileDown) {
      if (!running) throw new Error('no preview running');
      const kept = portsOf(running);
      await running.stop({ keepData: true });
      running = undefined;
      try {
        await whileDown?.();
      } finally {
        running = await startPreview(overrides, kept);
      }
      return running;
    },
  };
}

/** Per test: the same fixture, opened before each test with the same options. Call at the file's top level. */
export function usePreviewPage(options: OpenOptions = {}): PreviewFixture {
  const fixture = usePreviewOnDemand();
  beforeEach(async () => {
    await fixture.open(options);
  });
  return fixture;
}
