import { JOURNAL_STUCK } from '../../contract/hub';
import { istDay, msToNextIstDay } from '../journal/days';
import type { JournalQuota } from '../journal/quota';
import { int, iso, isoOrNull } from './rows';
import type { SqlRunner } from './sql';
import type { OverQuota, Terminal } from './types';

const MINUTE = 60_000;

// What the terminal used today (its bytes and rate window), and whether its batches had been failing.
const USED = `select u.bytes, u.window_started_at, u.window_events, h.failing_since
  from (select 1) one
  left join journal_usage u on u.terminal_id = $1 and u.day = $2::date
  left join journal_health h on h.terminal_id = $1`;

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
 * Under the terminal's journal lock, so two processes cannot both let a batch through: whether this
 * batch fits the terminal's quota now. A window that has run out, or a day with nothing kept yet, takes
 * any one batch (the largest is 500 events of 16 KB): a quota set below one batch slows a counter, never stops it.
 */
export async function journalUsage(tx: SqlRunner, terminal: Terminal, now: number, cost: JournalCost, quota: JournalQuota): Promise<Usage> {
  const day = istDay(now);
  const [row] = await tx.query(USED, [terminal.id, day]);
  const used = row?.bytes === null || row?.bytes === undefined ? 0 : int(row.bytes);
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
