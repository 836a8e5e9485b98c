import type { JournalEvent } from '../../contract/journal';

/** What a NUL becomes on its way to the hub: the replacement character, as a text decoder shows bad bytes. */
const REPLACEMENT = '\uFFFD';

const clean = (value: unknown): unknown => {
  if (typeof value === 'string') return value.replaceAll('\u0000', REPLACEMENT);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, v]) => [clean(key) as string, clean(v)]));
  return value;
};

/**
 * The event as the hub can keep it. PostgreSQL's jsonb holds no NUL, so the hub refuses a batch with
 * one, and the batch would be refused on every retry: one BOS message with a NUL in it would stop this
 * counter's journal reaching the hub for good. The local journal keeps the line as written.
 */
export function storable(event: JournalEvent): JournalEvent {
  // JSON writes a NUL as \u0000: without one (nearly always) the event goes as it is.
  if (!JSON.stringify(event).includes('\\u0000')) return event;
  return clean(event) as JournalEvent;
}

/** Longest text a stand-in keeps from the event's data: a sale id, a state, a UTR; not BOS's prose. */
const STAND_IN_TEXT = 128;
const STAND_IN_KEY = 64;

const short = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
  (typeof value === 'string' && value.length <= STAND_IN_TEXT && !value.includes('\u0000'));

/**
 * What goes to the hub in place of an event it refused on its own (data over its size limit or nested
 * too deep, a time it cannot keep, a rule this counter does not know), so that one line cannot stop the
 * rest of the journal reaching it: the event's id, type and role, its short top-level values (sale id,
 * amount, state: what the owner's totals are made of) and, under `notKept`, why and what was left out.
 * `at` replaces a time the hub refused; the original goes under `notKept.at`. The counter's own
 * journal keeps the whole line.
 */
export function standIn(event: JournalEvent, reason: string, at?: string): JournalEvent {
  const data: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    if (short(value) && key.length <= STAND_IN_KEY && !key.includes('\u0000')) data[key] = value;
    else if (fields.length < 50) fields.push(key.slice(0, STAND_IN_KEY).replaceAll('\u0000', REPLACEMENT));
  }
  data.notKept = { reason: reason.slice(0, 300).replaceAll('\u0000', REPLACEMENT), fields, ...(at ? { at: String(event.at).slice(0, 40) } : {}) };
  return { ...event, ...(at ? { at } : {}), data };
}
