import type { OwnerKeyKind, OwnerKeyListing, OwnerKeyOrigin } from '../../contract/hub';
import { iso, isoOf, isoOrNull, text } from './rows';
import { StoreError } from './errors';
import { randomId } from './ids';
import type { SqlRow, SqlRunner } from './sql';
import type { AuthenticatedOwnerKey, NewOwnerKey } from './types';

const KINDS: readonly OwnerKeyKind[] = ['owner', 'read', 'payments'];
const ORIGINS: readonly OwnerKeyOrigin[] = ['terminal', 'command', 'start', 'earlier'];
// An unknown word from a newer hub reads as the least it could mean.
const kindOf = (value: unknown): OwnerKeyKind => KINDS.find((k) => k === value) ?? 'payments';
const originOf = (value: unknown): OwnerKeyOrigin => ORIGINS.find((o) => o === value) ?? 'earlier';

const LISTING = `select k.id, k.label, k.kind, k.origin, k.created_at, k.last_used_at, k.revoked_at, k.made_by_terminal, t.name as maker_name, t.revoked_at as maker_revoked_at
  from owner_keys k left join terminals t on t.id = k.made_by_terminal`;

const listingOf = (row: SqlRow): OwnerKeyListing => ({
  keyId: text(row.id),
  label: text(row.label),
  kind: kindOf(row.kind),
  createdAt: isoOf(row.created_at),
  origin: originOf(row.origin),
  madeBy: row.made_by_terminal === null || row.made_by_terminal === undefined ? null : { terminalId: text(row.made_by_terminal), name: text(row.maker_name) },
  lastUsedAt: isoOrNull(row.last_used_at),
  // A key whose maker was revoked is revoked with it (revokeTerminal marks both; this holds for rows from before).
  revoked: row.revoked_at !== null || (row.maker_revoked_at !== null && row.maker_revoked_at !== undefined),
});

export async function createOwnerKey(tx: SqlRunner, key: NewOwnerKey): Promise<OwnerKeyListing> {
  const id = randomId('key');
  const [row] = await tx.query(
    `insert into owner_keys (id, key_hash, shop_id, label, kind, origin, made_by_terminal, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (key_hash) do update set revoked_at = null where owner_keys.shop_id = excluded.shop_id and owner_keys.origin = 'start' returning id`,
    [id, key.keyHash, key.shopId, key.label, key.kind, key.origin, key.madeByTerminal, iso(key.now)],
  );
  // The same --owner-key given again is the same key (its row, its id). A made key is 256 random bits:
  // only an operator reusing another key's text as --owner-key meets a row it may not take over.
  const [listed] = row ? await tx.query(`${LISTING} where k.id = $1`, [text(row.id)]) : [];
  if (!listed) throw new StoreError('That owner key is already in use on this hub for something else: choose another.');
  return listingOf(listed);
}

export async function ownerKeyByHash(tx: SqlRunner, hash: string): Promise<AuthenticatedOwnerKey | null> {
  const [row] = await tx.query(
    `select k.id, k.kind, s.id as shop_id, s.registration_id, s.name from owner_keys k join shops s on s.id = k.shop_id
     left join terminals t on t.id = k.made_by_terminal
     where k.key_hash = $1 and k.revoked_at is null and t.revoked_at is null`,
    [hash],
  );
  return row ? { id: text(row.id), kind: kindOf(row.kind), shop: { id: text(row.shop_id), registrationId: text(row.registration_id), name: text(row.name) } } : null;
}

export async function ownerKeyActive(tx: SqlRunner, keyId: string): Promise<boolean> {
  const rows = await tx.query('select 1 from owner_keys k left join terminals t on t.id = k.made_by_terminal where k.id = $1 and k.revoked_at is null and t.revoked_at is null', [keyId]);
  return rows.length > 0;
}

export async function listOwnerKeys(tx: SqlRunner, shopId: string): Promise<OwnerKeyListing[]> {
  return (await tx.query(`${LISTING} where k.shop_id = $1 order by k.created_at, k.id`, [shopId])).map(listingOf);
}

export async function revokeOwnerKey(tx: SqlRunner, shopId: string, keyId: string, now: number): Promise<OwnerKeyListing | null> {
  await tx.query('update owner_keys set revoked_at = $3 where id = $1 and shop_id = $2 and revoked_at is null', [keyId, shopId, iso(now)]);
  const [row] = await tx.query(`${LISTING} where k.id = $1 and k.shop_id = $2`, [keyId, shopId]);
  return row ? listingOf(row) : null;
}

/** The operator's --owner-key: only the one given now works; with none given, none does. */
export async function revokeStartKeys(tx: SqlRunner, shopId: string, keepHash: string | null, now: number): Promise<number> {
  const rows = await tx.query("update owner_keys set revoked_at = $3 where shop_id = $1 and origin = 'start' and revoked_at is null and key_hash is distinct from $2 returning id", [shopId, keepHash, iso(now)]);
  return rows.length;
}

// At most one write a key per half minute, whatever its call rate.
export async function touchOwnerKey(tx: SqlRunner, keyId: string, now: number): Promise<void> {
  await tx.query("update owner_keys set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '30 seconds')", [keyId, iso(now)]);
}
