// The pure half of `npm run security` (scripts/security.ts runs Electronegativity and does the I/O):
// reading Electronegativity's issues, reading `eng-disable` comments, deciding pass or fail, and the printed table.
// The suppression format and the rules are documented in scripts/security.ts.
import { z } from 'zod';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Findings at this severity or above fail the run unless suppressed with a reason. */
export const FAIL_AT: Severity = 'MEDIUM';
export const MIN_REASON_WORDS = 3;
/** A bundled line must carry at least this much code (whitespace removed) to inherit a source suppression. */
export const MIN_INHERIT_KEY = 16;

const atLeast = (severity: Severity, floor: Severity) => SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(floor);

/** `source`: electron/ and renderer/ as written. `built`: out/ as electron-vite emitted it. */
export type Scope = 'source' | 'built';

export interface Finding {
  scope: Scope;
  /** Electronegativity's check id, e.g. SANDBOX_JS_CHECK. */
  check: string;
  /** The check's class name, e.g. SandboxJSCheck; eng-disable accepts it too. Null for app-wide global results. */
  checkClass: string | null;
  severity: Severity;
  confidence: string;
  /** Repository-relative path, or 'N/A' for an app-wide result. */
  file: string;
  line: number;
  column: number;
  /** The flagged line as Electronegativity read it, trimmed; '' when it gave none. */
  sample: string;
  description: string;
  /** Electronegativity itself honoured an inline eng-disable for this finding. */
  engineSuppressed: boolean;
}

const rawIssueSchema = z.object({
  id: z.string().min(1),
  constructorName: z.string().optional(),
  severity: z.object({ name: z.enum(SEVERITIES) }),
  confidence: z.object({ name: z.string() }),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).optional(),
  sample: z.string().nullish(),
  description: z.string().nullish(),
  visibility: z.object({ inlineDisabled: z.boolean().optional() }).optional(),
});

/**
 * Electronegativity's issue objects (its library API, `run(options).issues`, and what its Finder returns) as Findings.
 * Throws on anything that does not look like an issue: a changed output format must fail the run, not pass it.
 */
export function parseIssues(raw: unknown, scope: Scope, toRepoPath: (file: string) => string = (file) => file): Finding[] {
  const issues = z.array(rawIssueSchema).parse(raw);
  return issues.map((issue) => ({
    scope,
    check: issue.id,
    checkClass: issue.constructorName ?? null,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : toRepoPath(issue.file),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: (issue.sample ?? '').trim(),
    description: (issue.description ?? '').replace(/\s+/g, ' ').trim(),
    engineSuppressed: issue.visibility?.inlineDisabled === true,
  }));
}

export interface EngineError { file: string; message: string }
const rawErrorSchema = z.object({ file: z.string(), message: z.string() });

/** Electronegativity's `errors` (files it could not parse); every one of them fails the run. */
export function parseEngineErrors(raw: unknown, toRepoPath: (file: string) => string = (file) => file): EngineError[] {
  return z.array(rawErrorSchema).parse(raw).map((error) => ({ file: toRepoPath(error.file), message: error.message }));
}

/** One `eng-disable` comment that has a reason. */
export interface Directive { file: string; line: number; checks: string[]; reason: string }
/** Something wrong with the suppressions or the scan itself; every one fails the run. */
export interface Problem { file: string; line: number; message: string }

const CHECK_LIST = String.raw`([A-Za-z0-9_]+(?:[ \t]+[A-Za-z0-9_]+)*)`;
// Check names are separated by spaces only: Electronegativity stops reading a list at the first comma.
const JS_DIRECTIVE = new RegExp(String.raw`(\/\*|\/\/)[ \t]*eng-disable[ \t]+${CHECK_LIST}[ \t]+--[ \t]+(.*)$`, 'i');
// HTML comments cannot hold `--`, so the reason sits in the comment right after the directive.
const HTML_DIRECTIVE = new RegExp(String.raw`<!--[ \t]*eng-disable[ \t]+${CHECK_LIST}[ \t]*-->[ \t]*<!--[ \t]*(.*?)[ \t]*-->`, 'i');
const FORMAT_HINT = 'write `/* eng-disable CHECK_ID -- reason */`, `// eng-disable CHECK_ID -- reason`, or in HTML `<!-- eng-disable CHECK_ID --><!-- reason -->`';

