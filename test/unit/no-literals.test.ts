import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word the renderer shows comes from the i18n tables (renderer/src/i18n), so switching the
 * language switches all of it. This walks every renderer .tsx with the TypeScript parser and
 * fails on words written straight into the markup: JSX text, string values of the attributes a
 * person reads or hears, and strings given as JSX children. Punctuation, symbols and digits
 * ('·', '₹', '✓', '…', '00') are not words and are allowed.
 */

const RENDERER_SRC = join(process.cwd(), 'renderer', 'src');
/** Attributes whose value a person reads or a screen reader speaks. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** A letter in any script: Latin, Devanagari, … (digits, punctuation and symbols are not letters). */
const LETTER = /\p{L}/u;
/** HTML entities in JSX text (&nbsp;, &#8377;) name characters, not words. */
const ENTITY = /&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/gi;

export interface Offence {
  file: string;
  line: number;
  kind: 'jsx-text' | 'attribute' | 'child';
  text: string;
}

const hasWords = (text: string) => LETTER.test(text.replace(ENTITY, ' '));

/** The string texts an expression evaluates to directly: a literal, either branch of ?:, the sides of || ?? &&, a template's fixed parts. */
function literalTexts(expression: ts.Expression): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) return literalTexts(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...literalTexts(expression.left), ...literalTexts(expression.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(expression.right);
  }
  return [];
}

/** The words written into one .tsx file's markup. */
export function findLiterals(fileName: string, source: string): Offence[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const offences: Offence[] = [];
  const report = (node: ts.Node, kind: Offence['kind'], text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    offences.push({ file: fileName, line, kind, text: text.trim().replace(/\s+/g, ' ') });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, 'jsx-text', node.text);

    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      const texts = ts.isStringLiteral(init) ? [init.text] : ts.isJsxExpression(init) && init.expression ? literalTexts(init.expression) : [];
      for (const text of texts) if (hasWords(text)) report(node, 'attribute', `${node.name.getText(file)}=${JSON.stringify(text)}`);
    }

    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalTexts(node.expression)) if (hasWords(text)) report(node, 'child', `{${JSON.stringify(text)}}`);
    }

    ts.forEachChild(node, visit);
  };
  visit(file);
  return offences;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.tsx'))
    .map((name) => join(dir, name))
    .sort();
}

describe('no words written straight into the renderer markup', () => {
  it('the scanner finds each kind of literal and lets symbols through', () => {
    const sample = [
      'export const A = () => (',
      '  <div title="Close" aria-label={\'बंद करें\'} placeholder={busy ? \'Wait\' : t.x} alt="₹">',
      '    Paid',
      '    {\'Paid\'}',
      '    {busy && \'Sending…\'}',
      '    {`Total ${n}`}',
      '    · ₹ ✓ … 00 &nbsp; {\'·\'} {\' \'} {t.sell.paid} {\'✓\'}',
      '    <X label={t.a} data-x="free text is fine here" />',
      '    भुगतान',
      '  </div>',
      ');',
    ].join('\n');
    const found = findLiterals('sample.tsx', sample).map(({ line, kind, text }) => `${line} ${kind} ${text}`);
    expect(found).toEqual([
      '2 attribute title="Close"',
      '2 attribute aria-label="बंद करें"',
      '2 attribute placeholder="Wait"',
      '3 jsx-text Paid',
      '4 child {"Paid"}',
      '5 child {"Sending…"}',
      '6 child {"Total "}',
      '9 jsx-text भुगतान',
    ]);
  });

  it('every renderer .tsx takes its words from the i18n tables', () => {
    const files = tsxFiles(RENDERER_SRC);
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((path) => findLiterals(relative(process.cwd(), path), readFileSync(path, 'utf8')));
    const lines = offences.map(({ file, line, kind, text }) => `${file}:${line} ${kind}: ${text}`);
    expect(lines, `words written into the markup; move them to renderer/src/i18n/en.ts and hi.ts:\n${lines.join('\n')}`).toEqual([]);
  });
});
