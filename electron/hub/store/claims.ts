import type { ExpectationRequest } from '../../contract/hub';
import { addShopChange, lockTerminalJournal } from './journal';
import { iso, text } from './rows';
import { VERIFY_DELIVERED } from './sale-rows';
import type { SqlRunner, StoreSignal } from './sql';

type Announce = (signal: StoreSignal) => Promise<void>;

/** What a payment or a claim names its QR by: BOS's QR id, and references (txnRefranceID, the intent's `tr`). */
export interface References {
  qrId: string | null;
  txnRef: string | null;
  tr: string | null;
}

/**
 * txnRefranceID and `tr` are one namespace: UPIQR_SUCCESS's `refid` is matched to either, so a claim of
 * one counter's `tr` as another's txnRefranceID is a claim of the same reference.
 */
export const referencesOf = (r: References): string[] => [...new Set([r.txnRef, r.tr].filter((v): v is string => Boolean(v)))];

export interface Claim {
  terminalId: string;
  saleId: string;
}

// The unrevoked terminals' claims a QR id or reference has ($2 the QR id, $3 the references), first
// first, and whether a claim on it was ever refused: one statement, one row.
const CLAIMS_OF = `
  select coalesce((
      select json_agg(json_build_object('terminalId', e.terminal_id, 'saleId', e.sale_id) order by e.created_at, e.terminal_id, e.sale_id)
      from expectations e join terminals t on t.id = e.terminal_id and t.revoked_at is null
      where e.shop_id = $1 and (e.qr_id = $2 or e.txn_ref = any($3::text[]) or e.tr = any($3::text[]))), '[]'::json) as claims,
    exists (select 1 from refused_claims where shop_id = $1 and (qr_id = $2 or txn_ref = any($3::text[]) or tr = any($3::text[]))) as refused`;
const REFUSE = `insert into refused_claims (shop_id, terminal_id, sale_id, qr_id, txn_ref, tr, first_terminal_id, first_sale_id, at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

const claimOf = (value: unknown): Claim => {
  const claim = value as { terminalId?: unknown; saleId?: unknown };
  return { terminalId: text(claim.terminalId), saleId: text(claim.saleId) };
};

/** The claims on a QR id or reference, first first, and whether one was ever refused. */
export async function claimsOf(tx: SqlRunner, shopId: string, refs: References): Promise<{ claims: Claim[]; refused: boolean }> {
  const [row] = await tx.query(CLAIMS_OF, [shopId, refs.qrId, referencesOf(refs)]);
  const claims = typeof row?.claims === 'string' ? (JSON.parse(row.claims) as unknown) : row?.claims;
  return { claims: Array.isArray(claims) ? claims.map(claimOf) : [], refused: row?.refused === true };
}

/**
 * A new claim (terminal, sale) on a QR id or reference another claim has already: refused, and kept as
 * refused so that a payment it matches is held for the owner. The first claim, or null when it is free.
 */
export async function refuseIfClaimed(tx: SqlRunner, shopId: string, terminalId: string, e: ExpectationRequest, now: number): Promise<Claim | null> {
  const [first] = (await claimsOf(tx, shopId, e)).claims.filter((c) => !(c.terminalId === terminalId && c.saleId === e.saleId));
  if (!first) return null;
  await tx.query(REFUSE, [shopId, terminalId, e.saleId, e.qrId, e.txnRef, e.tr, first.terminalId, first.saleId, iso(now)]);
  return first;
}

// Deliveries bump the terminal's cursor under its row lock (so its cursors commit in order), write the
// delivery and mark the payment, in one statement. Revoked terminals get nothing.
const DELIVER_TO = `
  with bump as (update terminals set delivery_seq = delivery_seq + 1 where id = $3 and revoked_at is null returning id, delivery_seq),
  delivery as (insert into deliveries (terminal_id, seq, shop_id, payment_id, sale_id, created_at) select id, delivery_seq, $1, $2, $4, $5::timestamptz from bump returning 1),
  marked as (update payments set delivered_at = $5::timestamptz, sale_id = $4, terminal_id = $3 where shop_id = $1 and payment_id = $2 and exists (select 1 from bump) returning 1)
  select id from bump`;
const HOLD = "update payments set held_reason = 'claimed_twice' where shop_id = $1 and payment_id = $2";

export type Settled = { kind: 'delivered'; terminalId: string } | { kind: 'held' } | { kind: 'unclaimed' };

/**
 * A succeeded payment not yet delivered, given to the one claim that matches it. Two claims (two sales,
 * or a claim the hub refused because another was first) match it: held for the owner, given to neither,
 * whichever came first, since the hub cannot tell which counter showed the customer that QR.
 */
export async function settlePayment(tx: SqlRunner, announce: Announce, shopId: string, paymentId: string, refs: References, now: number): Promise<Settled> {
  const { claims, refused } = await claimsOf(tx, shopId, refs);
  if (claims.length > 1 || refused) {
    await tx.query(HOLD, [shopId, paymentId]);
    return { kind: 'held' };
  }
  const [claim] = claims;
  if (!claim) return { kind: 'unclaimed' };
  const at = iso(now);
  if ((await tx.query(DELIVER_TO, [shopId, paymentId, claim.terminalId, claim.saleId, at])).length === 0) return { kind: 'unclaimed' };
  await announce({ kind: 'delivery', terminalId: claim.terminalId });
  // A sale its counter already said BOS confirmed (by BOS's status call, before this webhook) is now so for the owner too.
  await lockTerminalJournal(tx, claim.terminalId);
  const days = (await tx.query(VERIFY_DELIVERED, [claim.terminalId, claim.saleId])).map((r) => text(r.day));
  await addShopChange(tx, announce, shopId, claim.terminalId, days, at);
  return { kind: 'delivered', terminalId: claim.terminalId };
}
