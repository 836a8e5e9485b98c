import { DEFAULT_LANGUAGE, LANGUAGES, localeOf, type Language } from '../../../electron/contract/languages';
import type { Strings } from './en/screens';
import { PACKS } from './packs';

export type { Language, Strings };

/**
 * The strings of the language in use. A live binding: components read `t.…` while rendering,
 * so after setLanguage() one re-render from the top shows the other language everywhere.
 */
export let t: Strings = PACKS[DEFAULT_LANGUAGE].screens;
let current: Language = DEFAULT_LANGUAGE;

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  t = PACKS[next].screens;
  document.documentElement.lang = localeOf(next);
}

/** A language menu's choices: every language, in the list's order, named in itself. */
export function languageChoices(): ReadonlyArray<readonly [Language, string]> {
  return LANGUAGES.map((code) => [code, PACKS[code].name] as const);
}
