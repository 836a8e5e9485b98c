import type { ShopSale } from '../../contract/hub';
import type { HistoryRefundState, HistoryRow, HistorySaleState } from '../../contract/views';
import { NEXT_STEP_WORDS } from './next-step';

/** States as a person reads them (the History screen's English words), never the journal's codes. */
export const SALE_STATE_WORDS: Readonly<Record<HistorySaleState, string>> = {
  creating: 'Asking BOS',
  showing: 'QR on screen',
  paid: 'Paid',
  cancelled: 'Cancelled',
  expired: 'Expired',
  failed: 'Failed',
  unresolved: 'Unresolved',
};

export const REFUND_STATE_WORDS: Readonly<Record<HistoryRefundState, string>> = {
  otp_requested: 'OTP asked for',
  otp_sent: 'OTP sent',
  otp_refused: 'OTP refused',
  claim_requested: 'Claim sent',
  claimed: 'Refund claimed',
  claim_refused: 'Claim refused',
};

// `counter_claim` is the whole shop's: the counter said BOS confirmed it, the hub holds no such payment.
export const CONFIRMED_BY_WORDS = { bos: 'BOS', counter_claim: 'The counter says BOS (not seen by the hub)', person: 'Marked by hand' } as const;

/**
 * One export line before it is written as CSV or Excel: each value typed for what it is (a moment,
 * paise, text that must stay text). Both formats are built from this, so they never disagree.
 */
export interface ExportRecord {
  at: Date;
  type: 'Sale' | 'Refund';
  amountPaise: number | null;
  state: string;
  confirmedBy: string;
  paidAt: Date | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  /** Money BOS reported after the sale had ended that nobody has kept or refunded yet. */
  latePaise: number | null;
  bosReference: string;
  referenceId: string;
  ackNo: string;
  utr: string;
  terminal: string;
  bosCode: string;
  bosMessage: string;
  nextStep: string;
  note: string;
  id: string;
}

export function exportRecord(row: HistoryRow): ExportRecord {
  const common = {
    at: new Date(row.at),
    terminal: row.terminal,
    nextStep: row.nextStep ? NEXT_STEP_WORDS[row.nextStep] : '',
    note: row.note ?? '',
    id: row.id,
  };
  if (row.kind === 'sale') {
    return {
      ...common,
      type: 'Sale',
      amountPaise: row.amountPaise,
      state: SALE_STATE_WORDS[row.state],
      confirmedBy: row.state === 'paid' && row.confirmedBy ? CONFIRMED_BY_WORDS[row.confirmedBy] : '',
      paidAt: row.paidAt ? new Date(row.paidAt) : null,
      paidAfterExpiry: row.paidAfterExpiry,
      paidAfterCancel: row.paidAfterCancel,
      latePaise: row.latePayment?.amountPaise ?? null,
      bosReference: row.bosReference ?? '',
      referenceId: '',
      ackNo: '',
      utr: row.utr ?? '',
      bosCode: row.bosCode ?? '',
      bosMessage: row.bosMessage ?? '',
    };
  }
  return {
    ...common,
    type: 'Refund',
    amountPaise: null,
    state: REFUND_STATE_WORDS[row.state],
    confirmedBy: '',
    paidAt: null,
    paidAfterExpiry: false,
    paidAfterCancel: false,
    latePaise: null,
    bosReference: '',
    referenceId: row.referenceId,
    ackNo: row.ackNo,
    utr: '',
    bosCode: '',
    bosMessage: '',
  };
}

/**
 * A sale of the whole shop as the hub folded it, on the same columns as this counter's own lines:
 * the Counter column names the counter that rang it up. The hub keeps no notes or next steps; a
 * refusal's code (ours, not BOS's) goes in Note, so BOS code never holds a code BOS did not send.
 */
export function shopExportRecord(sale: ShopSale): ExportRecord {
  return {
    at: new Date(sale.requestedAt),
    type: 'Sale',
    amountPaise: sale.amountPaise,
    state: SALE_STATE_WORDS[sale.state],
    confirmedBy: sale.state === 'paid' && sale.confirmedBy ? CONFIRMED_BY_WORDS[sale.confirmedBy] : '',
    paidAt: sale.paidAt ? new Date(sale.paidAt) : null,
    paidAfterExpiry: sale.paidAfterExpiry,
    paidAfterCancel: sale.paidAfterCancel,
    latePaise: sale.latePayment?.amountPaise ?? null,
    bosReference: sale.bosReference ?? '',
    referenceId: '',
    ackNo: '',
    utr: sale.utr ?? '',
    terminal: sale.terminalName,
    bosCode: '',
    bosMessage: sale.bosMessage ?? '',
    nextStep: '',
    note: sale.errorCode ? `Refused (${sale.errorCode})` : '',
    id: sale.saleId,
  };
}

/**
 * How a column's value is written. day, time, moment: a moment's day, its time, or both (CSV: ISO
 * with the offset; Excel: a date cell). rupees: paise shown as rupees. yes: a flag, "yes" or empty.
 * text: ids, references and UTRs, always text (CSV quotes them whole; Excel makes text cells). words:
 * anything else a person reads.
 */
export type ColumnKind = 'day' | 'time' | 'moment' | 'rupees' | 'yes' | 'text' | 'words';

/** The kinds a record field of this type can be written as. */
type KindsFor<T> = [T] extends [Date | null] ? 'day' | 'time' | 'moment' : [T] extends [number | null] ? 'rupees' : [T] extends [boolean] ? 'yes' : 'text' | 'words';

/** One column of both export formats: its header, the record field it shows, how, and its Excel width (characters). */
export type ExportColumn = { [F in keyof ExportRecord]: { header: string; field: F; kind: KindsFor<ExportRecord[F]>; width: number } }[keyof ExportRecord];

/** The columns of both formats, in order: adding one here is all an export column needs. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Date', field: 'at', kind: 'day', width: 12 },
  { header: 'Time', field: 'at', kind: 'time', width: 10 },
  { header: 'Type', field: 'type', kind: 'words', width: 8 },
  { header: 'Amount (₹)', field: 'amountPaise', kind: 'rupees', width: 14 },
  { header: 'State', field: 'state', kind: 'words', width: 16 },
  { header: 'Confirmed by', field: 'confirmedBy', kind: 'words', width: 16 },
  { header: 'Paid at', field: 'paidAt', kind: 'moment', width: 20 },
  { header: 'Paid after expiry', field: 'paidAfterExpiry', kind: 'yes', width: 10 },
  { header: 'Paid after cancel', field: 'paidAfterCancel', kind: 'yes', width: 10 },
  { header: 'Late payment to refund or keep (₹)', field: 'latePaise', kind: 'rupees', width: 18 },
  { header: 'BOS reference', field: 'bosReference', kind: 'text', width: 24 },
  { header: 'Reference ID', field: 'referenceId', kind: 'text', width: 22 },
  { header: 'Ack No', field: 'ackNo', kind: 'text', width: 10 },
  { header: 'UTR', field: 'utr', kind: 'text', width: 15 },
  { header: 'Counter', field: 'terminal', kind: 'words', width: 16 },
  { header: 'BOS code', field: 'bosCode', kind: 'text', width: 9 },
  { header: 'BOS message', field: 'bosMessage', kind: 'words', width: 40 },
  { header: 'Next step', field: 'nextStep', kind: 'words', width: 48 },
  { header: 'Note', field: 'note', kind: 'words', width: 48 },
  { header: 'ID', field: 'id', kind: 'text', width: 20 },
];

export const EXPORT_HEADER: readonly string[] = EXPORT_COLUMNS.map((column) => column.header);
