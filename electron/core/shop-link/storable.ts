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
