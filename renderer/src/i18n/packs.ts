/// <reference types="vite/client" />
import { byLanguage } from './by-language';
import type { LanguagePack } from './pack';

/** Every language's pack, found in its folder (./<code>/index.ts): a new folder needs no line here. */
export const PACKS = byLanguage(import.meta.glob<LanguagePack>('./*/index.ts', { eager: true, import: 'pack' }), 'index.ts');
