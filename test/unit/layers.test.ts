import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
// The layer rules alone: the import-circle rule walks the whole import graph on every file (its own tests are below).
const layerLint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });

/** The layer rule's complaints about one import line, as if written in `file`. */
async function complaints(file: string, importLine: string): Promise<string[]> {
  const [result] = await layerLint.lintText(`${importLine}\nexport const used = x;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** Core is one folder a domain, each reached through its index; a domain's handlers.ts is the composition root's. */
const THROUGH_INDEX = /through its index/;
const SHELL_THROUGH_INDEX = /shell reaches core through core\/services or a domain's index/;

describe('layers point one way (lint)', () => {
  it.each([
    ['electron/contract/x.ts', "import { x } from '../core/money';", /ground floor/],
    ['electron/contract/x.ts', "import { x } from '../sandbox';", /ground floor/],
    ['electron/contract/x.ts', "import { x } from 'node:fs';", /no Node APIs/],
    ['electron/core/x.ts', "import { x } from '../sandbox';", /Core never imports/],
    ['electron/core/bos/x.ts', "import { x } from '../../sandbox/server';", /Core never imports/],
    ['electron/core/x.ts', "import { x } from '../hub/server';", /Core never imports/],
    ['electron/core/x.ts', "import { x } from '../web/compose';", /Core never imports/],
    ['electron/core/x.ts', "import { x } from '../main/ipc';", /Core never imports/],
    ['electron/core/x.ts', "import { x } from 'electron';", /electron only in electron\/main/],
    ['electron/sandbox/x.ts', "import { x } from '../core/services';", /sandbox depends on the contract/],
    ['electron/sandbox/x.ts', "import { x } from '../core/upi';", /sandbox depends on the contract/],
    ['electron/hub/x.ts', "import { x } from '../core/upi';", /hub depends on the contract only/],
    ['electron/hub/x.ts', "import { x } from '../http/safety';", /hub depends on the contract only/],
    ['electron/http/x.ts', "import { x } from '../contract/money';", /imports nothing of ours/],
    ['electron/http/x.ts', "import { x } from '../sandbox/server';", /imports nothing of ours/],
    ['electron/contract/x.ts', "import { x } from '../http/safety';", /ground floor/],
    ['renderer/src/x.ts', "import { x } from '../../electron/http/safety';", /renderer talks only/],
    ['electron/sandbox/x.ts', "import { x } from '../hub/server';", /sandbox depends on the contract/],
    ['electron/hub/x.ts', "import { x } from '../core/journal/append';", /hub depends on the contract/],
    ['electron/hub/store/x.ts', "import { x } from '../../sandbox';", /hub depends on the contract/],
    ['electron/web/x.ts', "import { x } from '../main/ipc';", /never imports main/],
    ['renderer/src/x.ts', "import { x } from '../../electron/hub/server';", /renderer talks only/],
    ['electron/shell/x.ts', "import { x } from '../main/ipc';", /Shared shell code never imports/],
    ['electron/core/hub-link/x.ts', "import { x } from '../../shell/embedded';", /Core never imports/],
    ['electron/core/history/x.ts', "import { x } from '../sale/record';", THROUGH_INDEX],
    ['electron/core/hub-link/x.ts', "import type { x } from '../history/export-records';", THROUGH_INDEX],
    ['electron/core/hub-link/x.ts', "import { x } from '../history/handlers';", THROUGH_INDEX],
    ['electron/core/dispatch.ts', "import { x } from './sale/sales';", THROUGH_INDEX],
    ['electron/core/services.ts', "import { x } from './sale/record';", THROUGH_INDEX],
    ['electron/web/x.ts', "import { x } from '../core/sale/sales';", SHELL_THROUGH_INDEX],
    ['electron/shell/x.ts', "import type { x } from '../core/hub-link/runtime';", SHELL_THROUGH_INDEX],
    ['electron/main/adapters/x.ts', "import type { x } from '../../core/settings/stored';", SHELL_THROUGH_INDEX],
  ])('%s may not say %s', async (file, line, message) => {
    const found = await complaints(file, line);
    expect(found.some((m) => message.test(m)), `complaints: ${JSON.stringify(found)}`).toBe(true);
  });

  it.each([
    ['electron/core/x.ts', "import { x } from '../contract/money';"],
    ['electron/sandbox/x.ts', "import { x } from '../contract/money';"],
    ['electron/hub/x.ts', "import { x } from '../contract/hub';"],
    ['electron/sandbox/x.ts', "import { x } from '../http/safety';"],
    ['electron/web/x.ts', "import { x } from '../http/safety';"],
    ['electron/hub/store/x.ts', "import { x } from '../../contract/money';"],
    ['electron/web/x.ts', "import { x } from '../sandbox';"],
    ['electron/main/x.ts', "import { x } from '../sandbox';"],
    ['electron/core/hub-link/x.ts', "import { x } from '../../contract/hub';"],
    ['electron/core/hub-link/x.ts', "import { x } from './link';"],
    ['electron/shell/x.ts', "import { x } from '../hub';"],
    ['electron/core/history/x.ts', "import { x } from '../sale';"],
    ['electron/core/sale/x.ts', "import { x } from './record';"],
    ['electron/core/sale/x.ts', "import { x } from '../events';"],
    ['electron/core/services.ts', "import { x } from './sale/handlers';"],
    ['electron/core/services.ts', "import { x } from './sale';"],
    ['electron/web/x.ts', "import { x } from '../core/services';"],
    ['electron/main/adapters/x.ts', "import type { x } from '../../core/settings';"],
    ['electron/main/x.ts', "import { x } from 'electron';"],
  ])('%s may say %s', async (file, line) => {
    expect(await complaints(file, line)).toEqual([]);
  });
});


describe('no import circles (lint)', () => {
  const cycles = async (file: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: file });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-cycle');
  };

  it('catches a file that imports what imports it (sale/record.ts taking sale/sales.ts, which takes record.ts)', async () => {
    expect(await cycles('electron/core/sale/record.ts', "import { Sales } from './sales';\nexport const used = Sales;\n")).toHaveLength(1);
  }, 30_000); // the first walk of the import graph reads every module it reaches

  it('lets the same file import what does not lead back to it', async () => {
    expect(await cycles('electron/core/sale/record.ts', "import { formatPaise } from '../../contract/money';\nexport const used = formatPaise;\n")).toEqual([]);
  }, 30_000);
});
