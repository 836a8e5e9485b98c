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

/** The columns both formats share, in order: header words and the record field each one shows. */
export const EXPORT_COLUMNS = [
  ['Date', 'at'],
  ['Time', 'at'],
  ['Type', 'type'],
  ['Amount (₹)', 'amountPaise'],
  ['State', 'state'],
  ['Confirmed by', 'confirmedBy'],
  ['Paid at', 'paidAt'],
  ['Paid after expiry', 'paidAfterExpiry'],
  ['Paid after cancel', 'paidAfterCancel'],
  ['Late payment to refund or keep (₹)', 'latePaise'],
  ['BOS reference', 'bosReference'],
  ['Reference ID', 'referenceId'],
  ['Ack No', 'ackNo'],
  ['UTR', 'utr'],
  ['Counter', 'terminal'],
  ['BOS code', 'bosCode'],
  ['BOS message', 'bosMessage'],
  ['Next step', 'nextStep'],
  ['Note', 'note'],
  ['ID', 'id'],
] as const satisfies ReadonlyArray<readonly [string, keyof ExportRecord]>;

export const EXPORT_HEADER: readonly string[] = EXPORT_COLUMNS.map(([header]) => header);