function parseDirective(content: string): { checks: string[]; reason: string } | null {
  const html = HTML_DIRECTIVE.exec(content);
  if (html) return { checks: html[1]!.split(/[ \t]+/), reason: html[2]!.trim() };
  const js = JS_DIRECTIVE.exec(content);
  if (!js) return null;
  const [, opener, checks, rest] = js;
  return { checks: checks!.split(/[ \t]+/), reason: (opener === '/*' ? rest!.split('*/')[0]! : rest!).trim() };
}

/** Every `eng-disable` comment in one file: the well-formed ones with their reasons, and a problem for each other mention. */
export function findDirectives(file: string, text: string): { directives: Directive[]; problems: Problem[] } {
  const directives: Directive[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    const mentions = content.match(/eng-disable/gi)?.length ?? 0;
    if (mentions === 0) return;
    if (mentions > 1) {
      problems.push({ file, line, message: 'more than one eng-disable on a line; Electronegativity reads only the first, so list every check in one comment' });
      return;
    }
    const parsed = parseDirective(content);
    if (!parsed) {
      problems.push({ file, line, message: `eng-disable without a reason: ${FORMAT_HINT}` });
      return;
    }
    const { checks, reason } = parsed;
    const words = reason.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
    if (words < MIN_REASON_WORDS) {
      problems.push({ file, line, message: `eng-disable ${checks.join(' ')} needs a reason of at least ${MIN_REASON_WORDS} words after \`--\` (${FORMAT_HINT})` });
      return;
    }
    directives.push({ file, line, checks, reason });
  });
  return { directives, problems };
}

/** Whether a check name written in an eng-disable comment refers to this finding, as Electronegativity compares them. */
export function namesCheck(name: string, finding: Pick<Finding, 'check' | 'checkClass'>): boolean {
  const upper = name.toUpperCase();
  return upper === finding.check.toUpperCase()
    || upper === finding.check.toUpperCase().replace(/_(JS|HTML|JSON)_CHECK$/, '_GLOBAL_CHECK')
    || (finding.checkClass !== null && name.toLowerCase() === finding.checkClass.toLowerCase());
}

/** Electronegativity reads a directive on the flagged line, and one on a file's first line as covering the whole file. */
export function covers(directive: Directive, finding: Finding): boolean {
  return finding.scope === 'source'
    && directive.file === finding.file
    && (directive.line === finding.line || directive.line === 1)
    && directive.checks.some((name) => namesCheck(name, finding));
}

