import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../../electron/contract/languages';
import { customerEn } from '../../renderer/src/i18n/en/customer';
import { printEn } from '../../renderer/src/i18n/en/print';
import { en } from '../../renderer/src/i18n/en/screens';
import { shopEn } from '../../renderer/src/i18n/en/shop';

/**
 * A third language is one line in the list (electron/contract/languages.ts) and a new folder under
 * renderer/src/i18n/. Shown here in the test only: the type checker is run over the renderer as if
 * the line and the folders were there, and the list's own mechanism is run with the line and
 * without the folder. Tamil ('ta') stands for a language only begun: a few words of each file.
 * Bengali ('bn') stands for one complete, and carries the English words under its own code (the
 * words do not matter here, only that nothing outside its folder has to change).
 */
const ROOT = process.cwd();
const at = (path: string) => resolve(ROOT, path).replace(/\\/g, '/');
const LIST = 'electron/contract/languages.ts';

const listSource = readFileSync(join(ROOT, LIST), 'utf8');
const listWithTwoMore = listSource.replace(/LANGUAGES = \[([^\]]*)\]/, "LANGUAGES = [$1, 'ta', 'bn']");

const TAMIL_BEGUN: Record<string, string> = {
  'renderer/src/i18n/ta/index.ts': [
    "import type { LanguagePack } from '../pack';",
    '',
    "export const pack: LanguagePack = { name: 'தமிழ் (Tamil)', screens: { app: { title: 'Counter' } }, print: { printQr: 'QR அச்சிடு' } };",
  ].join('\n'),
  'renderer/src/i18n/ta/shop.ts': ["import type { ShopStrings } from '../en/shop';", '', 'const shopTa: ShopStrings = {};', '', 'export default shopTa;'].join('\n'),
  'renderer/src/i18n/ta/customer.ts': [
    "import type { CustomerStrings } from '../en/customer';",
    '',
    "const customerTa: CustomerStrings = { title: 'Counter', welcome: 'வணக்கம்' };",
    '',
    'export default customerTa;',
  ].join('\n'),
};

const BENGALI_COMPLETE: Record<string, string> = {
  'renderer/src/i18n/bn/index.ts': ["import { pack as english } from '../en';", "import type { LanguagePack } from '../pack';", '', "export const pack: LanguagePack = { ...english, name: 'বাংলা (Bengali)' };"].join('\n'),
  'renderer/src/i18n/bn/shop.ts': ["import { shopEn } from '../en/shop';", '', 'export default shopEn;'].join('\n'),
  'renderer/src/i18n/bn/customer.ts': ["import { customerEn } from '../en/customer';", '', 'export default customerEn;'].join('\n'),
};

/** Type-checks the renderer's two pages and the new folders as if `overlay` were on disk; the diagnostics by file. */
function typeCheckWith(overlay: Record<string, string>): Map<string, string[]> {
  const files = new Map(Object.entries(overlay).map(([path, text]) => [at(path), text]));
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json cannot be read');
  const host = ts.createCompilerHost(config.options);
  const { readFile, fileExists } = host;
  host.readFile = (name) => files.get(at(name)) ?? readFile.call(host, name);
  host.fileExists = (name) => files.has(at(name)) || fileExists.call(host, name);
  const roots = ['electron/contract/global.d.ts', 'renderer/src/main.tsx', 'renderer/src/customer/main.tsx', ...Object.keys(overlay).filter((path) => path.startsWith('renderer/'))].map(at);
  const program = ts.createProgram(roots, config.options, host);
  const found = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? diagnostic.file.fileName.slice(ROOT.length + 1) : '(no file)';
    found.set(file, [...(found.get(file) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
  }
  return found;
}

/** The first of `english`'s words a file leaves out when it gives only `given`: where the type checker's list of missing words starts. */
const firstLeftOut = (english: object, given: readonly string[]) => Object.keys(english).find((key) => !given.includes(key));

describe('a third language', () => {
  it('is the list\'s line plus a folder: a complete one type-checks with nothing else changed, and the type checker names the words a begun one leaves out', () => {
    expect(listWithTwoMore, 'the list has the shape this test adds a line to').not.toBe(listSource);
    const found = typeCheckWith({ [LIST]: listWithTwoMore, ...TAMIL_BEGUN, ...BENGALI_COMPLETE });
    const report = [...found].map(([file, messages]) => `${file}:\n  ${messages.join('\n  ')}`).join('\n');

    // Only the begun language's own files are wrong: no other file of the renderer or the contract needed the new languages added.
    expect([...found.keys()].sort(), report).toEqual(Object.keys(TAMIL_BEGUN).sort());

    const said = (file: string) => found.get(file)!.join('\n');
    const pack = said('renderer/src/i18n/ta/index.ts');
    expect(pack).toMatch(/missing the following properties|is missing in type/);
    expect(pack).toContain(firstLeftOut(en.app, ['title']));
    expect(pack).toContain(firstLeftOut(printEn, ['printQr']));
    expect(said('renderer/src/i18n/ta/shop.ts')).toContain(firstLeftOut(shopEn, []));
    expect(said('renderer/src/i18n/ta/customer.ts')).toContain(firstLeftOut(customerEn, ['title', 'welcome']));
  }, 180_000);
});

describe('a language in the list whose folder is not there', () => {
  afterEach(() => {
    vi.doUnmock('../../electron/contract/languages');
    vi.resetModules();
  });

  it('stops the cashier\'s window (and the owner\'s whole shop in it) and the customer display at start, each naming the file it lacks', async () => {
    vi.resetModules();
    vi.doMock('../../electron/contract/languages', async (importOriginal) => ({ ...(await importOriginal<object>()), LANGUAGES: [...LANGUAGES, 'ta'] }));
    await expect(import('../../renderer/src/i18n/packs')).rejects.toThrow('"ta" is in LANGUAGES, but renderer/src/i18n/ta/index.ts is missing');
    // The whole-shop words load inside the cashier's window, which has stopped already.
    await expect(import('../../renderer/src/i18n/shop')).rejects.toThrow('"ta" is in LANGUAGES');
    await expect(import('../../renderer/src/customer/strings')).rejects.toThrow('"ta" is in LANGUAGES, but renderer/src/i18n/ta/customer.ts is missing');
  });
});
