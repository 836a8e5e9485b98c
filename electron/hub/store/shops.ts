import type { SqlRow, SqlRunner } from './sql';
import { iso, SHOP_COLUMNS, text } from './rows';
import type { DefaultShop, DefaultShopInput, NewShop, Shop } from './types';
import { StoreError } from './errors';
import { randomId } from './ids';

const DEFAULT_SHOP_KEY = 'default_shop_id';
const DEFAULT_SECRET_KEY = 'default_webhook_secret';
// Taken while the default shop is made or changed, so two processes starting at once agree on one.
const DEFAULT_SHOP_LOCK = 4_207_262_002;

export const shopOf = (row: SqlRow): Shop => ({ id: text(row.id), registrationId: text(row.registration_id), name: text(row.name) });

async function config(tx: SqlRunner, key: string): Promise<string | null> {
  const [row] = await tx.query('select value from hub_config where key = $1', [key]);
  return row ? text(row.value) : null;
}

async function setConfig(tx: SqlRunner, key: string, value: string | null): Promise<void> {
  if (value === null) await tx.query('delete from hub_config where key = $1', [key]);
  else await tx.query('insert into hub_config (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value', [key, value]);
}

/**
 * The shop a single-shop hub serves, made at first start. Its webhook secret is checked by hash only;
 * the store keeps the secret itself only when the hub generated it, so the webhook URL can be shown again.
 */
export async function openDefaultShop(tx: SqlRunner, input: DefaultShopInput): Promise<DefaultShop> {
  await tx.query('select pg_advisory_xact_lock($1)', [DEFAULT_SHOP_LOCK]);
  const shopId = await config(tx, DEFAULT_SHOP_KEY);
  if (!shopId) {
    const id = randomId('shop');
    const hash = input.givenSecretHash ?? input.generated.hash;
    await tx.query('insert into shops (id, registration_id, name, webhook_secret_hash, created_at) values ($1, $2, $3, $4, $5)', [id, input.registrationId ?? 'default', input.name ?? 'My shop', hash, iso(input.now)]);
    await setConfig(tx, DEFAULT_SHOP_KEY, id);
    const storedSecret = input.givenSecretHash ? null : input.generated.secret;
    await setConfig(tx, DEFAULT_SECRET_KEY, storedSecret);
    return { shop: { id, registrationId: input.registrationId ?? 'default', name: input.name ?? 'My shop' }, storedSecret };
  }
  const [row] = await tx.query(`select ${SHOP_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new StoreError(`The default shop ${shopId} is missing from the shops table.`);
  if (input.registrationId !== null || input.name !== null) {
    await tx.query('update shops set registration_id = coalesce($2, registration_id), name = coalesce($3, name) where id = $1', [shopId, input.registrationId, input.name]);
  }
  const [updated] = await tx.query(`select ${SHOP_COLUMNS} from shops where id = $1`, [shopId]);
  const shop = shopOf(updated ?? row);
  if (input.givenSecretHash) {
    if (input.givenSecretHash !== row.webhook_secret_hash) {
      await tx.query('update shops set webhook_secret_hash = $2 where id = $1', [shopId, input.givenSecretHash]);
      await setConfig(tx, DEFAULT_SECRET_KEY, null);
    }
    return { shop, storedSecret: null };
  }
  let storedSecret = await config(tx, DEFAULT_SECRET_KEY);
  if (!storedSecret && row.webhook_secret_hash === null) {
    storedSecret = input.generated.secret;
    await tx.query('update shops set webhook_secret_hash = $2 where id = $1', [shopId, input.generated.hash]);
    await setConfig(tx, DEFAULT_SECRET_KEY, storedSecret);
  }
  return { shop, storedSecret };
}

export async function shopByWebhookSecretHash(tx: SqlRunner, hash: string): Promise<{ shop: Shop; hash: string } | null> {
  const [row] = await tx.query(`select ${SHOP_COLUMNS} from shops where webhook_secret_hash = $1`, [hash]);
  return row ? { shop: shopOf(row), hash: text(row.webhook_secret_hash) } : null;
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
