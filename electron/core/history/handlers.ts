import type { ExportFormat, HistoryRow } from '../../contract/views';
import { ok } from '../../contract/result';
import type { HandlersFor } from '../dispatch';
import { readSpan, type DaySpan } from '../journal';
import type { ResolvableSales } from '../sale';
import { historyCsv } from './csv';
import { deliverExport, type ExportFile, type HistoryDeps } from './export-delivery';
import { historyRows, summarize } from './rows';
import { historyXlsx, XLSX_MIME } from './xlsx';

export interface HistoryParts {
  journalDir: string;
  /** Which sales a person can still answer, as the sale domain knows them now. */
  resolvable: () => ResolvableSales;
}

async function exportFile(format: ExportFormat, rows: readonly HistoryRow[], fileName: string): Promise<ExportFile> {
  if (format === 'xlsx') return { fileName, bytes: await historyXlsx(rows), mimeType: XLSX_MIME };
  return { fileName, bytes: Buffer.from(historyCsv(rows), 'utf8'), mimeType: 'text/csv;charset=utf-8' };
}

export function historyHandlers(parts: HistoryParts, deps: HistoryDeps): HandlersFor<'history.day' | 'history.export'> {
  async function rowsFor(span: DaySpan) {
    // A day's sales may be paid after midnight, or days later after a crash: readSpan looks their answers up.
    const read = await readSpan(parts.journalDir, span);
    const { liveSaleId, ids, paidLate } = parts.resolvable();
    return { rows: historyRows(read.events, span, { resolvable: ids, liveSaleId, paidLate }), warnings: read.warnings };
  }

  return {
    'history.day': async ({ day }) => {
      const { rows, warnings } = await rowsFor({ from: day, to: day });
      return ok({ day, rows, summary: summarize(rows), warnings });
    },
    'history.export': async ({ fromDay, toDay, format = 'csv' }) => {
      const { rows } = await rowsFor({ from: fromDay, to: toDay });
      const fileName = `${fromDay === toDay ? `counter-${fromDay}` : `counter-${fromDay}-to-${toDay}`}.${format}`;
      return deliverExport(await exportFile(format, rows, fileName), rows.length, deps);
    },
  };
}
