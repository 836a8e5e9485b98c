import { localDay, shiftDay } from '../../contract/days';
import { foldSales, isSettled } from './fold';
import { nodeFiles, type JournalFiles } from './files';
import { listDays, parseLine, readDayBytes, readDays, type ReadResult } from './read';
import { RESTORE_WINDOW_DAYS } from './recent';
import type { JournalEvent } from './types';

/** Local days, YYYY-MM-DD, both ends included. */
export interface DaySpan {
  from: string;
  to: string;
}

export function inSpan(at: string, span: DaySpan): boolean {
  const day = localDay(new Date(at));
  return day >= span.from && day <= span.to;
}

const NEWLINE = 0x0a;
const SALE_ID = Buffer.from('"saleId":"');
/** Above this many open sales one pass over every "saleId" beats a search for each. */
const SEARCH_EACH_UP_TO = 16;

/** Where each line that may name one of the sales starts, found in the bytes without decoding the file. */
function candidateLines(bytes: Buffer, saleIds: ReadonlySet<string>): number[] {
  const starts = new Set<number>();
  const lineStart = (at: number) => bytes.lastIndexOf(NEWLINE, at) + 1;
  if (saleIds.size <= SEARCH_EACH_UP_TO) {
    for (const saleId of saleIds) {
      const named = Buffer.from(`"saleId":${JSON.stringify(saleId)}`);
      for (let at = bytes.indexOf(named); at >= 0; at = bytes.indexOf(named, at + named.length)) starts.add(lineStart(at));
    }
  } else {
    for (let at = bytes.indexOf(SALE_ID); at >= 0; at = bytes.indexOf(SALE_ID, at + 1)) {
      const from = at + SALE_ID.length;
      if (saleIds.has(bytes.toString('utf8', from, bytes.indexOf(0x22, from)))) starts.add(lineStart(at));
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * The events of one day file that belong to these sales, in file order. Every "saleId" on a line
 * is tried (a nested one cannot hide the line's own); each line found is then parsed and checked.
 */
function linesNaming(bytes: Buffer, saleIds: ReadonlySet<string>): JournalEvent[] {
  const found: JournalEvent[] = [];
  for (const start of candidateLines(bytes, saleIds)) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) break; // a torn last line
    const event = parseLine(bytes.toString('utf8', start, end));
    if (event && event !== 'damaged' && typeof event.data.saleId === 'string' && saleIds.has(event.data.saleId)) found.push(event);
  }
  return found;
}

/**
 * What History needs for a span: the span's files with a day either side (a sale rung up at 23:59
 * and paid at 00:01, or a PC whose time zone changed), then, only for the span's sales still open
 * or expired there, their later lines from the files up to the restore window after it: a sale
 * left open by a crash may be answered days later, and belongs to the day it was rung up. Later
 * files are read only until every such sale is settled: none at all when the span's sales are.
 */
export async function readSpan(dir: string, span: DaySpan, files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const listing = await listDays(dir, files);
  const from = shiftDay(span.from, -1);
  const to = shiftDay(span.to, 1);
  const read = await readDays(dir, listing.days.filter((d) => d >= from && d <= to), files);
  read.warnings.unshift(...listing.warnings);

  // As at start-up (recentDays): the files dated in the window after the span, and the next files
  // whatever their dates, since a sale stays open on the counter while its file is among the newest.
  const last = shiftDay(span.to, RESTORE_WINDOW_DAYS);
  const later = listing.days.filter((d) => d > span.to).filter((d, i) => d > to && (d <= last || i <= RESTORE_WINDOW_DAYS));
  if (later.length === 0) return read;
  const open = new Set<string>();
  for (const sale of foldSales(read.events).values()) {
    if (sale.requested && !isSettled(sale) && inSpan(sale.requestedAt, span)) open.add(sale.saleId);
  }
  const ownLines = read.events.filter((e) => open.has(e.data.saleId as string));
  // Most are answered at the next start, in the first later file: stop once every one is settled.
  for (const day of later) {
    if (open.size === 0) break;
    const { bytes, warnings } = await readDayBytes(dir, day, files);
    read.warnings.push(...warnings);
    const found = linesNaming(bytes, open);
    for (const event of found) read.events.push(event);
    ownLines.push(...found);
    for (const sale of foldSales(ownLines).values()) if (isSettled(sale)) open.delete(sale.saleId);
  }
  return read;
}

