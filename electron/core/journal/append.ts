import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal, JournalEvent, JournalEventType } from './types';

export interface FileJournalOptions {
  dir: string;
  terminal: () => string;
  now?: () => Date;
}

/** Local calendar day of the PC, YYYY-MM-DD: one file a day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Append-only JSON lines, one file per local day, fsync'd before append resolves.
 * Appends are serialised so lines never interleave and ids stay in file order.
 */
export function createFileJournal(options: FileJournalOptions): Journal {
  const now = options.now ?? (() => new Date());
  let nextId = Date.now() * 1000;
  let file: { day: string; handle: FileHandle } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function handleFor(day: string): Promise<FileHandle> {
    if (file?.day === day) return file.handle;
    await file?.handle.close();
    await mkdir(options.dir, { recursive: true });
    file = { day, handle: await open(join(options.dir, `${day}.jsonl`), 'a', 0o600) };
    return file.handle;
  }

  function append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent> {
    const write = async () => {
      const at = now();
      nextId = Math.max(nextId + 1, Date.now() * 1000);
      const event: JournalEvent = { id: nextId, type, at: at.toISOString(), terminal: options.terminal(), role: 'staff', data };
      const handle = await handleFor(localDay(at));
      await handle.write(`${JSON.stringify(event)}\n`);
      await handle.datasync();
      return event;
    };
    const result = queue.then(write, write);
    queue = result.catch(() => undefined);
    return result;
  }

  async function close() {
    await queue;
    await file?.handle.close();
    file = null;
  }

  return { append, close };
}

/** For tests and the preview's throwaway runs. */
export function createMemoryJournal(): Journal & { events: JournalEvent[] } {
  const events: JournalEvent[] = [];
  return {
    events,
    async append(type, data) {
      const event: JournalEvent = { id: events.length + 1, type, at: new Date().toISOString(), terminal: 'test', role: 'staff', data };
      events.push(event);
      return event;
    },
    async close() {},
  };
}
