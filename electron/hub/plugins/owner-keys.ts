import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HUB_ROUTES, type OwnerKeyAnswer, type OwnerKeyListing, type OwnerKeyRequest, type OwnerKeysAnswer, type WebhookSecretAnswer, type WebhookSecretRequest } from '../../contract/hub';
import { notFound } from '../errors';
import { makeOwnerKey } from '../owner-keys';
import { listOwnerKeysSchema, makeOwnerKeySchema, revokeOwnerKeySchema, webhookSecretSchema } from '../schemas-keys';
import { rotateWebhookSecret, webhookUrlOf } from '../webhook/secret';
import { ownerOf } from './auth';
import type { HubDeps } from './deps';

const HOUR_MS = 60 * 60_000;

/** The address to put before the webhook path: the operator's public URL, else the one this request came to. */
const baseOf = (request: FastifyRequest, publicUrl: string | null): string => publicUrl ?? `${request.protocol}://${request.host}`;

/**
 * What only an owner terminal may do with the shop's secrets: make, list and revoke owner keys, and give
 * the webhook URL a new secret. A key an owner terminal makes dies with that terminal.
 */
export async function ownerKeysPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.post<{ Body: OwnerKeyRequest | null | undefined }>(HUB_ROUTES.ownerKeys, { schema: makeOwnerKeySchema, config: { access: 'owner-terminal' } }, async (request): Promise<OwnerKeyAnswer> => {
    const owner = ownerOf(request);
    const made = await makeOwnerKey(deps.store, { shopId: owner.shop.id, label: request.body?.label ?? null, kind: request.body?.kind ?? 'read', origin: 'terminal', madeByTerminal: owner.terminalId }, deps.now());
    request.log.info({ by: owner.terminalId, keyId: made.keyId, kind: made.kind }, 'owner key made');
    return made;
  });

  app.get(HUB_ROUTES.ownerKeys, { schema: listOwnerKeysSchema, config: { access: 'owner-terminal' } }, async (request): Promise<OwnerKeysAnswer> => ({ keys: await deps.store.listOwnerKeys(ownerOf(request).shop.id) }));

  app.delete<{ Params: { keyId: string } }>(`${HUB_ROUTES.ownerKeys}/:keyId`, { schema: revokeOwnerKeySchema, config: { access: 'owner-terminal' } }, async (request): Promise<OwnerKeyListing> => {
    const owner = ownerOf(request);
    const listing = await deps.store.revokeOwnerKey(owner.shop.id, request.params.keyId, deps.now());
    if (!listing) throw notFound('This shop has no owner key with that id.');
    request.log.info({ by: owner.terminalId, keyId: listing.keyId }, 'owner key revoked');
    return listing;
  });

  app.post<{ Body: WebhookSecretRequest | null | undefined }>(HUB_ROUTES.webhookSecret, { schema: webhookSecretSchema, config: { access: 'owner-terminal' } }, async (request): Promise<WebhookSecretAnswer> => {
    const owner = ownerOf(request);
    const graceMs = request.body?.graceHours === undefined ? deps.webhookGraceMs : request.body.graceHours * HOUR_MS;
    const rotated = await rotateWebhookSecret(deps.store, owner.shop.id, deps.now(), graceMs);
    request.log.info({ by: owner.terminalId, shopId: owner.shop.id, previousValidUntil: rotated.previousValidUntil }, 'webhook secret rotated');
    return { webhookUrl: webhookUrlOf(baseOf(request, deps.publicUrl), rotated.secret), previousValidUntil: rotated.previousValidUntil };
  });
}
