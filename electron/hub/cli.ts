// npm run hub -- [serve] [--port N] [--host H] [--data-dir DIR | --database-url URL] [--webhook-secret S]
//   [--webhook-hmac-secret H] [--pairing-code C] [--registration-id ID] [--shop-name NAME] [--log-level L] [--trust-proxy]
// npm run hub -- pairing-code --role owner|counter [--name NAME]   (same store flags)
// npm run hub -- terminals | revoke <terminalId>                    (same store flags)
// npm run hub -- owner-key [--label LABEL]                          (same store flags)
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HUB_ROUTES, type TerminalRole } from '../contract/hub';
import { argsWithEnvironment } from './env';
import { makeOwnerKey, startHub } from './index';
import type { HubLogLevel } from './log';
import { issuePairingCode, PAIRING_CODE_TTL_MS } from './pairing';
import { hashSecret, newWebhookSecret } from './secrets';
import { openStore } from './store/open';
import type { HubStore } from './store/types';

const USAGE = `Counter hub: takes BOS's payment webhooks, pushes each payment to the counter whose QR it pays,
and keeps every counter's journal for the owner (GET /v1/days/<YYYY-MM-DD>/summary with an owner key).

  npm run hub -- [--port 4020] [--host 127.0.0.1] [--data-dir DIR | --database-url postgres://…]
                 [--webhook-secret S] [--webhook-hmac-secret H] [--pairing-code 123456]
                 [--registration-id BOS-554 --shop-name "Sharma Stores"] [--log-level info]
                 [--owner-key K]   (the owner's key for the read API and scripts; kept hashed)
                 [--trust-proxy]   (behind your own reverse proxy only: client addresses from X-Forwarded-For)
  npm run hub -- pairing-code --role counter|owner [--name "Owner laptop"]   (same --data-dir / --database-url)
  npm run hub -- terminals                                                    (list this shop's terminals)
  npm run hub -- revoke <terminalId>                                          (unpair one at once)
  npm run hub -- owner-key [--label "Accounts script"]                         (a new owner key, shown once)
  npm run hub -- shop-add --registration-id BOS-901 --shop-name "Gupta Medical" [--public-url https://hub.example.in]
                 (a partner's next shop: its own webhook URL for BOS and an owner pairing code, shown once)
  pairing-code, terminals, revoke and owner-key take --shop <registration id> for a shop added so (default: the first shop)

DATABASE_URL works like --database-url; HUB_WEBHOOK_SECRET, HUB_WEBHOOK_HMAC_SECRET and HUB_OWNER_KEY like their flags
(they keep secrets out of the process list). The default data directory is ~/.counter-hub (PGlite, one process).`;

