import type { TerminalListing, TerminalRole } from '../../contract/hub';
import type { SqlRow, SqlRunner } from './sql';
import { int, iso, isoOf, isoOrNull, SHOP_COLUMNS, TERMINAL_COLUMNS, text } from './rows';
import { shopOf } from './shops';
import type { AuthenticatedTerminal, NewPairingCode, PairingCodeResult, Redemption, Shop, Terminal } from './types';

const role = (value: unknown): TerminalRole => (value === 'owner' ? 'owner' : 'counter');

const terminalOf = (row: SqlRow): Terminal => ({ id: text(row.id), shopId: text(row.shop_id), name: text(row.name), role: role(row.role), revoked: row.revoked_at !== null });

const listingOf = (row: SqlRow): TerminalListing => ({
  terminalId: text(row.id),
  name: text(row.name),
  role: role(row.role),
  pairedAt: isoOf(row.paired_at),
  lastSeenAt: isoOrNull(row.last_seen_at),
  revoked: row.revoked_at !== null,
});

/**
 * Spent codes are gone already (redeeming deletes the row); expired ones go here, hub-wide. The shop's
 * row is locked while its live codes are counted, so two owners asking at once cannot pass the cap.
 */
export async function createPairingCode(tx: SqlRunner, code: NewPairingCode): Promise<PairingCodeResult> {
  const now = iso(code.now);
  await tx.query('delete from pairing_codes where expires_at <= $1', [now]);
  await tx.query('select id from shops where id = $1 for update', [code.shopId]);
  const [live] = await tx.query('select count(*) as n, min(expires_at) as first from pairing_codes where shop_id = $1', [code.shopId]);
  const renewing = code.ifLive === 'renew' && (await tx.query('select 1 from pairing_codes where code_hash = $1 and shop_id = $2', [code.codeHash, code.shopId])).length > 0;
  if (!renewing && int(live?.n) >= code.maxLive) return { kind: 'full', retryAt: Date.parse(isoOf(live?.first)) };
  const inserted = await tx.query(
    'insert into pairing_codes (code_hash, shop_id, role, name, created_at, expires_at) values ($1, $2, $3, $4, $5, $6) on conflict (code_hash) do nothing returning code_hash',
    [code.codeHash, code.shopId, code.role, code.name, now, iso(code.expiresAt)],
  );
  if (inserted.length > 0) return { kind: 'made' };
  if (!renewing) return { kind: 'taken' };
  await tx.query('update pairing_codes set role = $3, name = $4, expires_at = $5 where code_hash = $1 and shop_id = $2', [code.codeHash, code.shopId, code.role, code.name, iso(code.expiresAt)]);
  return { kind: 'made' };
}

/** Single use: the row is deleted by one statement, so two terminals racing with one code cannot both win. */
export async function redeemPairingCode(tx: SqlRunner, r: Redemption): Promise<{ terminal: Terminal; shop: Shop } | null> {
  const now = iso(r.now);
  const [claimed] = await tx.query('delete from pairing_codes where code_hash = $1 and expires_at > $2 returning shop_id, role, name', [r.codeHash, now]);
  if (!claimed) return null;
  // The name the owner gave the code ("Counter 2") wins: every fresh Counter calls itself "Counter 1".
  const name = typeof claimed.name === 'string' && claimed.name.trim() !== '' ? claimed.name : r.terminalName;
  const [row] = await tx.query(
    `insert into terminals (id, shop_id, name, role, credential_hash, paired_at) values ($1, $2, $3, $4, $5, $6) returning ${TERMINAL_COLUMNS}`,
    [r.terminalId, claimed.shop_id as string, name, role(claimed.role), r.credentialHash, now],
  );
  const [shop] = await tx.query(`select ${SHOP_COLUMNS} from shops where id = $1`, [claimed.shop_id as string]);
  if (!row || !shop) return null;
  return { terminal: terminalOf(row), shop: shopOf(shop) };
}

export async function terminalByCredentialHash(tx: SqlRunner, hash: string): Promise<AuthenticatedTerminal | null> {
  const [row] = await tx.query(
    `select ${TERMINAL_COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')}, s.registration_id as shop_registration_id, s.name as shop_name from terminals t join shops s on s.id = t.shop_id where t.credential_hash = $1`,
    [hash],
  );
  if (!row) return null;
  return { ...terminalOf(row), shop: { id: text(row.shop_id), registrationId: text(row.shop_registration_id), name: text(row.shop_name) } };
}

export async function terminalActive(tx: SqlRunner, terminalId: string): Promise<boolean> {
  const rows = await tx.query('select 1 from terminals where id = $1 and revoked_at is null', [terminalId]);
  return rows.length > 0;
}

// At most one write a terminal per half minute, whatever its call rate.
const TOUCH_EVERY = "interval '30 seconds'";

export async function touchTerminal(tx: SqlRunner, terminalId: string, now: number): Promise<void> {
  await tx.query(`update terminals set last_seen_at = $2 where id = $1 and (last_seen_at is null or last_seen_at < $2::timestamptz - ${TOUCH_EVERY})`, [terminalId, iso(now)]);
}

export async function listTerminals(tx: SqlRunner, shopId: string): Promise<TerminalListing[]> {
  return (await tx.query(`select ${TERMINAL_COLUMNS} from terminals where shop_id = $1 order by paired_at, id`, [shopId])).map(listingOf);
}

/** The terminal and every owner key it made stop working together. */
export async function revokeTerminal(tx: SqlRunner, shopId: string, terminalId: string, now: number): Promise<TerminalListing | null> {
  await tx.query('update terminals set revoked_at = $3 where id = $1 and shop_id = $2 and revoked_at is null', [terminalId, shopId, iso(now)]);
  await tx.query('update owner_keys set revoked_at = $3 where made_by_terminal = $1 and shop_id = $2 and revoked_at is null', [terminalId, shopId, iso(now)]);
  const [row] = await tx.query(`select ${TERMINAL_COLUMNS} from terminals where id = $1 and shop_id = $2`, [terminalId, shopId]);
  return row ? listingOf(row) : null;
}
