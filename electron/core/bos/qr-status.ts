import { formatPaise, rupeesToPaise } from '../../contract/money';
import { isVpa } from '../upi';
import { readJson, type HttpAnswer } from './http';

/** What the status call says about one QR. Only `paid` may mark a sale paid. */
export type QrPaymentStatus =
  | { state: 'paid'; amountPaise: number; utr?: string; payerVpa?: string }
  | { state: 'pending' }
  | { state: 'unknown'; reason: string };

export interface QrStatusQuestion {
  txnRefranceID: string;
  amountPaise: number;
}

/*
 * The status call (`POST /api/BOS/V4/DynamicQRCodeStatus`) is documented only on BOS's
 * sister platform, and its answer only as "JSON". So it is read defensively, and an
 * answer counts as PAID only when all of these hold:
 *
 *  1. HTTP 200, a JSON content type, and a JSON object. Only its top level is read:
 *     nested objects are not searched.
 *  2. Status fields: every key whose name, lower-cased without `_`, ends in "status"
 *     (`status`, `Status`, `txnStatus`, `payment_status`…). At least one is present
 *     (not null) and every one present is a success word: SUCCESS, SUCCESSFUL, PAID,
 *     CAPTURED or CREDITED, in any case. A JSON `true` or `1` is not a success word
 *     (it may only say that the call itself worked).
 *  3. Amount fields: every key whose name so written contains "amount" or "amt". At
 *     least one is present and every one present is a rupee amount (number or string,
 *     at most two decimals) equal to the amount asked. `amount_refunded: 0` beside it
 *     therefore makes the answer not paid.
 *  4. Reference fields: keys starting "txnref" (`txnRefranceID`, `txnReferenceID`…) or
 *     named `refid`. Every one present equals the txnRefranceID asked.
 *
 * PENDING: rule 1 and 4 hold and every status field present is PENDING, ACTIVE, CREATED,
 * INITIATED or PROCESSING. Anything else is UNKNOWN, with the reason.
 *
 * The UTR is taken from `utr`, `rrn`, `upi_txn_id`, `bankRRN` or `custRefNo` (first one of
 * 1 to 64 letters, digits or dashes); the payer from `payerVpa`, `payer_vpa`, `vpa` or
 * `customer_virtual_address` (first valid VPA). Neither is needed for paid.
 *
 * So a sandbox answers paid with
 *   {"status":"SUCCESS","txnRefranceID":"…","amount":"10","utr":"…","payerVpa":"…","message":"…"}
 * and not yet paid with {"status":"PENDING","txnRefranceID":"…","message":"…"}.
 */
const PAID_WORDS: ReadonlySet<string> = new Set(['success', 'successful', 'paid', 'captured', 'credited']);
const PENDING_WORDS: ReadonlySet<string> = new Set(['pending', 'active', 'created', 'initiated', 'processing']);
const UTR_KEYS = ['utr', 'rrn', 'upitxnid', 'bankrrn', 'custrefno'];
const PAYER_KEYS = ['payervpa', 'vpa', 'customervirtualaddress'];
const UTR = /^[A-Za-z0-9-]{1,64}$/;

const fold = (key: string): string => key.toLowerCase().replace(/_/g, '');
const unknown = (reason: string): QrPaymentStatus => ({ state: 'unknown', reason });

function fieldsWhere(record: Record<string, unknown>, test: (folded: string) => boolean): unknown[] {
  return Object.entries(record)
    .filter(([key, value]) => test(fold(key)) && value !== null && value !== undefined)
    .map(([, value]) => value);
}

function firstOf(record: Record<string, unknown>, keys: readonly string[], valid: (value: string) => boolean): string | undefined {
  for (const wanted of keys) {
    for (const [key, value] of Object.entries(record)) {
      if (fold(key) === wanted && typeof value === 'string' && valid(value.trim())) return value.trim();
    }
  }
  return undefined;
}

const wordOf = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : `(${typeof value})`);

function readPaid(record: Record<string, unknown>, asked: QrStatusQuestion): QrPaymentStatus {
  const amounts = fieldsWhere(record, (key) => key.includes('amount') || key.includes('amt'));
  if (amounts.length === 0) return unknown('BOS says it was paid but gives no amount, so Counter cannot confirm it. Check the customer\'s phone.');
  for (const amount of amounts) {
    const paise = typeof amount === 'string' || typeof amount === 'number' ? rupeesToPaise(amount) : null;
    if (paise !== asked.amountPaise) {
      const what = paise === null ? 'an amount Counter cannot read' : formatPaise(paise);
      return unknown(`BOS says it was paid, but for ${what}, not ${formatPaise(asked.amountPaise)}. Check the customer's phone.`);
    }
  }
  const utr = firstOf(record, UTR_KEYS, (value) => UTR.test(value));
  const payerVpa = firstOf(record, PAYER_KEYS, isVpa);
  return { state: 'paid', amountPaise: asked.amountPaise, ...(utr ? { utr } : {}), ...(payerVpa ? { payerVpa } : {}) };
}

/** Reads one answer of the status call by the rules above. Never throws. */
export function readQrStatus(answer: HttpAnswer, asked: QrStatusQuestion): QrPaymentStatus {
  try {
    if (answer.status === 404) return unknown('BOS does not offer the payment status call for this account (HTTP 404).');
    if (answer.status !== 200) return unknown(`BOS did not answer the status question (HTTP ${answer.status}).`);
    const json = readJson(answer);
    if (!json.ok) return unknown(json.error.message);
    const record = json.value;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return unknown('BOS\'s status answer is not in a shape Counter knows.');
    const fields = record as Record<string, unknown>;

    const references = fieldsWhere(fields, (key) => key.startsWith('txnref') || key === 'refid');
    if (references.some((ref) => (typeof ref === 'string' || typeof ref === 'number' ? String(ref).trim() : null) !== asked.txnRefranceID)) {
      return unknown('BOS answered about another QR.');
    }
    const words = fieldsWhere(fields, (key) => key.endsWith('status')).map(wordOf);
    if (words.length === 0) return unknown('BOS\'s answer does not say whether the QR was paid.');
    if (words.every((word) => PAID_WORDS.has(word))) return readPaid(fields, asked);
    if (words.every((word) => PENDING_WORDS.has(word))) return { state: 'pending' };
    if (words.some((word) => PAID_WORDS.has(word) || PENDING_WORDS.has(word))) return unknown('BOS\'s answer says two different things about this payment.');
    return unknown(`BOS does not say it was paid (status ${words.map((word) => word.replace(/[^a-z0-9 ()_-]/g, '').slice(0, 24)).join(', ')}).`);
  } catch {
    return unknown('Counter could not read BOS\'s status answer.');
  }
}
