import type { Page } from 'playwright';
import { en } from '../../renderer/src/i18n/en';

/**
 * The check test/ui/hindi.test.ts makes on every screen, for the History and Settings tests: no
 * English string of the en table on a Hindi screen, and no Latin word but the brand and technical
 * words India writes in Latin. Text marked lang="en…" (main's and BOS's own words) is left out.
 */
/** Words that stay as India writes them, in every language. */
export const BRAND = /\b(?:Counter|UPI|QR|OTP|UTR|BOS|PIN|CSV|ID|F2|F4|F6|F9|Enter|Esc|https|Ack|Bearer)\b/g;
export const HOLE = '\u0001';
/** Latin words a Hindi screen may show: the language names and the sandbox's BOS references. */
export const LATIN_ALLOWED = /^(?:English|Hindi|SBX\w*)$/;

/** The fixed English parts of every string in `en`: a function is called with holes, both filled and empty, and split at them. */
export function englishFragments(): string[] {
  const found = new Set<string>();
  const add = (text: string) => {
    for (const part of text.split(HOLE)) {
      const fragment = part.trim().replace(/^[^\p{L}]+|[^\p{L}.!?]+$/gu, '');
      if (/[A-Za-z]{2}/.test(fragment.replace(BRAND, ''))) found.add(fragment);
    }
  };
  const walk = (value: unknown) => {
    if (typeof value === 'string') add(value);
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => string;
      add(fn(HOLE, HOLE, HOLE));
      add(fn('', '', ''));
    } else if (value && typeof value === 'object') {
      for (const child of Object.values(value)) walk(child);
    }
  };
  walk(en);
  return [...found].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const ENGLISH = englishFragments().map((fragment) => ({ fragment, re: new RegExp(`(?<![A-Za-z])${escape(fragment)}(?![A-Za-z])`) }));

/** What a person reads or hears: visible text and accessible names, less what is marked English and the `allowed` data. */
export async function shownText(page: Page, allowed: readonly string[] = []): Promise<string> {
  const text = await page.evaluate(() => {
    let body = document.body.innerText;
    for (const element of [...document.querySelectorAll<HTMLElement>('[lang^="en"]')]) {
      const english = element.innerText.trim();
      if (english) body = body.split(english).join(' ');
    }
    const names = [...document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')]
      .filter((element) => element.closest('[hidden]') === null)
      .flatMap((element) => [element.getAttribute('aria-label'), element.getAttribute('title'), element.getAttribute('placeholder')])
      .filter((value): value is string => Boolean(value));
    return [body, ...names].join('\n');
  });
  return allowed.reduce((rest, keep) => rest.split(keep).join(' '), text);
}

/** English table strings and stray Latin words on the page as it is now (both empty on a good Hindi screen). */
export async function englishOnHindiScreen(page: Page, allowed: readonly string[] = []): Promise<{ english: string[]; latin: string[]; text: string }> {
  const text = await shownText(page, allowed);
  const english = ENGLISH.filter(({ re }) => re.test(text)).map(({ fragment }) => fragment);
  const latin = [...new Set(text.replace(BRAND, ' ').match(/[A-Za-z]{3,}/g) ?? [])].filter((word) => !LATIN_ALLOWED.test(word));
  return { english, latin, text };
}
