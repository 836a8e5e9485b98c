import type { HistoryRow } from '../../contract/views';
import { paiseToPlainRupees } from '../../contract/money';
import { EXPORT_COLUMNS, EXPORT_HEADER, exportRecord, type ColumnKind, type ExportRecord } from './export-records';

export const CSV_HEADER = EXPORT_HEADER;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The PC's local day of a moment: 2026-12-01. */
export function isoDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A moment in the PC's local time, ISO 8601 with its offset: 2026-12-01T14:05:09+05:30. */
export function isoLocal(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${isoDay(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${zone}`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; text from outside
 * (BOS messages, terminal names) is defused with a leading apostrophe.
 */
function cell(value: string, quote: boolean): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return quote || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Value = ExportRecord[keyof ExportRecord];

/** Each kind of column's value as CSV text: moments in ISO with their offset, rupees plain, flags as yes. */
const AS_TEXT: Readonly<Record<ColumnKind, (value: Value) => string>> = {
  day: (at) => isoDay(at as Date),
  time: (at) => (at ? isoLocal(at as Date) : ''),
  moment: (at) => (at ? isoLocal(at as Date) : ''),
  rupees: (paise) => (paise === null ? '' : paiseToPlainRupees(paise as number)),
  yes: (flag) => (flag ? 'yes' : ''),
  text: (words) => (words as string | null) ?? '',
  words: (words) => (words as string | null) ?? '',
};

/**
 * CSV for other programs: UTF-8 with a byte-order mark (so spreadsheet programs read ₹ and Hindi
 * right), a header row, CRLF lines, ISO dates (2026-12-01) and times with their offset, amounts as
 * plain rupees (1250.00), states in words, ids quoted whole.
 */
export function historyCsv(rows: readonly HistoryRow[]): string {
  return recordsCsv(rows.map(exportRecord));
}

/** The same CSV from export records (the whole shop's sales are made into records by shopExportRecord). */
export function recordsCsv(records: readonly ExportRecord[]): string {
  const lines = [
    EXPORT_HEADER.map((header) => cell(header, false)).join(','),
    // Ids, references and UTRs quoted always, so a reader that guesses types is told they are text.
    ...records.map((record) => EXPORT_COLUMNS.map((column) => cell(AS_TEXT[column.kind](record[column.field]), column.kind === 'text')).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
