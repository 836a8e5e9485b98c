import { JOURNAL_STUCK } from '../../contract/hub';
import { istDay, msToNextIstDay } from '../journal/days';
import type { JournalQuota } from '../journal/quota';
import { int, iso, isoOrNull } from './rows';
import type { SqlRow, SqlRunner } from './sql';
import type { OverQuota, Terminal } from './types';

const MINUTE = 60_000;

/** Columns for the intake's first statement ($1 the terminal, $3 the shop day): what it used today, and whether its batches had been failing. */
export const USAGE_COLUMNS = `
  (select bytes from journal_usage where terminal_id = $1 and day = $3::date) as used_bytes,
  (select window_started_at from journal_usage where terminal_id = $1 and day = $3::date) as window_started_at,
  (select window_events from journal_usage where terminal_id = $1 and day = $3::date) as window_events,
  (select failing_since from journal_health where terminal_id = $1) as failing_since`;

const ADD_USE = `
  insert into journal_usage (terminal_id, day, shop_id, bytes, events, bytes_quota, window_started_at, window_events)
  values ($1, $2::date, $3, $4, $5, $6, $7::timestamptz, $8)
  on conflict (terminal_id, day) do update set bytes = journal_usage.bytes + excluded.bytes, events = journal_usage.events + excluded.events,
    bytes_quota = excluded.bytes_quota, window_started_at = excluded.window_started_at, window_events = excluded.window_events`;

const KEPT_AGAIN = 'update journal_health set failing_since = null, failures = 0, stuck_since = null, last_failure = null where terminal_id = $1';

// One more failed batch: since when it has been failing, and stuck once that went on long enough.
const FAILED = `
  insert into journal_health (terminal_id, shop_id, failing_since, failures, stuck_since, last_failure)
  values ($1, $2, $3::timestamptz, 1, case when 1 >= $5 then $3::timestamptz end, $4)
  on conflict (terminal_id) do update set
    failing_since = coalesce(journal_health.failing_since, excluded.failing_since),
    failures = journal_health.failures + 1,
    last_failure = excluded.last_failure,
    stuck_since = coalesce(journal_health.stuck_since, case
      when journal_health.failures + 1 >= $5 or excluded.failing_since - coalesce(journal_health.failing_since, excluded.failing_since) >= $6 * interval '1 millisecond'
      then coalesce(journal_health.failing_since, excluded.failing_since) end)`;

export interface JournalCost {
  /** Events the batch brings that the hub does not hold (a batch of repeats costs one). */
  events: number;
  bytes: number;
}

export interface Usage {
  /** Null when the batch fits; else why it does not, and when to come back. */
  over: OverQuota | null;
  /** Writes what the batch used once it is kept; clears a failing record. */
  record(): Promise<void>;
}

/**
 * Read under the terminal's journal lock (USAGE_COLUMNS), so two processes cannot both let a batch through: whether this
 * batch fits the terminal's quota now. A window that has run out, or a day with nothing kept yet, takes
 * any one batch (the largest is 500 events of 16 KB): a quota set below one batch slows a counter, never stops it.
 */
export function journalUsage(tx: SqlRunner, row: SqlRow | undefined, terminal: Terminal, now: number, cost: JournalCost, quota: JournalQuota): Usage {
  const day = istDay(now);
  const used = row?.used_bytes === null || row?.used_bytes === undefined ? 0 : int(row.used_bytes);
  const windowStart = isoOrNull(row?.window_started_at);
  const open = windowStart !== null && now - Date.parse(windowStart) < MINUTE;
  const windowEvents = open ? int(row?.window_events) : 0;
  let over: OverQuota | null = null;
  if (open && windowEvents + cost.events > quota.eventsPerMinute) over = { kind: 'over_quota', over: 'events_per_minute', retryAfterMs: Date.parse(windowStart) + MINUTE - now };
  else if (used > 0 && used + cost.bytes > quota.bytesPerDay) over = { kind: 'over_quota', over: 'bytes_per_day', retryAfterMs: msToNextIstDay(now) };
  return {
    over,
    record: async () => {
      const start = open ? windowStart : iso(now);
      await tx.query(ADD_USE, [terminal.id, day, terminal.shopId, cost.bytes, cost.events, quota.bytesPerDay, start, windowEvents + cost.events]);
      if (row?.failing_since) await tx.query(KEPT_AGAIN, [terminal.id]);
    },
  };
}

/** A batch the hub failed to keep (its own fault, a 5xx): counted toward the owner's "this counter's journal is stuck". */
export async function noteJournalFailure(tx: SqlRunner, terminal: Terminal, now: number, reason: string): Promise<void> {
  await tx.query(FAILED, [terminal.id, terminal.shopId, iso(now), reason.slice(0, 200), JOURNAL_STUCK.failures, JOURNAL_STUCK.afterMs]);
}
