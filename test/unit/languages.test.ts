import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, localeOf } from '../../electron/contract/languages';
import { inputSchemas } from '../../electron/contract/schemas';
import { storedSettingsSchema } from '../../electron/core/settings';
import { CUSTOMER_STRINGS } from '../../renderer/src/customer/strings';
import { byLanguage } from '../../renderer/src/i18n/by-language';
import { languageChoices } from '../../renderer/src/i18n';
import { PACKS } from '../../renderer/src/i18n/packs';
import { voiceFor } from '../../renderer/src/sound/speech';

/** The one list of languages, and what comes from it. */
const voice = (lang: string) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }) as SpeechSynthesisVoice;
const OTHER = 'xx';

describe('the list of languages', () => {
  it('is what the settings schema takes: each of its languages, nothing else', () => {
    const update = inputSchemas['settings.update'];
    for (const code of LANGUAGES) expect(update.safeParse({ language: code }).success, code).toBe(true);
    expect(update.safeParse({ language: OTHER }).success).toBe(false);
    expect(isLanguage(OTHER)).toBe(false);
    expect(LANGUAGES).toContain(DEFAULT_LANGUAGE);
  });

  it('is what core keeps in the settings file (core still spells its enum out: this fails when the two part)', () => {
    for (const code of LANGUAGES) expect(storedSettingsSchema.parse({ language: code }).language).toBe(code);
    expect(storedSettingsSchema.safeParse({ language: OTHER }).success).toBe(false);
  });

  it('gives each language a pack, its customer-display words and a menu entry, in the list\'s order, each named in itself', () => {
    expect(Object.keys(PACKS).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(CUSTOMER_STRINGS).sort()).toEqual([...LANGUAGES].sort());
    const menu = languageChoices();
    expect(menu.map(([code]) => code)).toEqual([...LANGUAGES]);
    expect(menu.map(([code, name]) => [code, name])).toEqual(LANGUAGES.map((code) => [code, PACKS[code].name]));
    expect(new Set(menu.map(([, name]) => name)).size).toBe(LANGUAGES.length);
  });

  it('gives each language the OS voice of its own tag, and none when the OS has only another language\'s', () => {
    for (const code of LANGUAGES) {
      const tag = localeOf(code);
      const others = LANGUAGES.filter((other) => other !== code).map((other) => voice(localeOf(other)));
      expect(voiceFor(code, [...others, voice(tag.replace('-', '_'))])?.lang, tag).toBe(tag.replace('-', '_'));
      expect(voiceFor(code, others), tag).toBeNull();
    }
  });
});

describe('one file of every language\'s folder', () => {
  const found = (codes: readonly string[]) => Object.fromEntries(codes.map((code) => [`./${code}/shop.ts`, { words: code }]));

  it('is keyed by its folder when the folders and the list agree', () => {
    const table = byLanguage(found(['hi', 'ta']), 'shop.ts', ['hi', 'ta']);
    expect(table).toEqual({ hi: { words: 'hi' }, ta: { words: 'ta' } });
  });

  it('names a language of the list whose file is missing, a folder the list does not name, and a file without its export, all at once', () => {
    const files = { ...found(['hi', 'xx']), './ta/shop.ts': undefined };
    expect(() => byLanguage(files, 'shop.ts', ['hi', 'ta', 'bn'])).toThrow(
      [
        'A language is not complete:',
        'renderer/src/i18n/xx/shop.ts is there, but "xx" is not in LANGUAGES (electron/contract/languages.ts)',
        'renderer/src/i18n/ta/shop.ts does not export the words (export default, or `pack` from index.ts)',
        '"bn" is in LANGUAGES, but renderer/src/i18n/bn/shop.ts is missing',
      ].join('\n'),
    );
  });
});
