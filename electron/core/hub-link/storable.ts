import { MAX_LINE_PAISE } from '../../contract/hub';
import type { JournalEvent } from '../../contract/journal';

/** What a NUL or half a surrogate pair becomes on its way to the hub: the replacement character, as a text decoder shows bad bytes. */
const REPLACEMENT = '\uFFFD';

// PostgreSQL keeps neither a NUL nor half of a UTF-16 surrogate pair (text that is not Unicode).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// How those look once JSON has written them: `\u0000`, and a lone surrogate as `\ud800` (a whole pair stays as it is).
const UNSTORABLE_IN_JSON = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

const storableText = (text: string): string => text.replaceAll('\u0000', REPLACEMENT).replace(LONE_SURROGATE, REPLACEMENT);
const isStorableText = (text: string): boolean => text === storableText(text);

const clean = (value: unknown): unknown => {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, v]) => [storableText(key), clean(v)]));
  return value;
};

/**
 * The event as the hub can keep it. PostgreSQL's jsonb holds no NUL and no half surrogate pair, so the
 * hub refuses a batch with one, and the batch would be refused on every retry: one BOS message with such
 * text in it would stop this counter's journal reaching the hub for good. The local journal keeps the line as written.
 */
export function storable(event: JournalEvent): JournalEvent {
  // Without such text (nearly always) the event goes as it is.
  if (!UNSTORABLE_IN_JSON.test(JSON.stringify(event))) return event;
  return clean(event) as JournalEvent;
}

/** Longest text a stand-in keeps from the event's data: a sale id, a state, a UTR; not BOS's prose. */
const STAND_IN_TEXT = 128;
const STAND_IN_KEY = 64;

/** A value the hub takes as it is: short, storable text, and an amount (`…Paise`) only in the range the hub counts. */
function short(key: string, value: unknown): boolean {
  if (key.endsWith('Paise')) return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_LINE_PAISE;
  return (
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'string' && value.length <= STAND_IN_TEXT && isStorableText(value))
  );
}

/**
 * What goes to the hub in place of an event it refused on its own (data over its size limit or nested
 * too deep, a time it cannot keep, an amount out of its range, a rule this counter does not know), so
 * that one line cannot stop the rest of the journal reaching it: the event's id, type and role, its
 * short top-level values (sale id, amount, state: what the owner's totals are made of) and, under
 * `notKept`, why and what was left out. `at` replaces a time the hub refused; the original goes under
 * `notKept.at`. The counter's own journal keeps the whole line.
 */
export function standIn(event: JournalEvent, reason: string, at?: string): JournalEvent {
  const data: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    if (short(key, value) && key.length <= STAND_IN_KEY && isStorableText(key)) data[key] = value;
    else if (fields.length < 50) fields.push(storableText(key.slice(0, STAND_IN_KEY)));
  }
  data.notKept = { reason: storableText(reason.slice(0, 300)), fields, ...(at ? { at: storableText(String(event.at).slice(0, 40)) } : {}) };
  return { ...event, ...(at ? { at } : {}), data };
}
