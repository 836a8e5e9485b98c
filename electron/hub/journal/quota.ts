/**
 * What one terminal's journal may cost the hub: events a minute and bytes a shop day (IST). A busy
 * counter writes about 2,000 lines a day of under 1 KB; catching up after a month offline it sends some
 * 60,000 lines, about 60 MB. A stolen credential sending full batches (500 × 16 KB) without end would
 * otherwise fill a partner's shared database at over 100 GB an hour.
 */
export interface JournalQuota {
  eventsPerMinute: number;
  bytesPerDay: number;
}

export const DEFAULT_JOURNAL_QUOTA: JournalQuota = { eventsPerMinute: 5_000, bytesPerDay: 64 * 1024 * 1024 };

function positive(name: string, given: string | null, fallback: number): number {
  if (given === null || given.trim() === '') return fallback;
  const value = Number(given);
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number above 0, not "${given}".`);
  return value;
}

/** The quota as the command line was given it (HUB_JOURNAL_EVENTS_PER_MINUTE, HUB_JOURNAL_BYTES_PER_DAY), each missing one at its default; a value that is no positive whole number stops the hub's start. */
export function journalQuotaOf(given: { eventsPerMinute: string | null; bytesPerDay: string | null }): JournalQuota {
  return {
    eventsPerMinute: positive('HUB_JOURNAL_EVENTS_PER_MINUTE', given.eventsPerMinute, DEFAULT_JOURNAL_QUOTA.eventsPerMinute),
    bytesPerDay: positive('HUB_JOURNAL_BYTES_PER_DAY', given.bytesPerDay, DEFAULT_JOURNAL_QUOTA.bytesPerDay),
  };
}
