import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, rateLimited, unauthorized } from '../errors';
import { CREDENTIAL_PATTERN, hashSecret } from '../secrets';
import type { AuthenticatedTerminal } from '../store/types';
import type { HubDeps } from './deps';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the terminal scope's auth hook before any of its handlers run. */
    terminal: AuthenticatedTerminal | null;
  }
}

/**
 * Every route registered in `scope` after this needs `Authorization: Bearer <credential>` of a terminal
 * that is not revoked. Failures count per address; past the limit the address gets 429 whatever it sends.
 */
export function installTerminalAuth(scope: FastifyInstance, deps: HubDeps): void {
  scope.decorateRequest('terminal', null);
  scope.addHook('onRequest', async (request) => {
    const limiter = deps.limiters.credentialPerAddress;
    const wait = limiter.waitFor(request.ip);
    if (wait > 0) throw rateLimited(wait);
    const credential = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const found = credential && CREDENTIAL_PATTERN.test(credential) ? await deps.store.terminalByCredentialHash(hashSecret(credential)) : null;
    if (!found || found.revoked) {
      limiter.fail(request.ip);
      throw unauthorized(found ? 'This terminal was unpaired by the owner; pair it again.' : 'This terminal is not paired with the hub (missing or unknown credential).');
    }
    request.terminal = found;
    await deps.touch(found.id);
  });
}

/** The request's terminal; the auth hook has run, so it is there. */
export function terminalOf(request: FastifyRequest): AuthenticatedTerminal {
  if (!request.terminal) throw unauthorized('This terminal is not paired with the hub.');
  return request.terminal;
}

export function ownerOf(request: FastifyRequest): AuthenticatedTerminal {
  const terminal = terminalOf(request);
  if (terminal.role !== 'owner') throw forbidden('Only an owner terminal may do this.');
  return terminal;
}
