import { en, type Strings } from './en';

/** Hindi. Until translated, this is the English table (the language is not offered while it is). */
export const hi: Strings = en;
export const HINDI_TRANSLATED = false;
