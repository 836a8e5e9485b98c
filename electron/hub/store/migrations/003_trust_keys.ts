/**
 * The hub's trust chain: owner keys named, kinded, traced to whoever made them, used and revocable;
 * the webhook secret kept only as hashes, with the one before a rotation valid for a grace period;
 * pairing codes cleaned once spent or expired. A secret an earlier hub kept in clear text is hashed
 * here and the text removed: from this version no backup holds it.
 */
export const version = 3;
export const name = 'owner key kinds and makers, webhook secret rotation, pairing code clean-up';

export const sql = `
alter table owner_keys add column id text;
update owner_keys set id = 'key_' || substr(key_hash, 1, 20);
alter table owner_keys alter column id set not null;
create unique index owner_keys_by_id on owner_keys (id);

-- owner: the read API, the terminals and counter pairing codes; read: the read API only; payments: no owner call
alter table owner_keys add column kind text not null default 'owner' check (kind in ('owner', 'read', 'payments'));
-- start: --owner-key (the operator's, gone when no longer given); command: npm run hub -- owner-key;
-- terminal: an owner terminal made it (it dies with that terminal); earlier: made before makers were kept
alter table owner_keys drop constraint owner_keys_origin_check;
update owner_keys set origin = 'earlier' where origin = 'made';
alter table owner_keys add constraint owner_keys_origin_check check (origin in ('start', 'command', 'terminal', 'earlier'));
alter table owner_keys add column made_by_terminal text references terminals (id);
alter table owner_keys add column last_used_at timestamptz;
alter table owner_keys add column revoked_at timestamptz;
create index owner_keys_by_maker on owner_keys (made_by_terminal) where made_by_terminal is not null;

-- after a rotation the secret before stays valid until previous_webhook_secret_until
alter table shops add column previous_webhook_secret_hash text;
alter table shops add column previous_webhook_secret_until timestamptz;
create index shops_by_previous_webhook_secret on shops (previous_webhook_secret_hash) where previous_webhook_secret_hash is not null;
update shops set webhook_secret_hash = encode(sha256(convert_to(c.value, 'UTF8')), 'hex')
  from hub_config c, hub_config d
  where c.key = 'default_webhook_secret' and d.key = 'default_shop_id' and shops.id = d.value;
delete from hub_config where key = 'default_webhook_secret';

-- Codes are sixteen digits from this version: a six-digit one still waiting could never be typed again.
delete from pairing_codes;
create index pairing_codes_by_shop on pairing_codes (shop_id, expires_at);
create index pairing_codes_by_expiry on pairing_codes (expires_at);
`;
