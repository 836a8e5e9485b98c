export { eventsForHub, readAfter } from './after';
export { createFileJournal, createMemoryJournal, JournalWriteError, type JournalWriteReason } from './append';
export { foldSales, isSettled, type FoldedSale, type FoldedSaleState } from './fold';
export { observed, type ObservedJournal } from './observed';
export { readRecent, RESTORE_WINDOW_DAYS } from './recent';
export { inSpan, readSpan, type DaySpan } from './span';
export type { Journal, JournalEvent, JournalEventType } from './types';
