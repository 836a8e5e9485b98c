import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type MeAnswer, type PairingCodeAnswer, type PairingCodeRequest, type TerminalListing, type TerminalsAnswer, type UnmatchedAnswer } from '../../contract/hub';
import { forbidden, notFound } from '../errors';
import { issuePairingCode } from '../pairing';
import { meSchema, pairingCodeSchema, revokeSchema, terminalsSchema, unmatchedSchema } from '../schemas';
import { callerName, ownerOf, terminalOf } from './auth';
import type { HubDeps } from './deps';

const UNMATCHED_LIMIT = 500;

/** Who am I, and the owner's desk: pairing codes, the shop's terminals, payments that matched no QR. */
export async function terminalsPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.get(HUB_ROUTES.me, { schema: meSchema }, async (request): Promise<MeAnswer> => {
    const t = terminalOf(request);
    return { terminalId: t.id, name: t.name, role: t.role, shop: { id: t.shop.id, name: t.shop.name } };
  });

  // An owner key (kind owner) may make counters' codes: a script setting up many counters. An owner's
  // code makes a terminal that can make keys, so only an owner terminal makes one: no key ever climbs.
  app.post<{ Body: PairingCodeRequest }>(HUB_ROUTES.pairingCodes, { schema: pairingCodeSchema, config: { access: 'owner-manage' } }, async (request): Promise<PairingCodeAnswer> => {
    const owner = ownerOf(request);
    if (request.body.role === 'owner' && owner.terminalId === null) throw forbidden("Only an owner terminal may make a code for an owner's Counter, not an owner key.");
    const answer = await issuePairingCode(deps.store, deps.now(), { shopId: owner.shop.id, role: request.body.role, name: request.body.name ?? null });
    request.log.info({ by: callerName(owner), role: answer.role }, 'pairing code made');
    return answer;
  });

  app.get(HUB_ROUTES.terminals, { schema: terminalsSchema, config: { access: 'owner' } }, async (request): Promise<TerminalsAnswer> => ({ terminals: await deps.store.listTerminals(ownerOf(request).shop.id) }));

  app.delete<{ Params: { terminalId: string } }>(`${HUB_ROUTES.terminals}/:terminalId`, { schema: revokeSchema, config: { access: 'owner-terminal' } }, async (request): Promise<TerminalListing> => {
    const owner = ownerOf(request);
    // The store's revocation signal ends this terminal's open streams, here and in every other process;
    // the owner keys it made are revoked with it.
    const listing = await deps.store.revokeTerminal(owner.shop.id, request.params.terminalId, deps.now());
    if (!listing) throw notFound('This shop has no terminal with that id.');
    request.log.info({ by: owner.terminalId, terminalId: listing.terminalId }, 'terminal revoked');
    return listing;
  });

  app.get(HUB_ROUTES.unmatched, { schema: unmatchedSchema, config: { access: 'owner' } }, async (request): Promise<UnmatchedAnswer> => ({ payments: await deps.store.unmatchedPayments(ownerOf(request).shop.id, UNMATCHED_LIMIT) }));
}
