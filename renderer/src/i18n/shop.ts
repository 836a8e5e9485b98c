import { language } from './index';
import { shopEn, type ShopStrings } from './shop-en';
import { shopHi } from './shop-hi';

/** The owner's whole-shop strings in the language in use (read while rendering, like `t`). */
export function ts(): ShopStrings {
  return language() === 'hi' ? shopHi : shopEn;
}
