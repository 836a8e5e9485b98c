import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OwnerKeyKind } from '../../contract/hub';
import { forbidden, rateLimited, unauthorized } from '../errors';
import { CREDENTIAL_PATTERN, hashSecret, OWNER_KEY_PATTERN } from '../secrets';
import type { AuthenticatedTerminal, Shop } from '../store/types';
import type { HubDeps } from './deps';

/**
 * Who may call a route (`config.access`):
 * - `terminal` (the default): any paired terminal's credential;
 * - `owner`: the shop's reading: an owner terminal, or an owner key of kind `owner` or `read`;
 * - `owner-manage`: an owner terminal, or an owner key of kind `owner` (counter pairing codes);
 * - `owner-terminal`: an owner terminal only (owner codes and keys, revoking, the webhook secret).
 * A `payments` key passes none of them.
 */
export type Access = 'terminal' | 'owner' | 'owner-manage' | 'owner-terminal';

/** The shop an owner call is about, and who made it: an owner terminal, or one of the shop's owner keys. */
export interface OwnerCaller {
  shop: Shop;
  terminalId: string | null;
  key: { id: string; kind: OwnerKeyKind } | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for a terminal credential. */
    terminal: AuthenticatedTerminal | null;
    /** Set by the auth hook on an owner route. */
    owner: OwnerCaller | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const KEY_ACCESS: Record<OwnerKeyKind, readonly Access[]> = { owner: ['owner', 'owner-manage'], read: ['owner'], payments: [] };

const bearerOf = (request: FastifyRequest): string | null => /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

const NOT_PAIRED = 'This terminal is not paired with the hub (missing or unknown credential).';

const KEY_NAME: Record<OwnerKeyKind, string> = { owner: 'An owner key', read: 'A read-only key', payments: 'A payments key' };

function keyRefusal(access: Access, kind: OwnerKeyKind): string {
  if (access === 'terminal') return 'An owner key is not a terminal: pair a terminal for this.';
  if (access === 'owner-terminal') return 'Only an owner terminal may do this, not an owner key.';
  return `${KEY_NAME[kind]} may not do this: make a key of the kind it needs on the owner's Counter.`;
}

/**
 * Every route registered in `scope` after this needs `Authorization: Bearer <credential or owner key>`
 * as its `config.access` says. A valid credential is always served, whatever else came from its
 * address: failures are counted per presented credential (its hash), so a web page on the shop's PC
 * sending junk, or a stranger behind the same NAT, stops nobody. Junk that is no credential at all
 * is answered at once, without the database. One valid but not enough for the route is 403.
 */
export function installAuth(scope: FastifyInstance, deps: HubDeps): void {
  scope.decorateRequest('terminal', null);
  scope.decorateRequest('owner', null);
  scope.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'terminal';
    const token = bearerOf(request);
    const isCredential = token !== null && CREDENTIAL_PATTERN.test(token);
    if (token === null || (!isCredential && !OWNER_KEY_PATTERN.test(token))) throw unauthorized(access === 'terminal' ? NOT_PAIRED : 'Missing or unknown owner key or credential.');
    const failures = deps.limiters.credentialFailures;
    const hash = hashSecret(token);
    const wait = failures.waitFor(hash);
    if (wait > 0) throw rateLimited(wait);

    if (isCredential) {
      const found = await deps.store.terminalByCredentialHash(hash);
      if (!found || found.revoked) {
        failures.fail(hash);
        throw unauthorized(found ? 'This terminal was unpaired by the owner; pair it again.' : NOT_PAIRED);
      }
      request.terminal = found;
      await deps.touch(found.id);
      if (access === 'terminal') return;
      if (found.role !== 'owner') throw forbidden('Only an owner terminal may do this.');
      request.owner = { shop: found.shop, terminalId: found.id, key: null };
      return;
    }
    const key = await deps.store.ownerKeyByHash(hash);
    if (!key) {
      failures.fail(hash);
      throw unauthorized(access === 'terminal' ? NOT_PAIRED : 'Missing, unknown or revoked owner key or credential.');
    }
    await deps.touchKey(key.id);
    if (!KEY_ACCESS[key.kind].includes(access)) throw forbidden(keyRefusal(access, key.kind));
    request.owner = { shop: key.shop, terminalId: null, key: { id: key.id, kind: key.kind } };
  });
}

/** The request's terminal; the auth hook has run, so it is there. */
export function terminalOf(request: FastifyRequest): AuthenticatedTerminal {
  if (!request.terminal) throw unauthorized('This terminal is not paired with the hub.');
  return request.terminal;
}

/** The owner caller of a route with an owner access. */
export function ownerOf(request: FastifyRequest): OwnerCaller {
  if (!request.owner) throw forbidden('Only an owner may do this.');
  return request.owner;
}

/** Who an owner call came from, for a log line or a listing: the terminal's id or the key's. */
export const callerName = (owner: OwnerCaller): string => owner.terminalId ?? owner.key?.id ?? 'unknown';
