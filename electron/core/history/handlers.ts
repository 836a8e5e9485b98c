import { writeFile } from 'node:fs/promises';
import type { ExportFormat, HistoryRow } from '../../contract/views';
import { err, ok } from '../../contract/result';
import { historyCsv } from './csv';
import { historyRows, summarize, type DaySpan } from './rows';
import { readSpan } from '../journal/span';
import { historyXlsx, XLSX_MIME } from './xlsx';
import type { CounterContext } from '../settings/current';
import type { HandlersFor } from '../dispatch';

export interface HistoryDeps {
  /**
   * Electron: asks the owner where to save an export (null: they cancelled); the suggested name's
   * extension (.csv, .xlsx) says which kind of file it is. Absent in the preview, which hands the file to the browser.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
}

interface ExportFile {
  bytes: Buffer;
  mimeType: string;
}

async function exportFile(format: ExportFormat, rows: readonly HistoryRow[]): Promise<ExportFile> {
  if (format === 'xlsx') return { bytes: await historyXlsx(rows), mimeType: XLSX_MIME };
  return { bytes: Buffer.from(historyCsv(rows), 'utf8'), mimeType: 'text/csv;charset=utf-8' };
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
    'history.export': async ({ fromDay, toDay, format = 'csv' }) => {
      const { rows } = await rowsFor({ from: fromDay, to: toDay });
      const file = await exportFile(format, rows);
      const fileName = `${fromDay === toDay ? `counter-${fromDay}` : `counter-${fromDay}-to-${toDay}`}.${format}`;
      if (!deps.chooseExportPath) {
        const text = format === 'csv';
        return ok({ kind: 'download', fileName, mimeType: file.mimeType, encoding: text ? 'utf8' : 'base64', content: file.bytes.toString(text ? 'utf8' : 'base64'), rows: rows.length });
      }
      const path = await deps.chooseExportPath(fileName);
      if (!path) return ok({ kind: 'cancelled' });
      try {
        await writeFile(path, file.bytes, { mode: 0o600 });
      } catch {
        return err({ code: 'internal', message: 'Counter could not write the file there. Choose another folder (a USB stick may be full or read-only).' });
      }
      return ok({ kind: 'saved', path, rows: rows.length });
    },
  };
}
