/**
 * Every language Counter speaks, in the order its menus list them; the first is the default. The
 * one list: the settings schemas, the renderer's language type and its language menus come from
 * it, and each code names its folder in renderer/src/i18n/ (its words, fonts and speech). A new
 * language is one line here and that folder.
 */
export const LANGUAGES = ['en', 'hi'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = LANGUAGES[0];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The BCP 47 tag a screen in that language declares (`<html lang>`), and the OS voice it is spoken
 * with: every language as it is written and spoken in India ("hi-IN").
 */
export function localeOf(language: Language): string {
  return `${language}-IN`;
}
