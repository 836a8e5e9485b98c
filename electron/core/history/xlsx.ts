import type { HistoryRow } from '../../contract/views';
import { EXPORT_COLUMNS, exportRecord, type ExportRecord } from './export-records';

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

interface ColumnSpec {
  width: number;
  numFmt?: string;
  value: (record: ExportRecord) => CellValue;
}

const rupees = (paise: number | null): number | null => (paise === null ? null : paise / 100);
const yes = (flag: boolean): string => (flag ? 'Yes' : '');

/** How each shared column is written in Excel: its value's type, its format and its width (characters). */
const SPEC: Readonly<Record<(typeof EXPORT_COLUMNS)[number][0], ColumnSpec>> = {
  Date: { width: 12, numFmt: DATE_FORMAT, value: (r) => dayOf(r.at) },
  Time: { width: 10, numFmt: TIME_FORMAT, value: (r) => timeOf(r.at) },
  Type: { width: 8, value: (r) => r.type },
  'Amount (₹)': { width: 14, numFmt: RUPEES_FORMAT, value: (r) => rupees(r.amountPaise) },
  State: { width: 16, value: (r) => r.state },
  'Confirmed by': { width: 16, value: (r) => r.confirmedBy },
  'Paid at': { width: 20, numFmt: DATE_TIME_FORMAT, value: (r) => (r.paidAt ? wallClock(r.paidAt) : null) },
  'Paid after expiry': { width: 10, value: (r) => yes(r.paidAfterExpiry) },
  'Paid after cancel': { width: 10, value: (r) => yes(r.paidAfterCancel) },
  'Late payment to refund or keep (₹)': { width: 18, numFmt: RUPEES_FORMAT, value: (r) => rupees(r.latePaise) },
  'BOS reference': { width: 24, numFmt: TEXT_FORMAT, value: (r) => r.bosReference },
  'Reference ID': { width: 22, numFmt: TEXT_FORMAT, value: (r) => r.referenceId },
  'Ack No': { width: 10, numFmt: TEXT_FORMAT, value: (r) => r.ackNo },
  UTR: { width: 15, numFmt: TEXT_FORMAT, value: (r) => r.utr },
  Counter: { width: 16, value: (r) => r.terminal },
  'BOS code': { width: 9, numFmt: TEXT_FORMAT, value: (r) => r.bosCode },
  'BOS message': { width: 40, value: (r) => r.bosMessage },
  'Next step': { width: 48, value: (r) => r.nextStep },
  Note: { width: 48, value: (r) => r.note },
  ID: { width: 20, numFmt: TEXT_FORMAT, value: (r) => r.id },
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
  sheet.columns = EXPORT_COLUMNS.map(([header]) => {
    const spec = SPEC[header];
    return { header, key: header, width: spec.width, ...(spec.numFmt ? { style: { numFmt: spec.numFmt } } : {}) };
  });
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const record of records) {
    // Empty values are left out: an empty cell, not an empty string.
    const values = Object.fromEntries(EXPORT_COLUMNS.map(([header]) => [header, SPEC[header].value(record)]).filter(([, value]) => value !== null && value !== ''));
    sheet.addRow(values);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
