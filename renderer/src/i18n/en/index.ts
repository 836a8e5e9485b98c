import type { LanguagePack } from '../pack';
import { printEn } from './print';
import { en } from './screens';

export { en };

export const pack: LanguagePack = { name: 'English', screens: en, print: printEn };
