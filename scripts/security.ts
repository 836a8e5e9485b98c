// npm run security: Electronegativity over the app, failing on what it finds (Electronegativity itself always exits 0).
//
// What is scanned. Two views of the app, each as a whole, because some checks are app-wide ("is navigation limited
// anywhere?"): the source, electron/ + renderer/, and the built output, out/ (skipped with a notice when absent;
// `npm run security` builds it first). Each view is copied to a temporary folder with .cjs/.mjs renamed .js and
// .cts/.mts renamed .ts, because Electronegativity silently skips those extensions (the preload ships as index.cjs).
// Electron version: the installed `electron` package's, since Electronegativity's view of unset options depends on it.
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out: it judges only an Electron version found in a package.json,
// which is not scanned here, and it downloads Electron's release list on every run.
//
// When it fails. Exit 1: a finding at MEDIUM or above (any confidence) that is not suppressed with a reason, or a
// suppression problem. Exit 2: Electronegativity crashed, could not parse a file, or did not scan a file it was given.
//
// Suppressing a false positive: one comment on the line Electronegativity flags, in electron/ or renderer/ only:
//   /* eng-disable CHECK_ID [CHECK_ID ...] -- why this is not a problem, at least three words */
//   // eng-disable CHECK_ID -- reason
//   {/* eng-disable CHECK_ID -- reason */}         (inside JSX)
//   <!-- eng-disable CHECK_ID --><!-- reason -->    (HTML: a comment cannot hold `--`)
// Check ids are separated by spaces (Electronegativity ignores whatever follows a comma); one eng-disable per line.
// Every eng-disable must name a check that is flagged on its line, so a typo or a comment left behind fails the run.
// (Electronegativity also reads an eng-disable on a file's first line as covering the whole file; avoid that.)
// Bundlers drop comments, so a finding in out/ counts as suppressed only when it is the bundled copy of a suppressed
// source line: same check, and the bundled line's code is the start of the source line's code. Comments found in out/
// are never trusted. The rules themselves live in scripts/security-check.ts (tested in test/unit/security-check.test.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  assess, findDirectives, formatReport, parseEngineErrors, parseIssues,
  type Directive, type EngineError, type Finding, type Problem, type Scope,
} from './security-check';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface EngineOptions {
  input: string;
  isRelative: boolean;
  customScan: string[];
  excludeFromScan: string[];
  parserPlugins: string[];
  electronVersionOverride?: string;
}
type EngineRun = (options: EngineOptions, forCli: boolean) => Promise<unknown>;
type FindMethod = (this: unknown, ...args: unknown[]) => Promise<unknown>;

const runEngine = require('@doyensec/electronegativity') as EngineRun;
// Electronegativity's library API returns only unsuppressed issues. Its Finder sees every issue, suppressed ones
// included, so the table can show them; if this module moves, no file is seen as scanned and the run fails (exit 2).
const finderClass = (require('@doyensec/electronegativity/dist/finder/finder.js') as { Finder: { prototype: { find: FindMethod } } }).Finder;
const engineVersion = z.object({ version: z.string() }).parse(require('@doyensec/electronegativity/package.json')).version;

const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const RENAMED: Record<string, string> = { '.cjs': '.js', '.mjs': '.js', '.cts': '.ts', '.mts': '.ts' };
const SCANNED = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const isScannable = (file: string) => SCANNED.has(RENAMED[extname(file)] ?? extname(file));

interface View { scope: Scope; dirs: string[]; stage: string; stagedToRepo: Map<string, string>; staged: string[] }

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return entry.isFile() ? [path] : [];
  });
}

const repoPath = (abs: string) => relative(root, abs).split(sep).join('/');

/** Copies the view's folders under `stage`, keeping repository-relative paths, renaming what Electronegativity skips. */
function stageView(scope: Scope, dirs: string[], stage: string): View {
  const stagedToRepo = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of walk(join(root, dir)).filter(isScannable)) {
      const ext = extname(file);
      const target = join(stage, relative(root, file.slice(0, file.length - ext.length) + (RENAMED[ext] ?? ext)));
      if (stagedToRepo.has(target)) throw new Error(`${repoPath(file)} and ${stagedToRepo.get(target)} would be scanned under one name`);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      stagedToRepo.set(target, repoPath(file));
    }
  }
  return { scope, dirs, stage, stagedToRepo, staged: [...stagedToRepo.keys()] };
}

