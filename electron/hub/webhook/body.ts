import { object, type Fields } from './fields';

export type BodyReading = { ok: true; value: Fields } | { ok: false; reason: string };

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const MAX_DEPTH = 6;
const SAFE_KEY = /^[A-Za-z0-9_$-]{1,64}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
// Fields a form-encoded webhook may carry its whole JSON in, tried in this order before any other field.
const JSON_CARRIERS = ['payload', 'data', 'json', 'body', 'webhook', 'response', 'message'];

const fail = (reason: string): BodyReading => ({ ok: false, reason });

/** `param[refid]`, `param.refid` and `payload[payment][entity][id]` become nested objects. */
function setPath(root: Fields, key: string, value: string): string | null {
  const path = key.split(/[[\].]+/).filter(Boolean);
  if (path.length === 0 || path.length > MAX_DEPTH) return `form field "${key.slice(0, 40)}" has no usable name`;
  if (path.some((p) => !SAFE_KEY.test(p) || FORBIDDEN.has(p))) return `form field "${key.slice(0, 40)}" has a name the hub does not take`;
  let node = root;
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1;
    const existing = Object.hasOwn(node, part) ? node[part] : undefined;
    if (last) {
      if (existing !== undefined && existing !== value) return `form field "${key.slice(0, 40)}" is given twice with different values`;
      node[part] = value;
      return null;
    }
    if (existing === undefined) node[part] = Object.create(null) as Fields;
    else if (typeof existing !== 'object') return `form field "${key.slice(0, 40)}" is both a value and a group`;
    node = node[part] as Fields;
  }
  return null;
}

/**
 * A form body, as BOS may send it ("encoded" webhooks): either one field carrying the JSON
 * (`payload=<json>`), or the fields themselves, flat (`event=UPIQR_SUCCESS&refid=…`) or bracketed
 * (`event=…&param[refid]=…`). A field given twice with two values is refused: which would be the amount?
 */
export function readForm(text: string): BodyReading {
  const root = Object.create(null) as Fields;
  for (const [key, value] of new URLSearchParams(text)) {
    const problem = setPath(root, key, value);
    if (problem) return fail(problem);
  }
  const keys = Object.keys(root);
  if (keys.length === 0) return fail('the form body has no fields');
  if (!Object.hasOwn(root, 'event')) {
    const carriers = [...JSON_CARRIERS.filter((k) => keys.includes(k)), ...keys.filter((k) => !JSON_CARRIERS.includes(k))];
    for (const key of carriers) {
      const inner = object(root[key]);
      if (inner && Object.hasOwn(inner, 'event')) return { ok: true, value: inner };
    }
  }
  return { ok: true, value: root };
}

/** The body as an object: JSON, or a form by its content type (or by its look when the type says neither). */
export function readWebhookBody(raw: Uint8Array, contentType: string | null): BodyReading {
  if (raw.length === 0) return fail('the body is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw).replace(/^\uFEFF/, '');
  } catch {
    return fail('the body is not UTF-8 text');
  }
  const trimmed = text.trim();
  if (contentType && FORM_TYPE.test(contentType)) return readForm(trimmed);
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return fail('the body is not valid JSON');
    }
    const value = object(parsed);
    return value ? { ok: true, value } : fail('the JSON body is not an object');
  }
  if (/^[^=&\s]+=/.test(trimmed)) return readForm(trimmed);
  return fail('the body is neither JSON nor a form');
}
