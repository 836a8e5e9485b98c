import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEvent } from './types';

export interface ReadResult {
  events: JournalEvent[];
  /** Lines that could not be read: a torn last line after a power cut, or damage in the middle. */
  warnings: string[];
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

function isEvent(value: unknown): value is JournalEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'number' && typeof e.type === 'string' && typeof e.at === 'string' && typeof e.data === 'object' && e.data !== null;
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
    try {
      const value: unknown = JSON.parse(line);
      if (isEvent(value)) events.push(value);
      else warnings.push(`${label}: line ${index + 1} is not a journal event; skipped.`);
    } catch {
      warnings.push(`${label}: line ${index + 1} is damaged; skipped.`);
    }
  });
  return { events, warnings };
}

export async function readDay(dir: string, day: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(join(dir, `${day}.jsonl`), 'utf8');
  } catch {
    return { events: [], warnings: [] };
  }
  return parseJournalText(text, day);
}

/** Every day file from `fromDay` to `toDay` inclusive (YYYY-MM-DD), in order. */
export async function readRange(dir: string, fromDay: string, toDay: string): Promise<ReadResult> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { events: [], warnings: [] };
  }
  const days = names.map((n) => DAY_FILE.exec(n)?.[1]).filter((d): d is string => Boolean(d) && d! >= fromDay && d! <= toDay).sort();
  const result: ReadResult = { events: [], warnings: [] };
  for (const day of days) {
    const part = await readDay(dir, day);
    result.events.push(...part.events);
    result.warnings.push(...part.warnings);
  }
  return result;
}
