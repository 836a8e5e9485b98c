import { localDay, shiftDay } from '../../contract/days';
import { nodeFiles, type JournalFiles } from './files';
import { listDays, readDays, type ReadResult } from './read';

/** How long a sale left open by a crash stays on the counter to be answered, and so how long after its day an answer may come. */
export const RESTORE_WINDOW_DAYS = 7;

/**
 * The day files that hold what was written last, whatever this PC's clock says now: the newest
 * `windowDays + 1` files by name (after a clock went back, these are the "future" ones) and every
 * file dated in the window ending today (where the clock now writes). Oldest name first.
 */
export function recentDays(days: readonly string[], today: string, windowDays: number = RESTORE_WINDOW_DAYS): string[] {
  const from = shiftDay(today, -windowDays);
  const sorted = [...days].sort();
  const newest = new Set(sorted.slice(-(windowDays + 1)));
  return sorted.filter((day) => newest.has(day) || (day >= from && day <= today));
}

/**
 * The events of the recent day files (see recentDays), in the order they were written: by id,
 * which rises across days, restarts and clock changes, where file names follow the clock.
 */
export async function readRecent(dir: string, now: Date, windowDays: number = RESTORE_WINDOW_DAYS, files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const listing = await listDays(dir, files);
  const read = await readDays(dir, recentDays(listing.days, localDay(now), windowDays), files);
  read.events.sort((a, b) => a.id - b.id);
  return { events: read.events, warnings: [...listing.warnings, ...read.warnings] };
}
