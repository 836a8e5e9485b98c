/**
 * Every counter's journal at the hub, the sales folded from it, what each counter reported for its days,
 * the owner's keys, and a per-shop change log for the owner's stream. Keyed by shop and terminal: a
 * partner's hub serves hundreds of shops, and every owner query names one shop and one day.
 */
export const version = 2;
export const name = 'journal events, sales fold, counter reports, owner keys, shop changes';

export const sql = `
create table journal_events (
  terminal_id text not null references terminals (id),
  event_id bigint not null,
  shop_id text not null references shops (id),
  type text not null,
  role text not null,
  at timestamptz not null,
  -- the shop-local (IST) day of the sale the event belongs to; of the event itself when it is no sale's
  day date not null,
  sale_id text,
  data jsonb not null,
  received_at timestamptz not null,
  primary key (terminal_id, event_id)
);
-- a sale's own events, for the fold when one arrives below what was already folded
create index journal_events_by_sale on journal_events (terminal_id, sale_id, event_id) where sale_id is not null;

create table sales (
  terminal_id text not null references terminals (id),
  sale_id text not null,
  shop_id text not null references shops (id),
  day date not null,
  requested boolean not null,
  requested_at timestamptz not null,
  -- the IST hour the sale was rung up, for collectedByHour
  hour smallint not null,
  amount_paise bigint not null,
  state text not null,
  confirmed_by text,
  qr_id text,
  txn_ref text,
  payee_vpa text,
  payee_name text,
  utr text,
  paid_at timestamptz,
  paid_after_expiry boolean not null,
  paid_after_cancel boolean not null,
  error_code text,
  error_message text,
  bos_code text,
  bos_message text,
  late_amount_paise bigint,
  late_utr text,
  late_reason text,
  last_event_id bigint not null,
  updated_at timestamptz not null,
  primary key (terminal_id, sale_id)
);
create index sales_by_shop_day on sales (shop_id, day);
create index sales_by_terminal_day on sales (terminal_id, day);

create table journal_reports (
  terminal_id text not null references terminals (id),
  day date not null,
  shop_id text not null references shops (id),
  sales jsonb not null,
  -- the highest event id the counter had sent with it: a stale resend never overwrites a newer report
  as_of_event_id bigint not null,
  reported_at timestamptz not null,
  primary key (terminal_id, day)
);
create index journal_reports_by_shop_day on journal_reports (shop_id, day);

create table owner_keys (
  key_hash text primary key,
  shop_id text not null references shops (id),
  label text not null,
  -- 'start': given with --owner-key (a new one replaces it); 'made': from the CLI or an owner terminal
  origin text not null check (origin in ('start', 'made')),
  created_at timestamptz not null
);
create index owner_keys_by_shop on owner_keys (shop_id);

alter table shops add column journal_seq bigint not null default 0;

create table shop_changes (
  shop_id text not null references shops (id),
  seq bigint not null,
  terminal_id text not null,
  days jsonb not null,
  at timestamptz not null,
  primary key (shop_id, seq)
);
`;
