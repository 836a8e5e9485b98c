import { createHash } from 'node:crypto';
import type { ExpectationRequest, HubPayment, UnmatchedPayment } from '../../contract/hub';
import type { SqlRow, SqlRunner, StoreSignal } from './sql';
import { bytes, int, iso, isoOf, PAYMENT_COLUMNS, text, textOrNull } from './rows';
import type { ExpectationResult, IncomingPayment, QuarantineEntry, QuarantinedWebhook, RawWebhook, StreamItem, Terminal, WebhookOutcome } from './types';

type Announce = (signal: StoreSignal) => Promise<void>;

interface References {
  qrId: string | null;
  txnRef: string | null;
  tr: string | null;
}

/**
 * A payment and an expectation that could match share a reference, so they share a lock: a webhook and
 * the expectation it pays, arriving together in two processes, cannot both miss each other. Keys are
 * taken in one sorted order, so two transactions never wait on each other in a circle.
 */
function lockKeys(shopId: string, refs: References, paymentId?: string): string[] {
  const parts = [paymentId && `pay ${paymentId}`, refs.qrId && `qr ${refs.qrId}`, refs.txnRef && `txn ${refs.txnRef}`, refs.tr && `tr ${refs.tr}`].filter((p): p is string => Boolean(p));
  const keys = parts.map((p) => createHash('sha256').update(`${shopId}\n${p}`).digest().readBigInt64BE(0));
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

async function lock(tx: SqlRunner, keys: string[]): Promise<void> {
  if (keys.length > 0) await tx.query('select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as k', [keys]);
}

// Deliveries bump the terminal's cursor under its row lock (so its cursors commit in order), write the
// delivery and mark the payment, in one statement. Revoked terminals get nothing.
const DELIVER_TO = `
  with bump as (update terminals set delivery_seq = delivery_seq + 1 where id = $3 and revoked_at is null returning id, delivery_seq),
  delivery as (insert into deliveries (terminal_id, seq, shop_id, payment_id, sale_id, created_at) select id, delivery_seq, $1, $2, $4, $5::timestamptz from bump returning 1),
  marked as (update payments set delivered_at = $5::timestamptz, sale_id = $4, terminal_id = $3 where shop_id = $1 and payment_id = $2 and exists (select 1 from bump) returning 1)
  select id from bump`;

/** The same, to the expectation that matches best: QR id first, then txnRefranceID, then tr; the newest wins a tie. */
const DELIVER_BY_MATCH = `
  with m as (
    select e.terminal_id, e.sale_id from expectations e join terminals t on t.id = e.terminal_id and t.revoked_at is null
    where e.shop_id = $1 and (e.qr_id = $3 or e.txn_ref = $4 or e.tr = $5)
    order by case when e.qr_id = $3 then 1 when e.txn_ref = $4 then 2 else 3 end, e.created_at desc, e.sale_id limit 1),
  bump as (update terminals t set delivery_seq = t.delivery_seq + 1 from m where t.id = m.terminal_id and t.revoked_at is null returning t.id, t.delivery_seq, m.sale_id),
  delivery as (insert into deliveries (terminal_id, seq, shop_id, payment_id, sale_id, created_at) select id, delivery_seq, $1, $2, sale_id, $6::timestamptz from bump returning 1),
  marked as (update payments p set delivered_at = $6::timestamptz, sale_id = bump.sale_id, terminal_id = bump.id from bump where p.shop_id = $1 and p.payment_id = $2 returning 1)
  select id from bump`;

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
  const [delivered] = await tx.query(DELIVER_BY_MATCH, [raw.shopId, p.paymentId, p.qrId, p.txnRef, p.tr, at]);
  if (!delivered) return { kind, deliveredTo: null };
  const terminalId = text(delivered.id);
  await announce({ kind: 'delivery', terminalId });
  return { kind, deliveredTo: terminalId };
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
    await tx.query(
      'insert into expectations (terminal_id, sale_id, shop_id, qr_id, txn_ref, tr, amount_paise, expires_at, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [terminal.id, e.saleId, shopId, e.qrId, e.txnRef, e.tr, e.amountPaise, e.expiresAt, iso(now)],
    );
  }
  // Payments that came before their QR was announced (a counter offline, a retry) are delivered now.
  const waiting = await tx.query(
    `select payment_id from payments where shop_id = $1 and succeeded and delivered_at is null and (qr_id = $2 or txn_ref = $3 or tr = $4)
     order by received_at, payment_id`,
    [shopId, e.qrId, e.txnRef, e.tr],
  );
  let delivered = false;
  for (const row of waiting) delivered = (await tx.query(DELIVER_TO, [shopId, text(row.payment_id), terminal.id, e.saleId, iso(now)])).length > 0 || delivered;
  if (delivered) await announce({ kind: 'delivery', terminalId: terminal.id });
  return held ? 'repeat' : 'created';
}

const hubEvent = (value: unknown): HubPayment['event'] => (value === 'UPIQR_SUCCESS' ? 'UPIQR_SUCCESS' : 'qr_code.credited');

const unmatchedOf = (r: SqlRow): UnmatchedPayment => ({
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
    const { paymentId, ...rest } = unmatchedOf(r);
    return { cursor: int(r.seq), payment: { paymentId, saleId: text(r.delivered_sale_id), ...rest } };
  });
}

export async function unmatchedPayments(tx: SqlRunner, shopId: string, limit: number): Promise<UnmatchedPayment[]> {
  const rows = await tx.query(`select ${PAYMENT_COLUMNS} from payments where shop_id = $1 and succeeded and delivered_at is null order by received_at desc, payment_id limit $2`, [shopId, limit]);
  return rows.map(unmatchedOf);
}
