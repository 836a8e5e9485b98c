import { writeFile } from 'node:fs/promises';
import { err, ok } from '../../contract/result';
import { historyCsv } from '../journal/csv';
import { historyRows, summarize, type DaySpan } from '../journal/history';
import { readSpan } from '../journal/span';
import type { CounterContext } from './context';
import type { HandlersFor } from './types';

export interface HistoryDeps {
  /** Electron: asks the owner where to save an export (null: they cancelled). Absent in the preview, which hands the file to the browser. */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
}

export function historyHandlers(ctx: CounterContext, deps: HistoryDeps): HandlersFor<'history.day' | 'history.export'> {
  async function rowsFor(span: DaySpan) {
    // A day's sales may be paid after midnight, or days later after a crash: readSpan looks their answers up.
    const read = await readSpan(ctx.journalDir, span);
    const { liveSaleId, ids, paidLate } = ctx.sales.resolvable();
    return { rows: historyRows(read.events, span, { resolvable: ids, liveSaleId, paidLate }), warnings: read.warnings };
  }

  return {
    'history.day': async ({ day }) => {
      const { rows, warnings } = await rowsFor({ from: day, to: day });
      return ok({ day, rows, summary: summarize(rows), warnings });
    },
    'history.export': async ({ fromDay, toDay }) => {
      const { rows } = await rowsFor({ from: fromDay, to: toDay });
      const content = historyCsv(rows);
      const fileName = fromDay === toDay ? `counter-${fromDay}.csv` : `counter-${fromDay}-to-${toDay}.csv`;
      if (!deps.chooseExportPath) return ok({ kind: 'download', fileName, content, rows: rows.length });
      const path = await deps.chooseExportPath(fileName);
      if (!path) return ok({ kind: 'cancelled' });
      try {
        await writeFile(path, content, { encoding: 'utf8', mode: 0o600 });
      } catch {
        return err({ code: 'internal', message: 'Counter could not write the file there. Choose another folder (a USB stick may be full or read-only).' });
      }
      return ok({ kind: 'saved', path, rows: rows.length });
    },
  };
}
