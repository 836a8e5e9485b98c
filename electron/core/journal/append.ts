import { appendFile, mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { localDay } from '../../contract/days';
import type { Journal, JournalEvent, JournalEventType } from './types';

export interface FileJournalOptions {
  dir: string;
  terminal: () => string;
  /** Who is at the counter: the owner while their PIN session is open, staff otherwise. */
  role?: () => 'staff' | 'owner';
  now?: () => Date;
  /** Told when a torn last line (power cut mid-write) was set aside on open. */
  onWarning?: (message: string) => void;
}

/**
 * Before appending to a day file, cut off a torn last line (a write the power cut
 * interrupted) into `<day>.jsonl.corrupt`, keeping every complete line. Returns the
 * last complete event's id, so ids go on rising across restarts.
 */
async function repairTail(path: string, onWarning: (message: string) => void): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 0;
  }
  let keep = text.endsWith('\n') ? text.length : text.lastIndexOf('\n') + 1;
  const lastComplete = text.slice(0, keep).trimEnd().split('\n').pop() ?? '';
  let lastId = 0;
  try {
    lastId = lastComplete ? Number((JSON.parse(lastComplete) as { id?: unknown }).id) || 0 : 0;
  } catch {
    // A damaged final complete line is set aside too.
    keep -= lastComplete.length + 1;
  }
  if (keep < text.length) {
    const cut = Buffer.from(text).subarray(Buffer.byteLength(text.slice(0, Math.max(keep, 0))));
    await appendFile(`${path}.corrupt`, Buffer.concat([cut, Buffer.from('\n')]), { mode: 0o600 });
    await truncate(path, Buffer.byteLength(text.slice(0, Math.max(keep, 0))));
    onWarning(`The journal's last line was incomplete (the app stopped mid-write). It was moved to ${path}.corrupt; every complete line is kept.`);
  }
  return lastId;
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
    const path = join(options.dir, `${day}.jsonl`);
    nextId = Math.max(nextId, await repairTail(path, options.onWarning ?? (() => undefined)));
    file = { day, handle: await open(path, 'a', 0o600) };
    return file.handle;
  }

  function append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent> {
    const write = async () => {
      const at = now();
      const handle = await handleFor(localDay(at));
      nextId = Math.max(nextId + 1, Date.now() * 1000);
      const event: JournalEvent = { id: nextId, type, at: at.toISOString(), terminal: options.terminal(), role: options.role?.() ?? 'staff', data: withoutSecrets(data) };
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