function electronVersion(): string | undefined {
  try {
    return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'))).version;
  } catch {
    return undefined;
  }
}

const engineResultSchema = z.object({ errors: z.array(z.unknown()), issues: z.array(z.unknown()) });

async function main(): Promise<number> {
  const started = performance.now();
  const views: { scope: Scope; dirs: string[] }[] = [{ scope: 'source', dirs: ['electron', 'renderer'] }];
  const builtPresent = existsSync(join(root, 'out'));
  if (builtPresent) views.push({ scope: 'built', dirs: ['out'] });

  const workDir = mkdtempSync(join(tmpdir(), 'counter-security-'));
  const seen: { file: string; issues: unknown }[] = [];
  const originalFind = finderClass.prototype.find;
  const originalLog = console.log;
  const engineSaid = new Set<string>();
  try {
    const staged = views.map((v) => stageView(v.scope, v.dirs, join(workDir, v.scope)));
    const version = electronVersion();

    finderClass.prototype.find = async function (this: unknown, ...args: unknown[]) {
      const issues = await originalFind.apply(this, args);
      seen.push({ file: resolve(String(args[0])), issues });
      return issues;
    };
    // Electronegativity logs a line when it cannot fetch fresh translations; keep it out of the table, print it after.
    console.log = (...args: unknown[]) => { engineSaid.add(args.map(String).join(' ')); };
    const results = await Promise.all(staged.map((view) => runEngine({
      input: view.stage,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
      parserPlugins: [],
      ...(version ? { electronVersionOverride: version } : {}),
    }, false)));
    console.log = originalLog;

    const findings: Finding[] = [];
    const observed: Finding[] = [];
    const engineErrors: EngineError[] = [];
    staged.forEach((view, i) => {
      const toRepo = (file: string) => {
        const abs = isAbsolute(file) ? file : join(view.stage, file);
        return view.stagedToRepo.get(abs) ?? relative(view.stage, abs).split(sep).join('/');
      };
      const result = engineResultSchema.parse(results[i]);
      const errors = parseEngineErrors(result.errors, toRepo);
      engineErrors.push(...errors);
      const mine = seen.filter((s) => s.file.startsWith(view.stage + sep));
      const all = mine.flatMap((s) => parseIssues(s.issues, view.scope, toRepo));
      observed.push(...all);
      findings.push(...parseIssues(result.issues, view.scope, toRepo), ...all.filter((f) => f.engineSuppressed));
      const scanned = new Set([...mine.map((s) => toRepo(s.file)), ...errors.map((e) => e.file)]);
      for (const file of view.staged.map(toRepo)) {
        if (!scanned.has(file)) engineErrors.push({ file, message: 'Electronegativity did not scan this file' });
      }
    });

    const directives: Directive[] = [];
    const problems: Problem[] = [];
    for (const dir of ['electron', 'renderer']) {
      for (const file of walk(join(root, dir)).filter(isScannable)) {
        const found = findDirectives(repoPath(file), readFileSync(file, 'utf8'));
        directives.push(...found.directives);
        problems.push(...found.problems);
      }
    }

    const assessment = assess({ findings, observed, directives, problems, engineErrors });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Electronegativity ${engineVersion}; Electron ${version ?? 'unknown (oldest defaults assumed)'}; fails at MEDIUM or above; scan took ${seconds} s`);
    for (const view of staged) console.log(`  ${view.scope}: ${view.dirs.map((d) => `${d}/`).join(' + ')} ${view.staged.length} files`);
    if (!builtPresent) console.log('  built: out/ not found, not scanned (run `electron-vite build` first)');
    for (const line of engineSaid) console.log(`  electronegativity said: ${line}`);
    console.log('');
    console.log(formatReport(assessment));
    return engineErrors.length > 0 ? 2 : assessment.ok ? 0 : 1;
  } finally {
    console.log = originalLog;
    finderClass.prototype.find = originalFind;
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  console.error('security: FAIL (Electronegativity or this script crashed; nothing was judged)');
  process.exitCode = 2;
}
