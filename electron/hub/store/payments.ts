import { createHash } from 'node:crypto';
import type { ExpectationRequest, HubPayment, UnmatchedPayment } from '../../contract/hub';
import type { SqlRow, SqlRunner, StoreSignal } from './sql';
import { referencesOf, refuseIfClaimed, settlePayment, type References } from './claims';
import { bytes, int, iso, isoOf, PAYMENT_COLUMNS, text, textOrNull } from './rows';
import type { ExpectationResult, IncomingPayment, QuarantineEntry, QuarantinedWebhook, RawWebhook, StreamItem, Terminal, WebhookOutcome } from './types';

type Announce = (signal: StoreSignal) => Promise<void>;

/**
 * A payment and an expectation that could match share a reference, so they share a lock: a webhook and
 * the expectation it pays, arriving together in two processes, cannot both miss each other. Keys are
 * taken in one sorted order, so two transactions never wait on each other in a circle.
 */
function lockKeys(shopId: string, refs: References, paymentId?: string): string[] {
  const parts = [paymentId && `pay ${paymentId}`, refs.qrId && `qr ${refs.qrId}`, ...referencesOf(refs).map((r) => `ref ${r}`)].filter((p): p is string => Boolean(p));
  const keys = parts.map((p) => createHash('sha256').update(`${shopId}\n${p}`).digest().readBigInt64BE(0));
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

async function lock(tx: SqlRunner, keys: string[]): Promise<void> {
  if (keys.length > 0) await tx.query('select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as k', [keys]);
}

// The raw body always; the payment only when its id is new. Reads what was held before, in the same statement.
const RECORD = `
  with held as (select succeeded from payments where shop_id = $1 and payment_id = $2),
  webhook as (
    insert into webhook_deliveries (shop_id, received_at, content_type, raw_body, signature, event, payment_id, duplicate)
    values ($1, $3::timestamptz, $4, $5::bytea, $6, $7, $2, exists (select 1 from held)) returning id),
  fresh as (
    insert into payments (shop_id, payment_id, webhook_id, event, succeeded, status, qr_id, txn_ref, tr, amount_paise, currency, utr, payer_vpa, received_at)
    select $1, $2, webhook.id, $7, $8::boolean, $9, $10, $11, $12, $13::bigint, $14, $15, $16, $3::timestamptz from webhook where not exists (select 1 from held)
    returning 1)
  select (select succeeded from held) as held_succeeded, (select id from webhook) as webhook_id`;

const UPGRADE = `
  update payments set webhook_id = $3, event = $4, succeeded = $5, status = $6, qr_id = $7, txn_ref = $8, tr = $9, amount_paise = $10, currency = $11, utr = $12, payer_vpa = $13, received_at = $14
  where shop_id = $1 and payment_id = $2`;

const paymentColumns = (p: IncomingPayment) => [p.event, p.succeeded, p.status, p.qrId, p.txnRef, p.tr, p.amountPaise, p.currency, p.utr, p.payerVpa];

export async function recordWebhook(tx: SqlRunner, announce: Announce, raw: RawWebhook, p: IncomingPayment): Promise<WebhookOutcome> {
  await lock(tx, lockKeys(raw.shopId, p, p.paymentId));
  const at = iso(raw.receivedAt);
  const [recorded] = await tx.query(RECORD, [raw.shopId, p.paymentId, at, raw.contentType, raw.body, raw.signature, ...paymentColumns(p)]);
  const held = recorded?.held_succeeded;
  if (held === true || (held === false && !p.succeeded)) return { kind: 'duplicate', deliveredTo: null };
  const upgrade = held === false;
  if (upgrade) await tx.query(UPGRADE, [raw.shopId, p.paymentId, int(recorded?.webhook_id), ...paymentColumns(p), at]);
  const kind = upgrade ? 'upgraded' : 'new';
  if (!p.succeeded) return { kind, deliveredTo: null };
  const settled = await settlePayment(tx, announce, raw.shopId, p.paymentId, p, raw.receivedAt);
  return { kind, deliveredTo: settled.kind === 'delivered' ? settled.terminalId : null };
}

export async function quarantineWebhook(tx: SqlRunner, q: QuarantinedWebhook): Promise<void> {
  await tx.query('insert into quarantined_webhooks (shop_id, received_at, reason, content_type, raw_body, signature) values ($1, $2, $3, $4, $5, $6)', [q.shopId, iso(q.receivedAt), q.reason, q.contentType, q.body, q.signature]);
}

export async function quarantined(tx: SqlRunner, limit: number): Promise<QuarantineEntry[]> {
  const rows = await tx.query('select shop_id, reason, content_type, raw_body, received_at from quarantined_webhooks order by id desc limit $1', [limit]);
  return rows.map((r) => ({ shopId: textOrNull(r.shop_id), reason: text(r.reason), contentType: textOrNull(r.content_type), body: bytes(r.raw_body), receivedAt: isoOf(r.received_at) }));
}

export async function registerExpectation(tx: SqlRunner, announce: Announce, terminal: Terminal, e: ExpectationRequest, now: number): Promise<ExpectationResult> {
  const shopId = terminal.shopId;
  await lock(tx, lockKeys(shopId, e));
  const [held] = await tx.query('select qr_id, txn_ref, tr, amount_paise from expectations where terminal_id = $1 and sale_id = $2', [terminal.id, e.saleId]);
  if (held) {
    const same = held.qr_id === e.qrId && held.txn_ref === e.txnRef && textOrNull(held.tr) === e.tr && int(held.amount_paise) === e.amountPaise;
    if (!same) return 'conflict';
  } else {
    // A QR id or reference belongs to the first claim on it: a later one (another counter reading a slip) is refused.
    if (await refuseIfClaimed(tx, shopId, terminal.id, e, now)) return 'claimed_elsewhere';
    await tx.query(
      'insert into expectations (terminal_id, sale_id, shop_id, qr_id, txn_ref, tr, amount_paise, expires_at, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [terminal.id, e.saleId, shopId, e.qrId, e.txnRef, e.tr, e.amountPaise, e.expiresAt, iso(now)],
    );
  }
  // Payments that came before their QR was announced (a counter offline, a retry) are settled now; one
  // already held for the owner stays held.
  const waiting = await tx.query(
    `select payment_id, qr_id, txn_ref, tr from payments where shop_id = $1 and succeeded and delivered_at is null and held_reason is null
       and (qr_id = $2 or txn_ref = any($3::text[]) or tr = any($3::text[]))
     order by received_at, payment_id`,
    [shopId, e.qrId, referencesOf(e)],
  );
  for (const row of waiting) await settlePayment(tx, announce, shopId, text(row.payment_id), { qrId: textOrNull(row.qr_id), txnRef: textOrNull(row.txn_ref), tr: textOrNull(row.tr) }, now);
  return held ? 'repeat' : 'created';
}

const hubEvent = (value: unknown): HubPayment['event'] => (value === 'UPIQR_SUCCESS' ? 'UPIQR_SUCCESS' : 'qr_code.credited');

const paymentOf = (r: SqlRow): Omit<UnmatchedPayment, 'reason' | 'claimedBy'> => ({
  paymentId: text(r.payment_id),
  qrId: textOrNull(r.qr_id),
  txnRef: textOrNull(r.txn_ref),
  tr: textOrNull(r.tr),
  amountPaise: int(r.amount_paise),
  currency: text(r.currency),
  utr: textOrNull(r.utr),
  payerVpa: textOrNull(r.payer_vpa),
  event: hubEvent(r.event),
  receivedAt: isoOf(r.received_at),
});

export async function paymentsAfter(tx: SqlRunner, terminalId: string, cursor: number, limit: number): Promise<StreamItem[]> {
  const rows = await tx.query(
    `select d.seq, d.sale_id as delivered_sale_id, ${PAYMENT_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')} from deliveries d join payments p on p.shop_id = d.shop_id and p.payment_id = d.payment_id
     where d.terminal_id = $1 and d.seq > $2 order by d.seq limit $3`,
    [terminalId, cursor, limit],
  );
  return rows.map((r) => {
    const { paymentId, ...rest } = paymentOf(r);
    return { cursor: int(r.seq), payment: { paymentId, saleId: text(r.delivered_sale_id), ...rest } };
  });
}

// A held payment names the terminals whose claims match it: the first, and those refused after it.
const CLAIMED_BY = `case when p.held_reason is null then '{}'::text[] else array(
    select distinct t.name from (
      select e.terminal_id from expectations e where e.shop_id = p.shop_id and (e.qr_id = p.qr_id or e.txn_ref in (p.txn_ref, p.tr) or e.tr in (p.txn_ref, p.tr))
      union select r.terminal_id from refused_claims r where r.shop_id = p.shop_id and (r.qr_id = p.qr_id or r.txn_ref in (p.txn_ref, p.tr) or r.tr in (p.txn_ref, p.tr))
    ) c join terminals t on t.id = c.terminal_id order by t.name) end as claimed_by`;

const claimedByOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export async function unmatchedPayments(tx: SqlRunner, shopId: string, limit: number): Promise<UnmatchedPayment[]> {
  const rows = await tx.query(
    `select ${PAYMENT_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')}, p.held_reason, ${CLAIMED_BY}
     from payments p where p.shop_id = $1 and p.succeeded and p.delivered_at is null order by p.received_at desc, p.payment_id limit $2`,
    [shopId, limit],
  );
  return rows.map((r) => ({ ...paymentOf(r), reason: r.held_reason === 'claimed_twice' ? 'claimed_twice' : 'unclaimed', claimedBy: claimedByOf(r.claimed_by) }));
}
