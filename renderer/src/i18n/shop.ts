/// <reference types="vite/client" />
import { byLanguage } from './by-language';
import type { ShopStrings } from './en/shop';
import { language } from './index';

/** Every language's whole-shop words (./<code>/shop.ts): found here, so they load with the owner's screens only. */
const TABLES = byLanguage(import.meta.glob<ShopStrings>('./*/shop.ts', { eager: true, import: 'default' }), 'shop.ts');

/** The owner's whole-shop strings in the language in use (read while rendering, like `t`). */
export function ts(): ShopStrings {
  return TABLES[language()];
}
