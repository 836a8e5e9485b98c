import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/import-graph';

const ROOT = process.cwd();
const DOC = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');

/** Folders of electron/ the map names without the `electron/` in front. */
const ELECTRON_FOLDERS = ['contract', 'core', 'http', 'sandbox', 'hub', 'shell', 'main', 'preload', 'web'];
const REPOSITORY_FOLDERS = ['electron', 'renderer', 'test', 'docs', 'scripts'];
const NAME = /^[\w.-]+(\/|\.(ts|tsx|js|md|json))$/;

/** A path in backquotes, as the map writes them: from the repository, or from electron/ for electron's folders. */
function pathOf(token: string): string | null {
  if (!/^[\w.-]+(\/[\w.-]+)*\/?$/.test(token) || !(token.includes('/') || NAME.test(token))) return null;
  const first = token.split('/')[0]!;
  if (ELECTRON_FOLDERS.includes(first)) return join('electron', token);
  if (REPOSITORY_FOLDERS.includes(first) || /^[\w.-]+\.(js|md|json)$/.test(token)) return token;
  return null;
}

/** The paths a tree block names, each line's name placed under the folder above it (two spaces a level). */
function treePaths(block: string): string[] {
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of block.split('\n')) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 2;
    const name = match[2]!;
    const isName = depth === 0 ? /^[\w.-]+(\/[\w.-]+)*\/$/.test(name) : NAME.test(name);
    // A description running on under its name, not a name of its own.
    if (!isName || !Number.isInteger(depth) || depth > stack.length) continue;
    stack.length = depth;
    const path = [...stack, name].join('');
    paths.push(path);
    if (name.endsWith('/')) stack.push(name);
  }
  return paths;
}

/** A path as the map writes it: a file, a folder, or a module named without its extension (`contract/money`). */
const exists = (path: string) => ['', '.ts', '.tsx', '/index.ts'].some((ending) => existsSync(join(ROOT, `${path}${ending}`)));

const blocks = [...DOC.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
const trees = blocks.filter((block) => /^(electron|electron\/core)\/\n/.test(block));

describe('docs/architecture.md says what is so', () => {
  it('every path it names in backquotes exists', () => {
    const named = [...DOC.matchAll(/`([^`\n]+)`/g)].map((m) => pathOf(m[1]!)).filter((path): path is string => path !== null);
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((path) => !exists(path))).toEqual([]);
  });

  it('every file and folder in its trees exists', () => {
    const named = trees.flatMap(treePaths);
    expect(named).toEqual(expect.arrayContaining(['electron/core/sale/sales.ts', 'electron/contract/operations.ts']));
    expect(named.filter((path) => !exists(path))).toEqual([]);
  });

  it('its map of core names every file in electron/core', () => {
    const core = trees.find((block) => block.startsWith('electron/core/\n'));
    expect(core).toBeDefined();
    const named = new Set(treePaths(core!));
    const files = sourceFiles(join(ROOT, 'electron/core')).map((file) => relative(ROOT, file));
    expect(files.filter((file) => !named.has(file))).toEqual([]);
  });
});
