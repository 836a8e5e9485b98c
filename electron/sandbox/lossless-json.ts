/**
 * A small JSON reader that keeps every number as its exact source text, so a
 * 19-digit reference id is seen digit for digit (JSON.parse would round it).
 */
export class JsonNumber {
  constructor(readonly raw: string) {}
}

export type LosslessValue = null | boolean | string | JsonNumber | LosslessValue[] | { [key: string]: LosslessValue };

export function parseLossless(text: string): LosslessValue {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`Invalid JSON at ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const value = (): LosslessValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      const obj: { [key: string]: LosslessValue } = Object.create(null);
      ws();
      if (text[i] === '}') { i += 1; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        obj[key] = value();
        ws();
        if (text[i] === ',') { i += 1; continue; }
        if (text[i] === '}') { i += 1; return obj; }
        fail();
      }
    }
    if (c === '[') {
      i += 1;
      const arr: LosslessValue[] = [];
      ws();
      if (text[i] === ']') { i += 1; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') { i += 1; continue; }
        if (text[i] === ']') { i += 1; return arr; }
        fail();
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) return fail();
    i += match[0].length;
    return new JsonNumber(match[0]);
  };
  const string = (): string => {
    // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
    const match = /^"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"/.exec(text.slice(i));
    if (!match) return fail();
    i += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const result = value();
  ws();
  if (i !== text.length) fail();
  return result;
}
