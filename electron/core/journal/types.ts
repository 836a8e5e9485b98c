import type { JournalEvent, JournalEventType } from '../../contract/journal';

export type { JournalEvent, JournalEventType } from '../../contract/journal';

export interface Journal {
  /** Resolves once the line is on disk (fsync). Rejects if it could not be written. */
  append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent>;
  close(): Promise<void>;
}