/** A line of code reduced for comparing source with bundle: no comments, no whitespace, one kind of quote. */
export function codeKey(line: string): string {
  return line.replace(/\/\*.*?\*\//g, '').replace(/\/\/[ \t]*eng-disable.*$/i, '').replace(/['`]/g, '"').replace(/\s+/g, '');
}

export type Status = 'fail' | 'suppressed' | 'below threshold';
export interface Assessed extends Finding {
  status: Status;
  /** The reasoned comment that suppresses it (for a bundled finding: the one on its source line). */
  directive?: Directive;
  /** For a bundled finding: the suppressed source finding it was matched to. */
  source?: Finding;
}

export interface Assessment {
  findings: Assessed[];
  directives: Directive[];
  problems: Problem[];
  engineErrors: EngineError[];
  ok: boolean;
}

/**
 * The verdict. A finding is suppressed only by a reasoned eng-disable in electron/ or renderer/:
 * - source: Electronegativity honoured the comment, and the comment is a well-formed Directive covering it;
 * - built: bundlers drop comments, so a finding in out/ inherits the suppression of a suppressed source finding of
 *   the same check whose line begins with the same code (compared by codeKey, at least MIN_INHERIT_KEY long).
 *   Comments inside out/ itself are never trusted.
 * It fails on any unsuppressed finding at FAIL_AT or above, any problem (including a directive that names no finding
 * on its line, so typos and stale comments surface), and any file Electronegativity could not parse.
 */
export function assess(input: { findings: Finding[]; observed?: Finding[]; directives: Directive[]; problems: Problem[]; engineErrors: EngineError[] }): Assessment {
  const observed = input.observed ?? input.findings;
  const problems = [...input.problems];
  for (const directive of input.directives) {
    for (const name of directive.checks) {
      const used = observed.some((finding) => covers({ ...directive, checks: [name] }, finding));
      if (!used) problems.push({ file: directive.file, line: directive.line, message: `eng-disable ${name} suppresses nothing: no ${name} finding on this line (typo, or the code moved)` });
    }
  }

  const sourceSuppressions = new Map<Finding, Directive>();
  for (const finding of input.findings) {
    if (finding.scope !== 'source' || !finding.engineSuppressed) continue;
    const directive = input.directives.find((d) => covers(d, finding));
    if (directive) sourceSuppressions.set(finding, directive);
  }

  const findings = input.findings.map((finding): Assessed => {
    const directive = sourceSuppressions.get(finding);
    if (directive) return { ...finding, status: 'suppressed', directive };
    if (finding.scope === 'built') {
      const key = codeKey(finding.sample);
      const source = key.length >= MIN_INHERIT_KEY
        ? [...sourceSuppressions.keys()].find((s) => s.check === finding.check && codeKey(s.sample).startsWith(key))
        : undefined;
      if (source) return { ...finding, status: 'suppressed', source, directive: sourceSuppressions.get(source)! };
    }
    return { ...finding, status: atLeast(finding.severity, FAIL_AT) ? 'fail' : 'below threshold' };
  });

  const ok = findings.every((f) => f.status !== 'fail') && problems.length === 0 && input.engineErrors.length === 0;
  return { findings, directives: input.directives, problems, engineErrors: input.engineErrors, ok };
}

const location = (f: Pick<Finding, 'file' | 'line'>) => (f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}`);
const clip = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n');
}

/** The printed report: findings table, suppressions, problems, and one verdict line last. */
export function formatReport(assessment: Assessment): string {
  const statusOrder: Record<Status, number> = { fail: 0, suppressed: 1, 'below threshold': 2 };
  const scopeOrder: Record<Scope, number> = { source: 0, built: 1 };
  const sorted = [...assessment.findings].sort((a, b) =>
    scopeOrder[a.scope] - scopeOrder[b.scope] || statusOrder[a.status] - statusOrder[b.status] || a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));
  const rows = sorted.map((f) => [
    f.status === 'fail' ? 'FAIL' : f.status,
    f.scope,
    f.check,
    f.severity,
    f.confidence,
    location(f),
    clip(f.status === 'suppressed'
      ? f.source ? `bundled copy of ${location(f.source)} (suppressed there)` : `eng-disable: ${f.directive!.reason}`
      : f.description, 90),
  ]);
  const out: string[] = [];
  out.push(rows.length > 0 ? table(['STATUS', 'SCOPE', 'CHECK', 'SEVERITY', 'CONFIDENCE', 'LOCATION', 'NOTE'], rows) : 'No findings.');
  if (assessment.directives.length > 0) {
    out.push('', 'Suppressions (eng-disable comments):');
    for (const d of assessment.directives) out.push(`  ${location(d)}  ${d.checks.join(' ')} -- ${d.reason}`);
  }
  if (assessment.engineErrors.length > 0) {
    out.push('', 'Electronegativity could not scan:');
    for (const e of assessment.engineErrors) out.push(`  ${e.file}: ${e.message}`);
  }
  if (assessment.problems.length > 0) {
    out.push('', 'Problems:');
    for (const p of assessment.problems) out.push(`  ${location(p)}  ${p.message}`);
  }
  out.push('', verdictLine(assessment));
  return out.join('\n');
}

export function verdictLine(assessment: Assessment): string {
  const count = (status: Status) => assessment.findings.filter((f) => f.status === status).length;
  const counts = `${count('fail')} unsuppressed at ${FAIL_AT} or above, ${count('suppressed')} suppressed with a reason, ${count('below threshold')} below ${FAIL_AT}, ${assessment.problems.length} suppression problem(s), ${assessment.engineErrors.length} file(s) not scanned`;
  return `security: ${assessment.ok ? 'PASS' : 'FAIL'} (${counts})`;
}
