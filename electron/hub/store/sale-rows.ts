import type { ShopSale } from '../../contract/hub';
import { istDay, istHour } from '../journal/days';
import type { HubSale, SaleState } from '../journal/fold';
import { int, intOrNull, isoOf, isoOrNull, text, textOrNull } from './rows';
import type { SqlRow } from './sql';

// A folded sale as a row of `sales` and back. Named columns, never `*` (see rows.ts). The fold's (the
// counter's word on the sale), and whether the hub holds BOS's payment for a sale its counter says BOS confirmed.
export const SALE_COLUMNS =
  'sale_id, requested, requested_at, amount_paise, state, confirmed_by, qr_id, txn_ref, payee_vpa, payee_name, utr, paid_at, paid_after_expiry, paid_after_cancel, error_code, error_message, bos_code, bos_message, late_amount_paise, late_utr, late_reason, last_event_id, bos_verified';

// The hub's own evidence for a sale: a succeeded payment in INR it delivered to that very sale, for the
// sale's amount and (when BOS named one) its QR. The counter's `sale.payment_confirmed` is only its word.
const HELD_PAYMENT = `exists (
  select 1 from payments p
  where p.terminal_id = s.terminal_id and p.sale_id = s.sale_id and p.shop_id = s.shop_id and p.succeeded
    and p.amount_paise = s.amount_paise and upper(p.currency) = 'INR' and (p.qr_id is null or p.qr_id = s.qr_id))`;

/** A column of the intake's first statement: the payments the hub delivered to the batch's sales ($1 the terminal, $4 their ids), as JSON. */
export const DELIVERED_TO_SALES = `(select coalesce(json_agg(json_build_object('sale_id', p.sale_id, 'amount_paise', p.amount_paise, 'qr_id', p.qr_id, 'currency', p.currency)), '[]'::json)
  from payments p where p.terminal_id = $1 and p.sale_id = any($4::text[]) and p.succeeded) as delivered`;

/** The delivered payments as rows, whichever way the driver gives JSON. */
export function deliveredRows(value: unknown): SqlRow[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as SqlRow[]) : [];
}

/** The same judgement as HELD_PAYMENT, on a folded sale and the payments delivered to it. */
export function bosVerified(sale: HubSale, delivered: readonly SqlRow[]): boolean {
  if (sale.confirmedBy !== 'bos') return false;
  return delivered.some((p) => text(p.sale_id) === sale.saleId && int(p.amount_paise) === sale.amountPaise && text(p.currency).toUpperCase() === 'INR' && (p.qr_id === null || p.qr_id === undefined || p.qr_id === sale.qrId));
}

/** After the hub delivered a payment to one sale ($1 terminal, $2 sale): the counter's earlier word that BOS confirmed it now holds. Its day, when it changed. */
export const VERIFY_DELIVERED = `update sales s set bos_verified = true
  where s.terminal_id = $1 and s.sale_id = $2 and s.confirmed_by = 'bos' and not s.bos_verified and ${HELD_PAYMENT}
  returning s.day::text as day`;

/** Who the owner is told confirmed a sale: BOS (the hub holds the payment), the counter's unchecked word, a person. */
function confirmedForOwner(r: SqlRow, sale: HubSale): ShopSale['confirmedBy'] {
  if (sale.confirmedBy !== 'bos') return sale.confirmedBy;
  return r.bos_verified === true ? 'bos' : 'counter_claim';
}

const STATES: readonly SaleState[] = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed'];
const stateOf = (value: unknown): SaleState => STATES.find((s) => s === value) ?? 'creating';
const confirmedOf = (value: unknown): HubSale['confirmedBy'] => (value === 'bos' || value === 'person' ? value : null);
const lateReasonOf = (value: unknown) => (value === 'after_cancel' || value === 'after_expiry' ? value : null);

