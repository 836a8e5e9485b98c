import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type MeAnswer, type PairingCodeAnswer, type PairingCodeRequest, type TerminalListing, type TerminalsAnswer, type UnmatchedAnswer } from '../../contract/hub';
import { notFound } from '../errors';
import { issuePairingCode } from '../pairing';
import { meSchema, pairingCodeSchema, revokeSchema, terminalsSchema, unmatchedSchema } from '../schemas';
import { ownerOf, terminalOf } from './auth';
import type { HubDeps } from './deps';

const UNMATCHED_LIMIT = 500;

/** Who am I, and the owner's desk: pairing codes, the shop's terminals, payments that matched no QR. */
export async function terminalsPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.get(HUB_ROUTES.me, { schema: meSchema }, async (request): Promise<MeAnswer> => {
    const t = terminalOf(request);
    return { terminalId: t.id, name: t.name, role: t.role, shop: { id: t.shop.id, name: t.shop.name } };
  });

  app.post<{ Body: PairingCodeRequest }>(HUB_ROUTES.pairingCodes, { schema: pairingCodeSchema }, async (request): Promise<PairingCodeAnswer> => {
    const owner = ownerOf(request);
    const answer = await issuePairingCode(deps.store, deps.now(), { shopId: owner.shopId, role: request.body.role, name: request.body.name ?? null });
    request.log.info({ by: owner.id, role: answer.role }, 'pairing code made');
    return answer;
  });

  app.get(HUB_ROUTES.terminals, { schema: terminalsSchema }, async (request): Promise<TerminalsAnswer> => ({ terminals: await deps.store.listTerminals(ownerOf(request).shopId) }));

  app.delete<{ Params: { terminalId: string } }>(`${HUB_ROUTES.terminals}/:terminalId`, { schema: revokeSchema }, async (request): Promise<TerminalListing> => {
    const owner = ownerOf(request);
    // The store's revocation signal ends this terminal's open streams, here and in every other process.
    const listing = await deps.store.revokeTerminal(owner.shopId, request.params.terminalId, deps.now());
    if (!listing) throw notFound('This shop has no terminal with that id.');
    request.log.info({ by: owner.id, terminalId: listing.terminalId }, 'terminal revoked');
    return listing;
  });

  app.get(HUB_ROUTES.unmatched, { schema: unmatchedSchema }, async (request): Promise<UnmatchedAnswer> => ({ payments: await deps.store.unmatchedPayments(ownerOf(request).shopId, UNMATCHED_LIMIT) }));
}
