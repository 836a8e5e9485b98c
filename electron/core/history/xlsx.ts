import type { HistoryRow } from '../../contract/views';
import { EXPORT_COLUMNS, exportRecord, type ColumnKind, type ExportRecord } from './export-records';

/** Excel's own MIME type for a workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_FORMAT = 'dd/mm/yyyy';
const TIME_FORMAT = 'hh:mm:ss';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
/** Rupees with two decimals; the ₹ in quotes is shown as it is, whatever the spreadsheet's locale. */
const RUPEES_FORMAT = '"₹"#,##0.00';
/** Text: typed into, it stays text (a UTR never becomes 4.12346E+11). */
const TEXT_FORMAT = '@';
const MS_PER_DAY = 86_400_000;

/**
 * A spreadsheet date has no time zone: it shows the wall-clock time it holds. exceljs writes a JS
 * Date as its UTC reading, so the PC's local reading is handed over as a UTC one.
 */
const wallClock = (at: Date): Date => new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()));
const dayOf = (at: Date): Date => new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
/** A time of day alone is a fraction of a day: Excel's day 0 (30/12/1899) plus the time. */
const timeOf = (at: Date): Date => new Date(Date.UTC(1899, 11, 30) + (wallClock(at).getTime() % MS_PER_DAY));

type CellValue = string | number | Date | null;

/** Each kind of column in Excel: its cell's number format, and the cell's value (dates as date cells, rupees as numbers). */
const AS_CELL: Readonly<Record<ColumnKind, { numFmt?: string; value: (value: ExportRecord[keyof ExportRecord]) => CellValue }>> = {
  day: { numFmt: DATE_FORMAT, value: (at) => dayOf(at as Date) },
  time: { numFmt: TIME_FORMAT, value: (at) => timeOf(at as Date) },
  moment: { numFmt: DATE_TIME_FORMAT, value: (at) => (at ? wallClock(at as Date) : null) },
  rupees: { numFmt: RUPEES_FORMAT, value: (paise) => (paise === null ? null : (paise as number) / 100) },
  yes: { value: (flag) => (flag ? 'Yes' : '') },
  text: { numFmt: TEXT_FORMAT, value: (text) => text as string },
  words: { value: (words) => words as string },
};

/**
 * An Excel workbook for people: one sheet, a bold header row that stays put while scrolling, set
 * widths; dates and times as real date cells (dd/mm/yyyy whatever the spreadsheet's locale), amounts
 * as numbers shown ₹1,250.00, UTRs, references and ids as text cells, states in words.
 */
export async function historyXlsx(rows: readonly HistoryRow[]): Promise<Buffer> {
  return recordsXlsx(rows.map(exportRecord));
}

/** The same workbook from export records (the whole shop's sales are made into records by shopExportRecord). */
export async function recordsXlsx(records: readonly ExportRecord[]): Promise<Buffer> {
  // Loaded on the first Excel export, not at start: exceljs takes most of a second to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Counter';
  const sheet = workbook.addWorksheet('Sales and refunds', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(({ header, kind, width }) => {
    const { numFmt } = AS_CELL[kind];
    return { header, key: header, width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const record of records) {
    // Empty values are left out: an empty cell, not an empty string.
    const values = Object.fromEntries(EXPORT_COLUMNS.map(({ header, field, kind }) => [header, AS_CELL[kind].value(record[field])]).filter(([, value]) => value !== null && value !== ''));
    sheet.addRow(values);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
