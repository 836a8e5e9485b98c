import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

/**
 * Debian's Chromium by default (Playwright's own browser download is unreachable
 * here). COUNTER_CHROMIUM=/path overrides it; COUNTER_CHROMIUM=playwright uses
 * Playwright's own browsers for machines that have them.
 */
export function chromiumExecutable(): string | undefined {
  const chosen = process.env.COUNTER_CHROMIUM;
  if (chosen === 'playwright') return undefined;
  if (chosen) return chosen;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-IN'];

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}
