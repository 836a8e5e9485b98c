import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCircle, folderGraph, importCircles, importGraph, sourceFiles, type ImportGraph } from '../support/import-graph';

const ROOT = process.cwd();
const CORE = join(ROOT, 'electron/core');

let planted: string | null = null;
afterEach(() => {
  if (planted) rmSync(planted, { recursive: true, force: true });
  planted = null;
});

/** Writes small TypeScript files into a throwaway folder and returns their import graph. */
function plant(files: Record<string, string>): { graph: ImportGraph; root: string } {
  planted = mkdtempSync(join(tmpdir(), 'counter-circles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(planted, name)), { recursive: true });
    writeFileSync(join(planted, name), text);
  }
  return { graph: importGraph(sourceFiles(planted), planted), root: planted };
}

describe('no import circles', () => {
  it('electron/ and renderer/src import one another without a circle (type imports count too)', () => {
    const files = [...sourceFiles(join(ROOT, 'electron')), ...sourceFiles(join(ROOT, 'renderer/src'))];
    const circles = importCircles(importGraph(files, ROOT)).map((circle) => describeCircle(circle, ROOT));
    expect(files.length).toBeGreaterThan(100);
    expect(circles, 'each line is a circle of files that import one another').toEqual([]);
  });

  it('core\'s domains depend on one another without a circle', () => {
    const domains = folderGraph(importGraph(sourceFiles(CORE), ROOT), CORE, [join(CORE, 'services.ts')]);
    expect([...domains.keys()]).toEqual(expect.arrayContaining(['sale', 'refund', 'history', 'owner', 'settings', 'customer', 'hub-link', 'bos', 'journal']));
    expect(importCircles(domains)).toEqual([]);
  });

  const planted: Array<[string, Record<string, string>, (graph: ImportGraph, root: string) => unknown, unknown]> = [
    [
      'a circle of files, even of type imports, without the files around it',
      {
        'a.ts': "import { b } from './b';\nexport const a = b;\n",
        'b.ts': "import type { C } from './c/index';\nexport const b = 1;\nexport type B = C;\n",
        'c/index.ts': "import type { a } from '../a';\nexport type C = typeof a;\n",
        'd.ts': "import { a } from './a';\nimport { z } from 'zod';\nexport const d = [a, z];\n",
      },
      (graph, root) => importCircles(graph).map((circle) => describeCircle(circle, root)),
      ['a.ts ↔ b.ts ↔ c/index.ts'],
    ],
    [
      'a circle between two domains whose files make none',
      {
        'sale/index.ts': "export { payee } from './payee';\n",
        'sale/payee.ts': "import type { Settings } from '../settings';\nexport const payee = (s: Settings) => s;\n",
        'settings/index.ts': "export type { Settings } from './stored';\n",
        'settings/stored.ts': "import { payee } from '../sale';\nexport type Settings = { p: typeof payee };\n",
      },
      (graph, root) => importCircles(folderGraph(graph, root)),
      [['sale', 'settings']],
    ],
  ];

  it.each(planted)('names a planted circle: %s', (_name, files, circles, expected) => {
    const { graph, root } = plant(files);
    expect(circles(graph, root)).toEqual(expected);
  });
});
