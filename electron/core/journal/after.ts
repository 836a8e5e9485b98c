import { localDay } from '../../contract/days';
import { nodeFiles, type JournalFiles } from './files';
import { listDays, readDays, type ReadResult } from './read';
import { readRecent, recentDays } from './recent';
import type { JournalEvent } from './types';

/**
 * Every event with an id above `lastId`, in id order: what a counter still has to send to its hub.
 * Reads the recent files (whatever their dates, as restore does), then older ones only while they
 * still hold newer ids, so a counter offline for a day reads a day or two, never the whole year.
 */
export async function readAfter(dir: string, lastId: number, now: Date, files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const listing = await listDays(dir, files);
  const days = [...listing.days].sort();
  const recent = new Set(recentDays(days, localDay(now)));
  const result = await readDays(dir, [...recent], files);
  const events: JournalEvent[] = result.events.filter((e) => e.id > lastId);
  const warnings = [...listing.warnings, ...result.warnings];
  // Older than the recent files: walk back while a file still has something the hub lacks.
  for (let i = days.length - 1; i >= 0; i -= 1) {
    const day = days[i]!;
    if (recent.has(day)) continue;
    const part = await readDays(dir, [day], files);
    warnings.push(...part.warnings);
    const newer = part.events.filter((e) => e.id > lastId);
    if (newer.length === 0) break;
    events.push(...newer);
  }
  events.sort((a, b) => a.id - b.id);
  return { events, warnings };
}

/** What the hub lacks of this counter: everything after its last id, or, for a hub that holds none of ours yet, the restore window. */
export async function eventsForHub(dir: string, lastId: number | null, now: Date = new Date()): Promise<JournalEvent[]> {
  return (lastId === null ? await readRecent(dir, now) : await readAfter(dir, lastId, now)).events;
}
