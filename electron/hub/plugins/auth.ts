import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, rateLimited, unauthorized } from '../errors';
import { CREDENTIAL_PATTERN, hashSecret, OWNER_KEY_PATTERN } from '../secrets';
import type { AuthenticatedTerminal, Shop } from '../store/types';
import type { HubDeps } from './deps';

/**
 * Who may call a route: `terminal`, any paired terminal's credential; `owner`, an owner terminal's
 * credential or an owner key (the owner's scripts and tools); `owner-terminal`, an owner terminal only
 * (what changes who may call: revoking, making owner keys).
 */
export type Access = 'terminal' | 'owner' | 'owner-terminal';

/** The shop an owner call is about, and the owner terminal that made it (null for an owner key). */
export interface OwnerCaller {
  shop: Shop;
  terminalId: string | null;
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

const bearerOf = (request: FastifyRequest): string | null => /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

/**
 * Every route registered in `scope` after this needs `Authorization: Bearer <credential or owner key>`
 * as its `config.access` says (terminal by default). A missing, unknown or revoked one counts as a
 * failure of the address; past the limit the address gets 429 whatever it sends. One that is valid but
 * not enough for the route (a counter on an owner route) is 403 and counts nothing.
 */
export function installAuth(scope: FastifyInstance, deps: HubDeps): void {
  scope.decorateRequest('terminal', null);
  scope.decorateRequest('owner', null);
  scope.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'terminal';
    const limiter = deps.limiters.credentialPerAddress;
    const wait = limiter.waitFor(request.ip);
    if (wait > 0) throw rateLimited(wait);
    const token = bearerOf(request);
    if (token && CREDENTIAL_PATTERN.test(token)) {
      const found = await deps.store.terminalByCredentialHash(hashSecret(token));
      if (!found || found.revoked) {
        limiter.fail(request.ip);
        throw unauthorized(found ? 'This terminal was unpaired by the owner; pair it again.' : 'This terminal is not paired with the hub (missing or unknown credential).');
      }
      request.terminal = found;
      await deps.touch(found.id);
      if (access === 'terminal') return;
      if (found.role !== 'owner') throw forbidden('Only an owner terminal may do this.');
      request.owner = { shop: found.shop, terminalId: found.id };
      return;
    }
    const shop = token && OWNER_KEY_PATTERN.test(token) ? await deps.store.shopByOwnerKeyHash(hashSecret(token)) : null;
    if (!shop) {
      limiter.fail(request.ip);
      throw unauthorized(access === 'terminal' ? 'This terminal is not paired with the hub (missing or unknown credential).' : 'Missing or unknown owner key or credential.');
    }
    if (access !== 'owner') throw forbidden(access === 'terminal' ? 'An owner key is not a terminal: pair a terminal for this.' : 'Only an owner terminal may do this, not an owner key.');
    request.owner = { shop, terminalId: null };
  });
}

/** The request's terminal; the auth hook has run, so it is there. */
export function terminalOf(request: FastifyRequest): AuthenticatedTerminal {
  if (!request.terminal) throw unauthorized('This terminal is not paired with the hub.');
  return request.terminal;
}

/** The owner caller of a route with `access: 'owner'` or `'owner-terminal'`. */
export function ownerOf(request: FastifyRequest): OwnerCaller {
  if (!request.owner) throw forbidden('Only an owner may do this.');
  return request.owner;
}
