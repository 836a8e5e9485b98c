/**
 * What the hub believes of a counter's word, and what a counter may cost it. A sale its counter says BOS
 * confirmed is marked BOS-verified only when the hub's own payments hold that payment for it; a QR id or
 * reference belongs to the first counter that announced it, and a later claim is kept as refused (a
 * payment it matches is held for the owner); each terminal's journal bytes per shop day with its rate window,
 * and its failed batches. Only adds, and touches no table of migration 003: the two apply in either order.
 */
export const version = 4;
export const name = 'BOS-verified sales, refused claims and held payments, journal usage and health';

export const sql = `
-- the payments delivered to a sale, for checking a counter's "confirmed by BOS" against them
create index payments_by_sale on payments (terminal_id, sale_id) where terminal_id is not null;

alter table sales add column bos_verified boolean not null default false;
-- existing sales: verified now if the hub holds the payment it delivered to that sale, for its amount and QR
update sales s set bos_verified = true
where s.confirmed_by = 'bos' and exists (
  select 1 from payments p
  where p.terminal_id = s.terminal_id and p.sale_id = s.sale_id and p.shop_id = s.shop_id and p.succeeded
    and p.amount_paise = s.amount_paise and upper(p.currency) = 'INR' and (p.qr_id is null or p.qr_id = s.qr_id));

-- why a succeeded, undelivered payment is held for the owner: null, no counter claimed it (yet);
-- 'claimed_twice', two claims match it and the hub gave it to neither
alter table payments add column held_reason text;

-- a claim refused because another terminal (or sale) had announced the same QR id or reference first
create table refused_claims (
  id bigserial primary key,
  shop_id text not null references shops (id),
  terminal_id text not null references terminals (id),
  sale_id text not null,
  qr_id text not null,
  txn_ref text not null,
  tr text,
  -- the claim that was there first
  first_terminal_id text not null,
  first_sale_id text not null,
  at timestamptz not null
);
create index refused_claims_by_qr on refused_claims (shop_id, qr_id);
create index refused_claims_by_txn on refused_claims (shop_id, txn_ref);
create index refused_claims_by_tr on refused_claims (shop_id, tr) where tr is not null;

-- the journal a terminal sent on each shop day (IST, by when the hub kept it), against its quota then,
-- and its rate window (events kept since the window opened)
create table journal_usage (
  terminal_id text not null references terminals (id),
  day date not null,
  shop_id text not null references shops (id),
  bytes bigint not null,
  events bigint not null,
  bytes_quota bigint not null,
  window_started_at timestamptz not null,
  window_events integer not null,
  primary key (terminal_id, day)
);
create index journal_usage_by_shop_day on journal_usage (shop_id, day);

-- per terminal: the batches the hub failed to keep (5xx) since its last kept one; stuck once that went on
create table journal_health (
  terminal_id text primary key references terminals (id),
  shop_id text not null references shops (id),
  failing_since timestamptz,
  failures integer not null default 0,
  stuck_since timestamptz,
  last_failure text
);
create index journal_health_stuck on journal_health (shop_id) where stuck_since is not null;
`;
