// The hub's commands that work on its store while no PGlite hub serves it: pairing codes, terminals,
// owner keys, the webhook secret, a partner's next shop. What they print is asked for by the person
// running them: that is the one place a code, a key or a webhook URL is shown.
import type { OwnerKeyKind, TerminalRole } from '../contract/hub';
import { groupedPairingCode } from '../contract/pairing-code';
import { makeOwnerKey } from './owner-keys';
import { issuePairingCode } from './pairing';
import { hashSecret, newWebhookSecret } from './secrets';
import { openStore } from './store/open';
import type { HubStore } from './store/types';
import { rotateWebhookSecret, webhookUrlOf } from './webhook/secret';

export interface CliValues {
  databaseUrl: string | null;
  dataDir: string | null;
  graceHours: number;
  shop?: string | undefined;
  role?: string | undefined;
  name?: string | undefined;
  label?: string | undefined;
  kind?: string | undefined;
  'registration-id'?: string | undefined;
  'shop-name'?: string | undefined;
  'public-url'?: string | undefined;
}

const KINDS: readonly OwnerKeyKind[] = ['read', 'owner', 'payments'];
const PLACEHOLDER_BASE = 'https://<your hub address>';
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-IN', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : 'never');

/** Runs `command`; false when there is no such command. `fail` prints and exits. */
export async function runStoreCommand(command: string, args: string[], values: CliValues, fail: (message: string) => never): Promise<boolean> {
  async function withStore<T>(fn: (store: HubStore, shopId: string) => Promise<T>): Promise<T> {
    const store = await openStore({ databaseUrl: values.databaseUrl, dataDir: values.dataDir });
    try {
      // On a brand-new store this makes the default shop as serving would (without a webhook secret).
      const { shop } = await store.openDefaultShop({ registrationId: null, name: null, now: Date.now() });
      if (!values.shop) return await fn(store, shop.id);
      const chosen = await store.shopByRegistrationId(values.shop);
      if (!chosen) fail(`This hub has no shop with BOS registration id ${values.shop} (npm run hub -- shop-add adds one).`);
      return await fn(store, chosen.id);
    } finally {
      await store.close();
    }
  }
  const base = (values['public-url'] ?? PLACEHOLDER_BASE).replace(/\/+$/, '');

  switch (command) {
    case 'pairing-code': {
      const role = values.role as TerminalRole;
      if (role !== 'counter' && role !== 'owner') fail('--role is counter or owner');
      const answer = await withStore((store, shopId) => issuePairingCode(store, Date.now(), { shopId, role, name: values.name ?? null }));
      console.log(`Pairing code for ${role === 'owner' ? 'an owner' : 'a counter'}: ${groupedPairingCode(answer.code)} (valid until ${when(answer.expiresAt)})`);
      return true;
    }
    case 'terminals': {
      const listing = await withStore((store, shopId) => store.listTerminals(shopId));
      if (listing.length === 0) console.log('No terminals are paired yet.');
      for (const t of listing) console.log(`${t.terminalId}  ${t.role.padEnd(7)}  ${t.revoked ? 'revoked' : 'active '}  ${t.name}  (paired ${t.pairedAt}, last seen ${t.lastSeenAt ?? 'never'})`);
      return true;
    }
    case 'revoke': {
      const [terminalId] = args;
      if (!terminalId) fail('Which terminal? npm run hub -- revoke <terminalId> (npm run hub -- terminals lists them)');
      const listing = await withStore((store, shopId) => store.revokeTerminal(shopId, terminalId, Date.now()));
      if (!listing) fail(`This shop has no terminal ${terminalId}.`);
      console.log(`Revoked ${listing.terminalId} (${listing.name}): its credential, and every owner key it made, no longer work.`);
      return true;
    }
    case 'owner-key': {
      const kind = KINDS.find((k) => k === values.kind);
      if (!kind) fail('--kind is read (the read API only), owner (also terminals and counter pairing codes) or payments');
      const made = await withStore((store, shopId) => makeOwnerKey(store, { shopId, label: values.label ?? null, kind, origin: 'command', madeByTerminal: null }, Date.now()));
      console.log(`Owner key ${made.keyId} (${made.kind}, ${made.label}): ${made.key}`);
      console.log('  Shown once; the hub keeps only its hash. Send it as Authorization: Bearer <key>. npm run hub -- revoke-key revokes it.');
      return true;
    }
    case 'owner-keys': {
      const keys = await withStore((store, shopId) => store.listOwnerKeys(shopId));
      if (keys.length === 0) console.log('This shop has no owner keys.');
      for (const k of keys) {
        const by = k.madeBy ? `by ${k.madeBy.name} (${k.madeBy.terminalId})` : { start: 'by --owner-key', command: 'on the command line', earlier: 'before makers were kept', terminal: 'by a terminal' }[k.origin];
        console.log(`${k.keyId}  ${k.kind.padEnd(8)}  ${k.revoked ? 'revoked' : 'active '}  ${k.label}  (made ${when(k.createdAt)} ${by}, last used ${when(k.lastUsedAt)})`);
      }
      return true;
    }
    case 'revoke-key': {
      const [keyId] = args;
      if (!keyId) fail('Which key? npm run hub -- revoke-key <keyId> (npm run hub -- owner-keys lists them)');
      const listing = await withStore((store, shopId) => store.revokeOwnerKey(shopId, keyId, Date.now()));
      if (!listing) fail(`This shop has no owner key ${keyId}.`);
      console.log(`Revoked ${listing.keyId} (${listing.label}): it no longer works.`);
      return true;
    }
    case 'webhook-secret': {
      const rotated = await withStore((store, shopId) => rotateWebhookSecret(store, shopId, Date.now(), values.graceHours * 60 * 60_000));
      console.log(`Webhook URL for BOS: ${webhookUrlOf(base, rotated.secret)}`);
      console.log(`  Shown once: the hub keeps only its hash. ${rotated.previousValidUntil ? `The one before works until ${when(rotated.previousValidUntil)}: give BOS this one before then.` : 'No other works now.'}`);
      return true;
    }
    case 'shop-add':
      await addShop(values, base, withStore, fail);
      return true;
    default:
      return false;
  }
}

/** A partner's next shop: the webhook secret is shown once (the hub keeps its hash), with the owner's first pairing code. */
async function addShop(values: CliValues, base: string, withStore: <T>(fn: (store: HubStore) => Promise<T>) => Promise<T>, fail: (message: string) => never): Promise<void> {
  const registrationId = values['registration-id']?.trim();
  const name = values['shop-name']?.trim();
  if (!registrationId || !name) fail('shop-add needs --registration-id (the shop\'s BOS registration id) and --shop-name.');
  const secret = newWebhookSecret();
  const made = await withStore(async (store) => {
    const shop = await store.addShop({ registrationId, name, webhookSecretHash: hashSecret(secret), now: Date.now() });
    return shop ? { shop, code: await issuePairingCode(store, Date.now(), { shopId: shop.id, role: 'owner', name: 'Owner' }) } : null;
  });
  if (!made) fail(`This hub has a shop with BOS registration id ${registrationId} already.`);
  console.log(`Added shop "${made.shop.name}" (BOS registration id ${made.shop.registrationId}).`);
  console.log(`Webhook URL for BOS: ${webhookUrlOf(base, secret)}`);
  console.log('  Shown once: the hub keeps only its hash. Give it to BOS for this shop\'s registration id.');
  console.log(`Pairing code for the owner: ${groupedPairingCode(made.code.code)} (valid until ${when(made.code.expiresAt)}; npm run hub -- pairing-code --shop ${made.shop.registrationId} for more)`);
}
