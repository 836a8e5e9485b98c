import { LANGUAGES, type Language } from '../../../electron/contract/languages';

/** The language a found file belongs to: the folder it sits in (`./hi/shop.ts`, `../i18n/hi/customer.ts`). */
const folderOf = (path: string): string => /([^/]+)\/[^/]+$/.exec(path)?.[1] ?? path;

/**
 * One file of every language's folder, as import.meta.glob found it, keyed by language. Every
 * language of the list must have that file, and every folder holding it must be in the list: else
 * this throws, naming what is missing, so a language half added stops Counter at its start instead
 * of showing screens with holes in them. `languages` is the list (a test passes a longer one).
 */
export function byLanguage<T>(found: Readonly<Record<string, T | undefined>>, file: string, languages: readonly string[] = LANGUAGES): Readonly<Record<Language, T>> {
  const table: Record<string, T> = {};
  const problems: string[] = [];
  for (const [path, value] of Object.entries(found)) {
    const code = folderOf(path);
    if (!languages.includes(code)) problems.push(`renderer/src/i18n/${code}/${file} is there, but "${code}" is not in LANGUAGES (electron/contract/languages.ts)`);
    else if (value === undefined) problems.push(`renderer/src/i18n/${code}/${file} does not export the words (export default, or \`pack\` from index.ts)`);
    else table[code] = value;
  }
  for (const code of languages) {
    if (!(code in table) && !problems.some((problem) => problem.startsWith(`renderer/src/i18n/${code}/`))) problems.push(`"${code}" is in LANGUAGES, but renderer/src/i18n/${code}/${file} is missing`);
  }
  if (problems.length > 0) throw new Error(`A language is not complete:\n${problems.join('\n')}`);
  return table as Record<Language, T>;
}
