/// <reference types="vite/client" />
import { DEFAULT_LANGUAGE, type Language } from '../../../electron/contract/languages';
import { byLanguage } from '../i18n/by-language';
import type { CustomerStrings } from '../i18n/en/customer';

export type { CustomerStrings };

/** Every language's customer-display words (renderer/src/i18n/<code>/customer.ts): the display is its own page and carries only these. */
export const CUSTOMER_STRINGS = byLanguage(import.meta.glob<CustomerStrings>('../i18n/*/customer.ts', { eager: true, import: 'default' }), 'customer.ts');

/** The words for the view's language; English for one this page does not know (a newer main, say). */
export const customerStrings = (language: Language): CustomerStrings => CUSTOMER_STRINGS[language] ?? CUSTOMER_STRINGS[DEFAULT_LANGUAGE];
