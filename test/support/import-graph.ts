import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** File → the files of ours it imports (type-only imports too: a circle of types is still a circle to read). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Resolves every import, export-from and import() of each file as the compiler does; imports outside `root` are left out. */
export function importGraph(files: readonly string[], root: string): ImportGraph {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, noEmit: true };
  const within = resolve(root);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && target.startsWith(`${within}/`) && !target.includes('/node_modules/'));
    graph.set(resolve(file), [...new Set(targets.map((t) => resolve(t)))]);
  }
  return graph;
}

/** Every import circle (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function importCircles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || graph.get(file)?.includes(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** A circle as a person reads it: its files, relative to `root`. */
export function describeCircle(circle: readonly string[], root: string): string {
  return circle.map((file) => relative(root, file)).join(' ↔ ');
}

/**
 * The graph between the folders just below `base` (a file directly in `base` stands for itself):
 * an edge where any file of one imports a file of the other. Imports outside `base` are left out,
 * and so are the files in `leaveOut` (a composition root imports every folder).
 */
export function folderGraph(graph: ImportGraph, base: string, leaveOut: readonly string[] = []): ImportGraph {
  const inside = (file: string) => file.startsWith(`${base}/`);
  const folderOf = (file: string) => relative(base, file).split('/')[0]!;
  const folders: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    if (!inside(file) || leaveOut.includes(file)) continue;
    const from = folderOf(file);
    const to = targets.filter(inside).map(folderOf).filter((folder) => folder !== from);
    folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
  }
  return folders;
}
