import type { HistoryRow } from '../../contract/views';
import { paiseToPlainRupees } from '../../contract/money';

export const CSV_HEADER = ['Date', 'Time', 'Type', 'Amount (₹)', 'State', 'BOS reference', 'Ack No', 'UTR', 'Paid after expiry', 'Terminal', 'Note', 'ID'] as const;

const DATE = new Intl.DateTimeFormat('en-IN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-IN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; text from outside
 * (BOS messages, terminal names) is defused with a leading apostrophe.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function fields(row: HistoryRow): string[] {
  const when = new Date(row.at);
  const common = [DATE.format(when), TIME.format(when)];
  if (row.kind === 'sale') {
    return [...common, 'Sale', paiseToPlainRupees(row.amountPaise), row.state, row.bosReference ?? '', '', row.utr ?? '', row.paidAfterExpiry ? 'yes' : '', row.terminal, row.note ?? '', row.id];
  }
  return [...common, 'Refund', '', row.state, row.referenceId, row.ackNo, '', '', row.terminal, row.note ?? '', row.id];
}

/** UTF-8 CSV with a byte-order mark (so spreadsheet programs read it as UTF-8), a header row and CRLF lines. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const lines = [CSV_HEADER.join(','), ...rows.map((row) => fields(row).map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
