import { JOURNAL_BATCH, MAX_LINE_PAISE, type JournalBatch, type SaleStateTotals } from '../../contract/hub';
import { isRealDay } from './days';
import { saleIdOf } from './fold';

export const MAX_BATCH_EVENTS = JOURNAL_BATCH.maxEvents;
export const MAX_DATA_BYTES = 16 * 1024;
export const MAX_REPORTED_DAYS = JOURNAL_BATCH.maxReportedDays;
/** Deeper than this is no counter's journal, and walking it must not exhaust the stack. */
const MAX_DEPTH = 32;
/** A sale id is an index key (btree entries have a size limit) and a URL-sized reference. */
const MAX_SALE_ID = 128;
// Instants PostgreSQL's timestamptz and JavaScript's Date both hold, with room for a PC clock set wrong.
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T00:00:00Z');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** An event's id, time, day, role and keys as the hub stores them beside its data, roughly. */
const ENVELOPE_BYTES = 64;
const SECRET_WORDS = new Set(['otp', 'token', 'pin', 'password', 'secret', 'authorization']);

/** An event as the hub keeps it: checked, its time normalised, keys that could hold a secret dropped. */
export interface IntakeEvent {
  id: number;
  type: string;
  role: string;
  atMs: number;
  /** ISO 8601, as stored and folded. */
  at: string;
  saleId: string | null;
  data: Record<string, unknown>;
  /** What keeping it costs, for the terminal's quota: its data as sent (JSON, UTF-8) and its envelope. */
  bytes: number;
}

export interface IntakeReport {
  day: string;
  sales: SaleStateTotals;
}

export type IntakeBatch = { ok: true; events: IntakeEvent[]; reported: IntakeReport[] } | { ok: false; reason: string };

// A journal uses a few dozen keys over and over: each is judged once (the memo is bounded against junk keys).
const judged = new Map<string, boolean>();
const JUDGED_MAX = 10_000;

/** A key is a secret's when one of its words is (camelCase, snake_case, kebab-case): `otp`, `bosToken`, `owner_pin`. */
export function isSecretKey(key: string): boolean {
  const known = judged.get(key);
  if (known !== undefined) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
  const secret = words.some((w) => SECRET_WORDS.has(w.toLowerCase()));
  if (judged.size >= JUDGED_MAX) judged.clear();
  judged.set(key, secret);
  return secret;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Half of a UTF-16 surrogate pair without its other half: JSON can carry it (as \ud800), PostgreSQL's
// jsonb refuses it, and a text column would silently keep U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL (jsonb, text) cannot keep this text as it is, or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'data holds a NUL character';
  if (LONE_SURROGATE.test(text)) return 'data holds half of a UTF-16 surrogate pair (text that is not Unicode)';
  return null;
}

/** A copy without secret-named keys at any depth; throws a reason for what PostgreSQL's jsonb or the hub cannot keep. */
function cleaned(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error(`data is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof value === 'string') {
    const why = unstorableText(value);
    if (why) throw new Error(why);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => cleaned(v, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const why = unstorableText(key);
      if (why) throw new Error(why.replace('data holds', 'a key holds'));
      if (!isSecretKey(key)) out[key] = cleaned(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** What the owner's totals are made of: every top-level `…Paise` is whole paise from 0 to the highest cap. */
function checkAmounts(data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (!key.endsWith('Paise')) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_LINE_PAISE) {
      throw new Error(`the amount ${key} is not whole paise from 0 to ${MAX_LINE_PAISE}`);
    }
  }
}

function checkEvent(raw: JournalBatch['events'][number]): IntakeEvent {
  if (!ISO_INSTANT.test(raw.at)) throw new Error('at is not an ISO 8601 time with its zone');
  const atMs = Date.parse(raw.at);
  if (!Number.isFinite(atMs) || atMs < EARLIEST || atMs > LATEST) throw new Error('at is not a time the hub can keep');
  if (!isPlainObject(raw.data)) throw new Error('data is not an object');
  const data = cleaned(raw.data, 0) as Record<string, unknown>;
  const dataBytes = Buffer.byteLength(JSON.stringify(raw.data), 'utf8');
  if (dataBytes > MAX_DATA_BYTES) throw new Error(`data is over ${MAX_DATA_BYTES} bytes`);
  const saleId = saleIdOf(raw.type, data);
  if (saleId !== null && saleId.length > MAX_SALE_ID) throw new Error(`saleId is over ${MAX_SALE_ID} characters`);
  // Amounts are whole paise, as the counter writes them; anything else would fold into a wrong total (text as 0, two huge ones inexact).
  checkAmounts(data);
  const bytes = dataBytes + ENVELOPE_BYTES + raw.type.length + (saleId?.length ?? 0);
  return { id: raw.id, type: raw.type, role: raw.role, atMs, at: new Date(atMs).toISOString(), saleId, data, bytes };
}

/**
 * Checks a batch the route's schema has passed (shapes and types) for what a schema cannot say: ids
 * rising, a real time, data small, flat enough and storable, amounts whole. One bad event refuses all.
 */
export function checkBatch(batch: JournalBatch): IntakeBatch {
  const events: IntakeEvent[] = [];
  let previous = 0;
  for (const [index, raw] of batch.events.entries()) {
    if (raw.id <= previous) return { ok: false, reason: `event ${index} (id ${raw.id}): ids must rise through the batch` };
    previous = raw.id;
    try {
      events.push(checkEvent(raw));
    } catch (error) {
      return { ok: false, reason: `event ${index} (id ${raw.id}): ${(error as Error).message}` };
    }
  }
  const reported: IntakeReport[] = [];
  const days = new Set<string>();
  for (const r of batch.reported ?? []) {
    if (!isRealDay(r.day)) return { ok: false, reason: `reported day ${r.day} is not a date` };
    if (days.has(r.day)) return { ok: false, reason: `reported day ${r.day} is given twice` };
    days.add(r.day);
    reported.push({ day: r.day, sales: r.sales });
  }
  return { ok: true, events, reported };
}