const { values, positionals } = (() => {
  try {
    return parseArgs({
      args: argsWithEnvironment(process.argv.slice(2)),
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '4020' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'webhook-hmac-secret': { type: 'string' },
        'pairing-code': { type: 'string' },
        'registration-id': { type: 'string' },
        'shop-name': { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        'trust-proxy': { type: 'boolean', default: false },
        'owner-key': { type: 'string' },
        label: { type: 'string' },
        role: { type: 'string', default: 'counter' },
        name: { type: 'string' },
        shop: { type: 'string' },
        'public-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // An unknown or malformed flag: say which, and how to run it, not a stack trace.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();

const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? null;
const dataDir = databaseUrl ? null : (values['data-dir'] ?? join(homedir(), '.counter-hub'));
const where = databaseUrl ? 'PostgreSQL' : `PGlite at ${dataDir}`;
const untilTime = (iso: string) => new Date(iso).toLocaleTimeString('en-IN', { hour: '2-digit', minute: '2-digit' });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function withStore<T>(fn: (store: HubStore, shopId: string) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl, dataDir });
  try {
    // On a brand-new store this makes the default shop (and its webhook secret) as serving would.
    const secret = newWebhookSecret();
    const { shop } = await store.openDefaultShop({ registrationId: null, name: null, givenSecretHash: null, generated: { secret, hash: hashSecret(secret) }, now: Date.now() });
    if (!values.shop) return await fn(store, shop.id);
    const chosen = await store.shopByRegistrationId(values.shop);
    if (!chosen) fail(`This hub has no shop with BOS registration id ${values.shop} (npm run hub -- shop-add adds one).`);
    return await fn(store, chosen.id);
  } finally {
    await store.close();
  }
}

async function serve(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}`);
  const hub = await startHub({
    host: values.host,
    port,
    databaseUrl,
    dataDir,
    webhookSecret: values['webhook-secret'] ?? process.env.HUB_WEBHOOK_SECRET ?? null,
    webhookHmacSecret: values['webhook-hmac-secret'] ?? process.env.HUB_WEBHOOK_HMAC_SECRET ?? null,
    pairingCode: values['pairing-code'] ?? null,
    ownerKey: values['owner-key'] ?? process.env.HUB_OWNER_KEY ?? null,
    registrationId: values['registration-id'] ?? null,
    shopName: values['shop-name'] ?? null,
    log: { level: values['log-level'] as HubLogLevel, destination: process.stderr },
    trustProxy: values['trust-proxy'] ?? false,
  });
  const code = values['pairing-code'] ? { code: values['pairing-code'], expiresAt: new Date(Date.now() + PAIRING_CODE_TTL_MS).toISOString() } : await hub.createPairingCode('counter');
  console.log(`Counter hub listening on ${hub.url}`);
  console.log(`Store: ${where}; shop "${hub.shop.name}" (BOS registration id ${hub.shop.registrationId})`);
  console.log(`Webhook URL for BOS: ${hub.webhookUrl}`);
  console.log('  (BOS must reach it: behind your public HTTPS address, give BOS that address with the same /bos/webhook/… path.)');
  if (values['owner-key'] ?? process.env.HUB_OWNER_KEY) console.log(`Owner key: the one given (the read API: ${hub.url}/v1/days/<YYYY-MM-DD>/summary with Authorization: Bearer <key>)`);
  console.log(`Pairing code for a counter: ${code.code} (valid until ${untilTime(code.expiresAt)}; npm run hub -- pairing-code for more)`);
  const stop = () => void hub.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A partner's next shop: the webhook secret is shown once (the hub keeps its hash), with the owner's first pairing code. */
async function addShop(): Promise<void> {
  const registrationId = values['registration-id']?.trim();
  const name = values['shop-name']?.trim();
  if (!registrationId || !name) fail('shop-add needs --registration-id (the shop\'s BOS registration id) and --shop-name.');
  const base = (values['public-url'] ?? 'https://<your hub address>').replace(/\/+$/, '');
  const secret = newWebhookSecret();
  const made = await withStore(async (store) => {
    const shop = await store.addShop({ registrationId, name, webhookSecretHash: hashSecret(secret), now: Date.now() });
    return shop ? { shop, code: await issuePairingCode(store, Date.now(), { shopId: shop.id, role: 'owner', name: 'Owner' }) } : null;
  });
  if (!made) fail(`This hub has a shop with BOS registration id ${registrationId} already.`);
  console.log(`Added shop "${made.shop.name}" (BOS registration id ${made.shop.registrationId}).`);
  console.log(`Webhook URL for BOS: ${base}${HUB_ROUTES.webhookPrefix}${secret}`);
  console.log('  Shown once: the hub keeps only its hash. Give it to BOS for this shop\'s registration id.');
  console.log(`Pairing code for the owner: ${made.code.code} (valid until ${untilTime(made.code.expiresAt)}; npm run hub -- pairing-code --shop ${made.shop.registrationId} for more)`);
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command = 'serve', ...args] = positionals;
  switch (command) {
    case 'serve':
      return serve();
    case 'pairing-code': {
      const role = values.role as TerminalRole;
      if (role !== 'counter' && role !== 'owner') fail('--role is counter or owner');
      const answer = await withStore((store, shopId) => issuePairingCode(store, Date.now(), { shopId, role, name: values.name ?? null }));
      console.log(`Pairing code for ${role === 'owner' ? 'an owner' : 'a counter'}: ${answer.code} (valid until ${untilTime(answer.expiresAt)})`);
      return;
    }
    case 'terminals': {
      const listing = await withStore((store, shopId) => store.listTerminals(shopId));
      if (listing.length === 0) console.log('No terminals are paired yet.');
      for (const t of listing) console.log(`${t.terminalId}  ${t.role.padEnd(7)}  ${t.revoked ? 'revoked' : 'active '}  ${t.name}  (paired ${t.pairedAt}, last seen ${t.lastSeenAt ?? 'never'})`);
      return;
    }
    case 'owner-key': {
      const made = await withStore((store, shopId) => makeOwnerKey(store, shopId, values.label ?? null, Date.now()));
      console.log(`Owner key (${made.label}): ${made.key}`);
      console.log('  Shown once; the hub keeps only its hash. Send it as Authorization: Bearer <key>.');
      return;
    }
    case 'revoke': {
      const [terminalId] = args;
      if (!terminalId) fail('Which terminal? npm run hub -- revoke <terminalId> (npm run hub -- terminals lists them)');
      const listing = await withStore((store, shopId) => store.revokeTerminal(shopId, terminalId, Date.now()));
      if (!listing) fail(`This shop has no terminal ${terminalId}.`);
      console.log(`Revoked ${listing.terminalId} (${listing.name}): its credential no longer works.`);
      return;
    }
    case 'shop-add':
      return addShop();
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main().catch((error: unknown) => fail(`Counter hub: ${error instanceof Error ? error.message : String(error)}`));
