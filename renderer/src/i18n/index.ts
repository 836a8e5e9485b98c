import { en, type Strings } from './en';
import { hi } from './hi';

export type Language = 'en' | 'hi';
export type { Strings };

const TABLES: Record<Language, Strings> = { en, hi };

/**
 * The strings of the language in use. A live binding: components read `t.…` while rendering,
 * so after setLanguage() one re-render from the top shows the other language everywhere.
 */
export let t: Strings = en;
let current: Language = 'en';

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  t = TABLES[next];
  document.documentElement.lang = next === 'hi' ? 'hi-IN' : 'en-IN';
}
