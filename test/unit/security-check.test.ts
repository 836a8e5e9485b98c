import { describe, expect, it } from 'vitest';
import { assess, findDirectives, formatReport, parseEngineErrors, parseIssues, type Scope } from '../../scripts/security-check';

// Issue objects shaped as Electronegativity 1.10's library API and Finder return them.
function engineIssue(over: { id?: string; cls?: string; severity?: string; file?: string; line?: number; sample?: string; suppressed?: boolean } = {}) {
  const severity = over.severity ?? 'MEDIUM';
  return {
    id: over.id ?? 'SANDBOX_JS_CHECK',
    constructorName: over.cls ?? 'SandboxJSCheck',
    severity: { name: severity, value: ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'].indexOf(severity) },
    confidence: { name: 'FIRM', value: 1 },
    file: over.file ?? 'electron/main/window.ts',
    location: { line: over.line ?? 3, column: 17 },
    sample: over.sample ?? 'const window = new BrowserWindow({ webPreferences: prefs() });',
    description: 'Use sandbox for untrusted origins',
    visibility: { excludesGlobal: [], inlineDisabled: over.suppressed ?? false, globalCheckDisabled: false },
  };
}

const WINDOW_TS = [
  "import { BrowserWindow } from 'electron';",
  '',
  'const window = new BrowserWindow({ webPreferences: prefs() }); // eng-disable SANDBOX_JS_CHECK -- prefs() turns sandbox on, the scanner cannot follow it',
].join('\n');

function verdict(raw: unknown[], files: Record<string, string> = {}, scope: Scope = 'source') {
  const findings = parseIssues(raw, scope);
  const found = Object.entries(files).map(([file, text]) => findDirectives(file, text));
  return assess({ findings, directives: found.flatMap((f) => f.directives), problems: found.flatMap((f) => f.problems), engineErrors: [] });
}

describe('npm run security decides on Electronegativity output', () => {
  it('fails on an unsuppressed MEDIUM finding', () => {
    const result = verdict([engineIssue({ severity: 'MEDIUM' })]);
    expect(result.ok).toBe(false);
    expect(result.findings[0]!.status).toBe('fail');
  });

  it('fails on an unsuppressed HIGH finding', () => {
    expect(verdict([engineIssue({ severity: 'HIGH' })]).ok).toBe(false);
  });

  it('passes LOW and informational findings, and still lists them', () => {
    const result = verdict([engineIssue({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW' }), engineIssue({ severity: 'INFORMATIONAL' })]);
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.status)).toEqual(['below threshold', 'below threshold']);
  });

  it('passes a finding suppressed by an eng-disable with a reason', () => {
    const result = verdict([engineIssue({ suppressed: true })], { 'electron/main/window.ts': WINDOW_TS });
    expect(result.ok).toBe(true);
    expect(result.findings[0]).toMatchObject({ status: 'suppressed', directive: { line: 3, checks: ['SANDBOX_JS_CHECK'] } });
  });

  it('fails an eng-disable without a reason, even though Electronegativity honours it', () => {
    const text = WINDOW_TS.replace(/ -- .*$/, '');
    expect(text).toMatch(/eng-disable SANDBOX_JS_CHECK$/);
    const result = verdict([engineIssue({ suppressed: true })], { 'electron/main/window.ts': text });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'electron/main/window.ts', line: 3, message: expect.stringMatching(/without a reason/) })]);
    expect(result.findings[0]!.status).toBe('fail');
  });

  it.each([
    ['a one-word reason', '/* eng-disable SANDBOX_JS_CHECK -- fine */'],
    ['a block comment with no reason', '/* eng-disable SANDBOX_JS_CHECK */'],
    ['an HTML directive with no reason comment', '<!-- eng-disable CSP_HTML_CHECK -->'],
    ['two directives on one line', '/* eng-disable A -- one two three */ /* eng-disable B -- four five six */'],
  ])('rejects %s', (_name, comment) => {
    const { directives, problems } = findDirectives('renderer/x.tsx', `const a = 1; ${comment}`);
    expect(directives).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('accepts the block, line, JSX and HTML forms, with several checks in one comment', () => {
    const text = [
      'a; /* eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK -- preferences come from a helper function */',
      'b; // eng-disable AUXCLICK_JS_CHECK -- every new window is denied',
      '<div>{/* eng-disable DANGEROUS_FUNCTIONS_JS_CHECK -- constant string, not user input */}</div>',
      '<meta /><!-- eng-disable CSP_HTML_CHECK --><!-- style-src needs inline styles for React -->',
    ].join('\n');
    const { directives, problems } = findDirectives('renderer/x.tsx', text);
    expect(problems).toEqual([]);
    expect(directives.map((d) => [d.line, d.checks, d.reason])).toEqual([
      [1, ['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'], 'preferences come from a helper function'],
      [2, ['AUXCLICK_JS_CHECK'], 'every new window is denied'],
      [3, ['DANGEROUS_FUNCTIONS_JS_CHECK'], 'constant string, not user input'],
      [4, ['CSP_HTML_CHECK'], 'style-src needs inline styles for React'],
    ]);
  });

  it('fails an eng-disable that names no finding on its line, so typos and stale comments surface', () => {
    const typo = WINDOW_TS.replace('eng-disable SANDBOX_JS_CHECK', 'eng-disable SANDBOX_CHECK');
    const result = verdict([engineIssue({ suppressed: false })], { 'electron/main/window.ts': typo });
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/SANDBOX_CHECK suppresses nothing/);
  });

  it('accepts the check class name as Electronegativity does', () => {
    const byClass = WINDOW_TS.replace('eng-disable SANDBOX_JS_CHECK', 'eng-disable SandboxJSCheck');
    expect(verdict([engineIssue({ suppressed: true })], { 'electron/main/window.ts': byClass }).ok).toBe(true);
  });

  it('carries a source suppression to the bundled copy of the same line, and only to it', () => {
    const source = parseIssues([engineIssue({ suppressed: true })], 'source');
    const built = parseIssues([
      engineIssue({ file: 'out/main/index.js', line: 2166, sample: 'const window = new BrowserWindow({' }),
      engineIssue({ id: 'CONTEXT_ISOLATION_JS_CHECK', cls: 'ContextIsolationJSCheck', file: 'out/main/index.js', line: 2166, sample: 'const window = new BrowserWindow({' }),
      engineIssue({ file: 'out/main/index.js', line: 3000, sample: 'const other = new BrowserWindow({' }),
      engineIssue({ file: 'out/main/index.js', line: 3100, sample: 'new B(' }),
    ], 'built');
    const { directives } = findDirectives('electron/main/window.ts', WINDOW_TS);
    const result = assess({ findings: [...source, ...built], directives, problems: [], engineErrors: [] });
    expect(result.findings.filter((f) => f.scope === 'built').map((f) => [f.check, f.line, f.status])).toEqual([
      ['SANDBOX_JS_CHECK', 2166, 'suppressed'],
      ['CONTEXT_ISOLATION_JS_CHECK', 2166, 'fail'],
      ['SANDBOX_JS_CHECK', 3000, 'fail'],
      ['SANDBOX_JS_CHECK', 3100, 'fail'],
    ]);
  });

  it('never trusts a suppression comment inside the built output', () => {
    const built = parseIssues([engineIssue({ file: 'out/main/index.js', suppressed: true })], 'built');
    expect(assess({ findings: built, directives: [], problems: [], engineErrors: [] }).ok).toBe(false);
  });

  it('fails when Electronegativity could not parse a file', () => {
    const engineErrors = parseEngineErrors([{ file: 'renderer/bad.ts', message: 'Unexpected token (1:10)', tolerable: false }]);
    expect(assess({ findings: [], directives: [], problems: [], engineErrors }).ok).toBe(false);
  });

  it('refuses output it does not recognise instead of passing it', () => {
    expect(() => parseIssues([{ id: 'X', severity: 'MEDIUM' }], 'source')).toThrow();
    expect(() => parseIssues({ issues: [] }, 'source')).toThrow();
  });

  it('prints each finding with its location and status, and a one-line verdict last', () => {
    const report = formatReport(verdict([engineIssue({ suppressed: true }), engineIssue({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW', line: 9 })], { 'electron/main/window.ts': WINDOW_TS }));
    expect(report).toMatch(/suppressed\s+source\s+SANDBOX_JS_CHECK\s+MEDIUM\s+FIRM\s+electron\/main\/window\.ts:3\s+eng-disable: prefs\(\)/);
    expect(report).toMatch(/below threshold\s+source\s+CSP_GLOBAL_CHECK\s+LOW/);
    expect(report.split('\n').at(-1)).toMatch(/^security: PASS \(0 unsuppressed at MEDIUM or above, 1 suppressed with a reason, 1 below MEDIUM/);
  });
});
