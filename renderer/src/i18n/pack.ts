import type { PrintStrings } from './en/print';
import type { Strings } from './en/screens';

/**
 * What a language's folder (renderer/src/i18n/<code>/) gives the cashier's window: its index.ts
 * exports one as `pack`. Beside it in the folder, loaded only by the pages that show them: shop.ts
 * (the owner's whole-shop words), customer.ts (the customer display's) and, for a script that
 * needs its own font, fonts.css. English (en/) sets the shape every other language must fill.
 */
export interface LanguagePack {
  /** The language named in itself, as its menus list it ("हिन्दी (Hindi)"). */
  name: string;
  /** Every word the cashier's and owner's screens show (the OS voice says `sell.spokenReceived`). */
  screens: Strings;
  /** The print buttons and the printed slips. */
  print: PrintStrings;
}
