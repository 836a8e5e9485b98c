import { join } from 'node:path';
import { systemCode } from './errors';
import { nodeFiles, type JournalFiles } from './files';
import type { JournalEvent } from './types';

export interface ReadResult {
  events: JournalEvent[];
  /** Lines or files that could not be read: a torn last line after a power cut, damage in the middle, a file or folder Counter may not open. */
  warnings: string[];
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

function isEvent(value: unknown): value is JournalEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'number' && typeof e.type === 'string' && typeof e.at === 'string' && typeof e.data === 'object' && e.data !== null;
}

/** One line's event, or null when the line is damaged or not an event. */
export function parseLine(line: string): JournalEvent | null | 'damaged' {
  try {
    const value: unknown = JSON.parse(line);
    return isEvent(value) ? value : null;
  } catch {
    return 'damaged';
  }
}

/** Parses one day's text. Never writes: reading a journal must not change it. */
export function parseJournalText(text: string, label: string): ReadResult {
  const events: JournalEvent[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  const torn = lines.pop();
  if (torn) warnings.push(`${label}: the last line is incomplete (the app stopped mid-write); it was skipped.`);
  lines.forEach((line, index) => {
    if (line === '') return;
    const event = parseLine(line);
    if (event === 'damaged') warnings.push(`${label}: line ${index + 1} is damaged; skipped.`);
    else if (event === null) warnings.push(`${label}: line ${index + 1} is not a journal event; skipped.`);
    else events.push(event);
  });
  return { events, warnings };
}

/** The days that have a journal file, oldest first. No folder yet is no days; a folder that cannot be read throws. */
export async function dayNames(dir: string, files: JournalFiles = nodeFiles): Promise<string[]> {
  let names: string[];
  try {
    names = await files.readdir(dir);
  } catch (error) {
    if (systemCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names.map((n) => DAY_FILE.exec(n)?.[1]).filter((d): d is string => d !== undefined).sort();
}

/** Like dayNames, but a folder that cannot be read is a warning, never a throw. */
export async function listDays(dir: string, files: JournalFiles = nodeFiles): Promise<{ days: string[]; warnings: string[] }> {
  try {
    return { days: await dayNames(dir, files), warnings: [] };
  } catch (error) {
    return { days: [], warnings: [`The journal folder could not be read (${systemCode(error) ?? 'error'}); no events are shown.`] };
  }
}

/** A day file's bytes, or a warning saying why it could not be read (a missing file is simply an empty day). */
export async function readDayBytes(dir: string, day: string, files: JournalFiles = nodeFiles): Promise<{ bytes: Buffer; warnings: string[] }> {
  try {
    return { bytes: await files.readFile(join(dir, `${day}.jsonl`)), warnings: [] };
  } catch (error) {
    const code = systemCode(error);
    if (code === 'ENOENT') return { bytes: Buffer.alloc(0), warnings: [] };
    return { bytes: Buffer.alloc(0), warnings: [`${day}: the day file could not be read (${code ?? 'error'}); its events are not shown.`] };
  }
}

export async function readDay(dir: string, day: string, files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const { bytes, warnings } = await readDayBytes(dir, day, files);
  const parsed = parseJournalText(bytes.toString('utf8'), day);
  return { events: parsed.events, warnings: [...warnings, ...parsed.warnings] };
}

/** These days' files, in the order given. */
export async function readDays(dir: string, days: readonly string[], files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const result: ReadResult = { events: [], warnings: [] };
  for (const day of days) {
    const part = await readDay(dir, day, files);
    for (const event of part.events) result.events.push(event);
    result.warnings.push(...part.warnings);
  }
  return result;
}

/** Every day file from `fromDay` to `toDay` inclusive (YYYY-MM-DD), in order. */
export async function readRange(dir: string, fromDay: string, toDay: string, files: JournalFiles = nodeFiles): Promise<ReadResult> {
  const listing = await listDays(dir, files);
  const read = await readDays(dir, listing.days.filter((d) => d >= fromDay && d <= toDay), files);
  return { events: read.events, warnings: [...listing.warnings, ...read.warnings] };
}
