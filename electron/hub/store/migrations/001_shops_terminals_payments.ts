/**
 * The first schema. Every row hangs off a shop (a partner's hub serves hundreds); terminal ids never
 * change; later migrations only add (the journal's tables come next, keyed by shop and terminal).
 */
export const version = 1;
export const name = 'shops, terminals, pairing codes, webhooks, payments, expectations, deliveries';

export const sql = `
create table hub_config (
  key text primary key,
  value text not null
);

create table shops (
  id text primary key,
  registration_id text not null,
  name text not null,
  webhook_secret_hash text unique,
  created_at timestamptz not null
);

create table terminals (
  id text primary key,
  shop_id text not null references shops (id),
  name text not null,
  role text not null check (role in ('counter', 'owner')),
  credential_hash text not null unique,
  paired_at timestamptz not null,
  last_seen_at timestamptz,
  revoked_at timestamptz,
  -- the last stream cursor given out; bumped under this row's lock, so cursors commit in order
  delivery_seq bigint not null default 0
);
create index terminals_by_shop on terminals (shop_id, paired_at);

create table pairing_codes (
  code_hash text primary key,
  shop_id text not null references shops (id),
  role text not null check (role in ('counter', 'owner')),
  name text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by text
);

create table webhook_deliveries (
  id bigserial primary key,
  shop_id text not null references shops (id),
  received_at timestamptz not null,
  content_type text,
  raw_body bytea not null,
  signature text,
  event text not null,
  payment_id text not null,
  duplicate boolean not null
);
create index webhook_deliveries_by_payment on webhook_deliveries (shop_id, payment_id);

create table quarantined_webhooks (
  id bigserial primary key,
  shop_id text references shops (id),
  received_at timestamptz not null,
  reason text not null,
  content_type text,
  raw_body bytea not null,
  signature text
);

create table payments (
  shop_id text not null references shops (id),
  payment_id text not null,
  webhook_id bigint not null references webhook_deliveries (id),
  event text not null,
  succeeded boolean not null,
  status text,
  qr_id text,
  txn_ref text,
  tr text,
  amount_paise bigint,
  currency text not null,
  utr text,
  payer_vpa text,
  received_at timestamptz not null,
  delivered_at timestamptz,
  sale_id text,
  terminal_id text references terminals (id),
  primary key (shop_id, payment_id)
);
create index payments_unmatched on payments (shop_id, received_at) where succeeded and delivered_at is null;
create index payments_unmatched_qr on payments (shop_id, qr_id) where succeeded and delivered_at is null;
create index payments_unmatched_txn on payments (shop_id, txn_ref) where succeeded and delivered_at is null;
create index payments_unmatched_tr on payments (shop_id, tr) where succeeded and delivered_at is null;

create table expectations (
  terminal_id text not null references terminals (id),
  sale_id text not null,
  shop_id text not null references shops (id),
  qr_id text not null,
  txn_ref text not null,
  tr text,
  amount_paise bigint not null,
  -- as the counter sent it (BOS's own words), never parsed: matching ignores expiry
  expires_at text,
  created_at timestamptz not null,
  primary key (terminal_id, sale_id)
);
create index expectations_by_qr on expectations (shop_id, qr_id);
create index expectations_by_txn on expectations (shop_id, txn_ref);
create index expectations_by_tr on expectations (shop_id, tr) where tr is not null;

create table deliveries (
  terminal_id text not null references terminals (id),
  seq bigint not null,
  shop_id text not null,
  payment_id text not null,
  sale_id text not null,
  created_at timestamptz not null,
  primary key (terminal_id, seq),
  unique (shop_id, payment_id),
  foreign key (shop_id, payment_id) references payments (shop_id, payment_id)
);
`;
