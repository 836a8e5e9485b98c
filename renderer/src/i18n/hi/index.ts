import type { LanguagePack } from '../pack';
import { printHi } from './print';
import { hi } from './screens';

export { hi };

export const pack: LanguagePack = { name: 'हिन्दी (Hindi)', screens: hi, print: printHi };
