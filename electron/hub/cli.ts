// npm run hub -- [serve] …                      the hub (see USAGE)
// npm run hub -- pairing-code | terminals | revoke | owner-key | owner-keys | revoke-key | webhook-secret | shop-add
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { groupedPairingCode } from '../contract/pairing-code';
import { runStoreCommand, type CliValues } from './cli-store';
import { argsWithEnvironment } from './env';
import { journalQuotaOf } from './journal/quota';
import { startHub } from './index';
import type { HubLogLevel } from './log';
import { PAIRING_CODE_TTL_MS } from './pairing';
import { webhookUrlOf } from './webhook/secret';

const USAGE = `Counter hub: takes BOS's payment webhooks, pushes each payment to the counter whose QR it pays,
and keeps every counter's journal for the owner (GET /v1/days/<YYYY-MM-DD>/summary with an owner key).

  npm run hub -- [--port 4020] [--host 127.0.0.1] [--data-dir DIR | --database-url postgres://…]
                 [--registration-id BOS-554 --shop-name "Sharma Stores"] [--log-level info]
                 [--public-url https://hub.example.in]   (the address BOS and counters use, for the URLs it shows)
                 [--new-webhook-secret]                  (a new webhook URL for BOS, printed once; the one before
                                                          works --webhook-grace-hours more, default 24)
                 [--show-pairing-code owner|counter]     (print a pairing code; none is printed unless asked)
                 [--webhook-secret S] [--webhook-hmac-secret H] [--webhook-from 203.0.113.0/24,…]
                 [--owner-key K]   (the operator's own owner key; kept hashed; starting without it revokes it)
                 [--pairing-code C] (accept this counter code for ten minutes, as pairing-code prints them)
                 [--trust-proxy]   (a reverse proxy on this machine: clients are the hop it appends to X-Forwarded-For)
                 [--proxy-address 10.0.0.5,…]  (the same, for a proxy at these addresses)
  npm run hub -- pairing-code --role counter|owner [--name "Owner laptop"]   (same --data-dir / --database-url)
  npm run hub -- terminals | revoke <terminalId>                              (list; unpair one at once)
  npm run hub -- owner-key [--label "Accounts"] [--kind read|owner|payments]   (a new owner key, shown once; read unless asked)
  npm run hub -- owner-keys | revoke-key <keyId>                               (list the keys; revoke one at once)
  npm run hub -- webhook-secret [--public-url URL] [--webhook-grace-hours 24]  (a new webhook URL, shown once)
  npm run hub -- shop-add --registration-id BOS-901 --shop-name "Gupta Medical" [--public-url https://hub.example.in]
                 (a partner's next shop: its own webhook URL for BOS and an owner pairing code, shown once)
  the commands take --shop <registration id> for a shop added so (default: the first shop)

DATABASE_URL works like --database-url; HUB_WEBHOOK_SECRET, HUB_WEBHOOK_HMAC_SECRET, HUB_OWNER_KEY and HUB_WEBHOOK_FROM
like their flags (they keep secrets out of the process list). The default data directory is ~/.counter-hub (PGlite,
one process: stop the hub before running a command, or use PostgreSQL).`;

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
        'webhook-from': { type: 'string' },
        'webhook-grace-hours': { type: 'string', default: '24' },
        'new-webhook-secret': { type: 'boolean', default: false },
        'show-pairing-code': { type: 'string' },
        'pairing-code': { type: 'string' },
        'registration-id': { type: 'string' },
        'shop-name': { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        'trust-proxy': { type: 'boolean', default: false },
        'proxy-address': { type: 'string' },
        'owner-key': { type: 'string' },
        label: { type: 'string' },
        kind: { type: 'string', default: 'read' },
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

/** A variable set to nothing (`HUB_WEBHOOK_SECRET=` in an environment file) is not set: never an empty secret. */
function fromEnv(name: string): string | null {
  const value = process.env[name]?.trim();
  return value ? value : null;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const databaseUrl = values['database-url'] ?? fromEnv('DATABASE_URL');
const dataDir = databaseUrl ? null : (values['data-dir'] ?? join(homedir(), '.counter-hub'));
const where = databaseUrl ? 'PostgreSQL' : `PGlite at ${dataDir}`;
const graceHours = Number(values['webhook-grace-hours']);
if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > 168) fail('--webhook-grace-hours is a whole number of hours from 0 to 168.');
const untilTime = (iso: string) => new Date(iso).toLocaleString('en-IN', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

async function serve(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}`);
  const shown = values['show-pairing-code'];
  if (shown !== undefined && shown !== 'owner' && shown !== 'counter') fail('--show-pairing-code is owner or counter');
  const givenSecret = values['webhook-secret'] ?? fromEnv('HUB_WEBHOOK_SECRET');
  const hub = await startHub({
    host: values.host,
    port,
    databaseUrl,
    dataDir,
    keepWebhookSecret: true,
    webhookSecret: givenSecret,
    webhookGraceMs: graceHours * 60 * 60_000,
    webhookHmacSecret: values['webhook-hmac-secret'] ?? fromEnv('HUB_WEBHOOK_HMAC_SECRET'),
    journalQuota: journalQuotaOf({ eventsPerMinute: fromEnv('HUB_JOURNAL_EVENTS_PER_MINUTE'), bytesPerDay: fromEnv('HUB_JOURNAL_BYTES_PER_DAY') }),
    webhookSources: values['webhook-from'] ?? fromEnv('HUB_WEBHOOK_FROM'),
    pairingCode: values['pairing-code'] ?? null,
    ownerKey: values['owner-key'] ?? fromEnv('HUB_OWNER_KEY'),
    registrationId: values['registration-id'] ?? null,
    shopName: values['shop-name'] ?? null,
    log: { level: values['log-level'] as HubLogLevel, destination: process.stderr },
    trustProxy: values['proxy-address'] ?? values['trust-proxy'] ?? false,
    publicUrl: values['public-url'] ?? null,
  });
  // Before anything is printed: whoever waits for the first lines may stop the hub at once (a service manager, a test).
  const stop = () => void hub.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const base = values['public-url'] ?? hub.url;
  console.log(`Counter hub listening on ${hub.url}`);
  console.log(`Store: ${where}; shop "${hub.shop.name}" (BOS registration id ${hub.shop.registrationId})`);
  // Standard output ends up in journald and container logs: a secret is printed only when the person starting the hub asked for it.
  if (values['new-webhook-secret']) {
    const rotated = await hub.rotateWebhookSecret();
    console.log(`Webhook URL for BOS: ${webhookUrlOf(base, rotated.secret)}`);
    console.log(`  Shown once: the hub keeps only its hash.${rotated.previousValidUntil ? ` The one before works until ${untilTime(rotated.previousValidUntil)}.` : ''}`);
  } else if (givenSecret) {
    console.log('Webhook URL for BOS: the one with the secret you gave (…/bos/webhook/<HUB_WEBHOOK_SECRET>).');
  } else {
    console.log(`Webhook URL for BOS: ${hub.hasWebhookSecret ? 'not shown (the hub keeps only its hash).' : 'none yet.'} For a new one: npm run hub -- webhook-secret, or start with --new-webhook-secret.`);
  }
  if (shown) {
    const code = await hub.createPairingCode(shown, shown === 'owner' ? 'Owner' : undefined);
    console.log(`Pairing code for ${shown === 'owner' ? 'the owner' : 'a counter'}: ${groupedPairingCode(code.code)} (valid until ${untilTime(code.expiresAt)})`);
  } else if (values['pairing-code']) {
    console.log(`Pairing code for a counter: the one given, until ${untilTime(new Date(Date.now() + PAIRING_CODE_TTL_MS).toISOString())}.`);
  } else {
    console.log('Pairing codes: npm run hub -- pairing-code --role owner|counter, or start with --show-pairing-code owner.');
  }
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command = 'serve', ...args] = positionals;
  if (command === 'serve') return serve();
  const cliValues: CliValues = { ...values, databaseUrl, dataDir, graceHours };
  const ran = await runStoreCommand(command, args, cliValues, fail);
  if (!ran) fail(`Unknown command "${command}".\n\n${USAGE}`);
}

main().catch((error: unknown) => fail(`Counter hub: ${error instanceof Error ? error.message : String(error)}`));
