/**
 * `node --import tsx --import <this file> out/main/index.js`: every `import 'electron'` (main's, and
 * electron-store's) resolves to the fake in ./electron.ts. The hook is a data: URL so the loader thread
 * needs nothing compiled.
 */
import { register } from 'node:module';

const fake = new URL('./electron.ts', import.meta.url).href;
const hooks = `
let fake;
export async function initialize(data) { fake = data.fake; }
export async function resolve(specifier, context, next) {
  return next(specifier === 'electron' ? fake : specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { fake } });
