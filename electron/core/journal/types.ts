import type { JournalEvent, JournalEventType } from '../../contract/journal';

export type { JournalEvent, JournalEventType } from '../../contract/journal';

export interface Journal {
  /** Resolves once the line is on disk (fsync). Rejects with a JournalWriteError (its reason and a cashier-worded message) if it could not be written whole; nothing of it is then left in the file. */
  append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent>;
  close(): Promise<void>;
}
