import type { Journal, JournalEvent } from './types';

export type AppendListener = (event: JournalEvent) => void;

/** A journal that also tells each line written to whoever listens (the hub link's sender). */
export interface ObservedJournal extends Journal {
  onAppended(listener: AppendListener): () => void;
}

/** Listeners hear a line once it is on disk, beside its writer, never before it. */
export function observed(journal: Journal): ObservedJournal {
  const listeners = new Set<AppendListener>();
  return {
    append: async (type, data) => {
      const event = await journal.append(type, data);
      for (const listener of listeners) listener(event);
      return event;
    },
    close: () => journal.close(),
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
