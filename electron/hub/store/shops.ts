import type { SqlRow, SqlRunner } from './sql';
import { iso, isoOrNull, SHOP_COLUMNS, text } from './rows';
import type { DefaultShop, DefaultShopInput, NewShop, Shop, WebhookSecretChange } from './types';
import { StoreError } from './errors';
import { randomId } from './ids';

const DEFAULT_SHOP_KEY = 'default_shop_id';
// Taken while the default shop is made or changed, so two processes starting at once agree on one.
const DEFAULT_SHOP_LOCK = 4_207_262_002;

export const shopOf = (row: SqlRow): Shop => ({ id: text(row.id), registrationId: text(row.registration_id), name: text(row.name) });

async function config(tx: SqlRunner, key: string): Promise<string | null> {
  const [row] = await tx.query('select value from hub_config where key = $1', [key]);
  return row ? text(row.value) : null;
}

/**
 * The shop a single-shop hub serves, made at first start without a webhook secret: one is made (and
 * shown once) by an explicit command, or given by the operator; the store keeps only its hash.
 */
export async function openDefaultShop(tx: SqlRunner, input: DefaultShopInput): Promise<DefaultShop> {
  await tx.query('select pg_advisory_xact_lock($1)', [DEFAULT_SHOP_LOCK]);
  const shopId = await config(tx, DEFAULT_SHOP_KEY);
  if (!shopId) {
    const id = randomId('shop');
    const shop = { id, registrationId: input.registrationId ?? 'default', name: input.name ?? 'My shop' };
    await tx.query('insert into shops (id, registration_id, name, webhook_secret_hash, created_at) values ($1, $2, $3, null, $4)', [id, shop.registrationId, shop.name, iso(input.now)]);
    await tx.query('insert into hub_config (key, value) values ($1, $2)', [DEFAULT_SHOP_KEY, id]);
    return { shop, hasWebhookSecret: false };
  }
  if (input.registrationId !== null || input.name !== null) {
    await tx.query('update shops set registration_id = coalesce($2, registration_id), name = coalesce($3, name) where id = $1', [shopId, input.registrationId, input.name]);
  }
  const [row] = await tx.query(`select ${SHOP_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new StoreError(`The default shop ${shopId} is missing from the shops table.`);
  return { shop: shopOf(row), hasWebhookSecret: row.webhook_secret_hash !== null };
}

/** The current secret, or the one before it while its grace period lasts. */
export async function shopByWebhookSecretHash(tx: SqlRunner, hash: string, now: number): Promise<Shop | null> {
  const [row] = await tx.query(
    `select ${SHOP_COLUMNS} from shops where webhook_secret_hash = $1
     union all
     select ${SHOP_COLUMNS} from shops where previous_webhook_secret_hash = $1 and previous_webhook_secret_until > $2
     limit 1`,
    [hash, iso(now)],
  );
  return row ? shopOf(row) : null;
}

/**
 * The new hash becomes the current one; the current one the previous, until its grace period ends (or
 * at once). The hash already current changes nothing (a restart with the same secret keeps the grace).
 */
export async function changeWebhookSecret(tx: SqlRunner, change: WebhookSecretChange): Promise<string | null> {
  const until = change.previousUntil === null ? null : iso(change.previousUntil);
  const [row] = await tx.query(
    `update shops set previous_webhook_secret_hash = case when $3::timestamptz is null then null else webhook_secret_hash end,
                      previous_webhook_secret_until = case when $3::timestamptz is null or webhook_secret_hash is null then null else $3::timestamptz end,
                      webhook_secret_hash = $2
     where id = $1 and webhook_secret_hash is distinct from $2
     returning previous_webhook_secret_until`,
    [change.shopId, change.hash, until],
  );
  return isoOrNull(row?.previous_webhook_secret_until);
}

export async function createShop(tx: SqlRunner, input: NewShop): Promise<Shop> {
  const id = randomId('shop');
  await tx.query('insert into shops (id, registration_id, name, webhook_secret_hash, created_at) values ($1, $2, $3, $4, $5)', [id, input.registrationId, input.name, input.webhookSecretHash, iso(input.now)]);
  return { id, registrationId: input.registrationId, name: input.name };
}

// Taken while a partner adds a shop, so two `shop-add` runs for one registration id make one shop.
const ADD_SHOP_LOCK = 4_207_262_003;

/** A partner's new shop, or null when a shop with this BOS registration id is on the hub already. */
export async function addShop(tx: SqlRunner, input: NewShop): Promise<Shop | null> {
  await tx.query('select pg_advisory_xact_lock($1)', [ADD_SHOP_LOCK]);
  if (await shopByRegistrationId(tx, input.registrationId)) return null;
  return createShop(tx, input);
}

export async function shopByRegistrationId(tx: SqlRunner, registrationId: string): Promise<Shop | null> {
  const [row] = await tx.query(`select ${SHOP_COLUMNS} from shops where registration_id = $1 order by created_at limit 1`, [registrationId]);
  return row ? shopOf(row) : null;
}
