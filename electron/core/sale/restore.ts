import { foldSales, readRecent, type FoldedSale, type JournalEvent } from '../journal';

export interface RestoreWindow {
  sales: FoldedSale[];
  events: JournalEvent[];
}

/** The newest journal files whatever their dates: after the PC clock went back, the open sale sits in a "future" file. */
export async function readRestoreWindow(journalDir: string, now: Date = new Date()): Promise<RestoreWindow> {
  const recent = await readRecent(journalDir, now);
  return { sales: [...foldSales(recent.events).values()], events: recent.events };
}