export function saleOfRow(r: SqlRow): HubSale {
  const lateReason = lateReasonOf(r.late_reason);
  const bosCode = textOrNull(r.bos_code);
  const bosMessage = textOrNull(r.bos_message);
  const errorCode = textOrNull(r.error_code);
  return {
    saleId: text(r.sale_id),
    amountPaise: int(r.amount_paise),
    state: stateOf(r.state),
    requestedAt: isoOf(r.requested_at),
    requested: r.requested === true,
    // The hub names a sale's counter by its terminal row; bill numbers are not stored here yet.
    terminal: '',
    billNo: null,
    note: null,
    qrId: textOrNull(r.qr_id),
    txnRef: textOrNull(r.txn_ref),
    payeeVpa: textOrNull(r.payee_vpa),
    payeeName: textOrNull(r.payee_name),
    utr: textOrNull(r.utr),
    paidAfterExpiry: r.paid_after_expiry === true,
    paidAfterCancel: r.paid_after_cancel === true,
    confirmedBy: confirmedOf(r.confirmed_by),
    error: errorCode === null ? null : { code: errorCode, message: text(r.error_message ?? ''), ...(bosCode ? { bosCode } : {}), ...(bosMessage ? { bosMessage } : {}) },
    latePayment: lateReason ? { amountPaise: intOrNull(r.late_amount_paise) ?? 0, utr: textOrNull(r.late_utr), reason: lateReason } : null,
    paidAt: isoOrNull(r.paid_at),
    lastEventId: int(r.last_event_id),
  };
}

/** The sale's day: its request's (or first line's) IST day. */
export const dayOfSale = (sale: HubSale): string => istDay(Date.parse(sale.requestedAt));

/** One element of the JSON array the upsert reads with jsonb_to_recordset. */
export function saleRecord(sale: HubSale, verified: boolean): Record<string, unknown> {
  const at = Date.parse(sale.requestedAt);
  return {
    sale_id: sale.saleId,
    day: istDay(at),
    requested: sale.requested,
    requested_at: sale.requestedAt,
    hour: istHour(at),
    amount_paise: sale.amountPaise,
    state: sale.state,
    confirmed_by: sale.confirmedBy,
    qr_id: sale.qrId,
    txn_ref: sale.txnRef,
    payee_vpa: sale.payeeVpa,
    payee_name: sale.payeeName,
    utr: sale.utr,
    paid_at: sale.paidAt,
    paid_after_expiry: sale.paidAfterExpiry,
    paid_after_cancel: sale.paidAfterCancel,
    error_code: sale.error?.code ?? null,
    error_message: sale.error?.message ?? null,
    bos_code: sale.error?.bosCode ?? null,
    bos_message: sale.error?.bosMessage ?? null,
    late_amount_paise: sale.latePayment?.amountPaise ?? null,
    late_utr: sale.latePayment?.utr ?? null,
    late_reason: sale.latePayment?.reason ?? null,
    last_event_id: sale.lastEventId,
    bos_verified: verified,
  };
}

/** The record's columns and types, as jsonb_to_recordset needs them. */
export const SALE_RECORD_TYPES =
  'sale_id text, day date, requested boolean, requested_at timestamptz, hour smallint, amount_paise bigint, state text, confirmed_by text, qr_id text, txn_ref text, payee_vpa text, payee_name text, utr text, paid_at timestamptz, paid_after_expiry boolean, paid_after_cancel boolean, error_code text, error_message text, bos_code text, bos_message text, late_amount_paise bigint, late_utr text, late_reason text, last_event_id bigint, bos_verified boolean';

export function shopSaleOf(r: SqlRow): ShopSale {
  const sale = saleOfRow(r);
  return {
    terminalId: text(r.terminal_id),
    terminalName: text(r.terminal_name),
    saleId: sale.saleId,
    requestedAt: sale.requestedAt,
    amountPaise: sale.amountPaise,
    state: sale.state,
    confirmedBy: confirmedForOwner(r, sale),
    bosReference: sale.txnRef,
    utr: sale.utr,
    paidAt: sale.paidAt,
    paidAfterExpiry: sale.paidAfterExpiry,
    paidAfterCancel: sale.paidAfterCancel,
    latePayment: sale.latePayment,
    // As History shows it: a refusal without a code of its own has none here either.
    errorCode: sale.error && sale.error.code !== 'unknown' ? sale.error.code : null,
    bosMessage: sale.error?.bosMessage ?? null,
  };
}
