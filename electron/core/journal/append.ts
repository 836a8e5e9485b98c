import { dirname, join } from 'node:path';
import { localDay } from '../../contract/days';
import { systemCode, toJournalWriteError } from './errors';
import { nodeFiles, type JournalFile, type JournalFiles } from './files';
import { highestId, nextEventId } from './ids';
import { dayNames } from './read';
import { recentDays } from './recent';
import { repairTail, writeWhole } from './repair';
import type { Journal, JournalEvent, JournalEventType } from './types';

export { JournalWriteError, type JournalWriteReason } from './errors';

export interface FileJournalOptions {
  dir: string;
  terminal: () => string;
  /** Who is at the counter: the owner while their PIN session is open, staff otherwise. */
  role?: () => 'staff' | 'owner';
  now?: () => Date;
  /** Told when a torn last line (power cut mid-write) was set aside on open, or a recent file could not be read for its ids. */
  onWarning?: (message: string) => void;
  /** Tests play a full disk or a short write through this. */
  files?: JournalFiles;
}

const SECRET_KEYS = /^(otp|token|authorization|password|pin|secret)$/i;

/** OTPs and tokens never enter the journal, whatever a caller passes. */
export function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.test(key)).map(([key, v]) => [key, clean(v)]));
  };
  return clean(data) as Record<string, unknown>;
}

export { localDay };

interface OpenDay {
  day: string;
  handle: JournalFile;
  /** Bytes of whole lines: where the next line starts. */
  size: number;
  /** A failed write may have left part of a line past `size`; it is cut before anything else is written. */
  torn: boolean;
}

/**
 * Append-only JSON lines, one file per local day, fsync'd before append resolves.
 * Appends are serialised so lines never interleave and ids stay in file order.
 * A line that cannot be written whole rejects with a JournalWriteError and leaves nothing behind.
 */
export function createFileJournal(options: FileJournalOptions): Journal {
  const files = options.files ?? nodeFiles;
  const now = options.now ?? (() => new Date());
  const warn = options.onWarning ?? (() => undefined);
  let lastId = 0;
  let lastIdRead = false;
  let file: OpenDay | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** The highest id in the newest files, whatever their dates: a clock gone back must not bring ids back with it. */
  async function readLastId(today: string): Promise<void> {
    for (const day of recentDays(await dayNames(options.dir, files), today)) {
      try {
        lastId = Math.max(lastId, highestId(await files.readFile(join(options.dir, `${day}.jsonl`))));
      } catch (error) {
        const code = systemCode(error);
        if (code !== 'ENOENT' && code !== 'EISDIR') warn(`The journal file for ${day} could not be read (${code ?? 'error'}); new ids go on from the other files.`);
      }
    }
    lastIdRead = true;
  }

  /** Creates the folder; a new folder's name is synced into its parent so a power cut cannot take it (and its files) away. */
  async function makeDir(): Promise<void> {
    const created = await files.mkdir(options.dir);
    if (created === undefined) return;
    for (let d = options.dir; ; d = dirname(d)) {
      await files.syncDir(dirname(d));
      if (d === created || dirname(d) === d) break;
    }
  }

  async function cutBack(open: OpenDay): Promise<void> {
    await open.handle.truncate(open.size);
    await open.handle.datasync();
    open.torn = false;
  }

  async function openDay(day: string): Promise<OpenDay> {
    await makeDir();
    const path = join(options.dir, `${day}.jsonl`);
    let bytes: Buffer | null = null;
    try {
      bytes = await files.readFile(path);
    } catch (error) {
      if (systemCode(error) !== 'ENOENT') throw error;
    }
    const handle = await files.openAppend(path);
    try {
      if (!bytes) await files.syncDir(options.dir);
      const size = bytes ? await repairTail(files, path, handle, bytes, warn) : 0;
      if (bytes) lastId = Math.max(lastId, highestId(bytes.subarray(0, size)));
      return { day, handle, size, torn: false };
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  async function fileFor(day: string): Promise<OpenDay> {
    if (file?.day === day) {
      if (file.torn) await cutBack(file);
      return file;
    }
    const previous = file;
    file = null;
    if (previous) {
      // Best effort: a torn tail left here is set aside when this day is next opened.
      if (previous.torn) await cutBack(previous).catch(() => undefined);
      await previous.handle.close().catch(() => undefined);
    }
    if (!lastIdRead) await readLastId(day);
    file = await openDay(day);
    return file;
  }

  async function writeLine(open: OpenDay, line: Buffer): Promise<void> {
    try {
      await writeWhole(open.handle, line);
    } catch (error) {
      open.torn = true;
      await cutBack(open).catch(() => undefined);
      throw error;
    }
    open.size += line.length;
  }

  function append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent> {
    const write = async () => {
      try {
        const at = now();
        const open = await fileFor(localDay(at));
        // Taken even if the write fails: an id is never handed out twice, gaps are harmless.
        lastId = nextEventId(lastId, at);
        const event: JournalEvent = { id: lastId, type, at: at.toISOString(), terminal: options.terminal(), role: options.role?.() ?? 'staff', data: withoutSecrets(data) };
        await writeLine(open, Buffer.from(`${JSON.stringify(event)}\n`));
        return event;
      } catch (error) {
        throw toJournalWriteError(error);
      }
    };
    const result = queue.then(write, write);
    queue = result.catch(() => undefined);
    return result;
  }

  async function close() {
    await queue;
    const open = file;
    file = null;
    if (!open) return;
    if (open.torn) await cutBack(open).catch(() => undefined);
    await open.handle.close();
  }

  // Started now so the first sale does not wait for it; if it fails, the first append tries again and reports why.
  queue = readLastId(localDay(now())).catch(() => undefined);

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
