import { LANGUAGES, type Language } from '../../../electron/contract/languages';
import { language } from '../i18n';
import type { PrintStrings } from '../i18n/en/print';
import { PACKS } from '../i18n/packs';

export type { PrintStrings };

/** Words on the print buttons and the printed slips, per language (each language's print.ts). */
export const PRINT_STRINGS = Object.fromEntries(LANGUAGES.map((code) => [code, PACKS[code].print])) as Readonly<Record<Language, PrintStrings>>;

/** The table for the language in use (read while rendering, like `t`). */
export const printText = (): PrintStrings => PRINT_STRINGS[language()];
