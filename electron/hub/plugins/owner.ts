import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type DaySalesAnswer, type DaySummaryAnswer, type OwnerKeyAnswer, type OwnerKeyRequest } from '../../contract/hub';
import { badRequest, notFound } from '../errors';
import { isRealDay } from '../journal/days';
import { makeOwnerKey } from '../owner-keys';
import { daySummary } from '../journal/summary';
import { daySalesSchema, daySummarySchema, ownerKeySchema } from '../schemas-shop';
import { ownerOf } from './auth';
import type { HubDeps } from './deps';

function dayOf(params: { day: string }): string {
  if (!isRealDay(params.day)) throw badRequest(`${params.day} is not a day: give YYYY-MM-DD, a date the calendar has.`);
  return params.day;
}

/** The owner's read API (a shop day, in all and per counter, with each counter's reconciliation line) and owner keys. */
export async function ownerPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.post<{ Body: OwnerKeyRequest | undefined }>(HUB_ROUTES.ownerKeys, { schema: ownerKeySchema, config: { access: 'owner-terminal' } }, async (request): Promise<OwnerKeyAnswer> => {
    const owner = ownerOf(request);
    const made = await makeOwnerKey(deps.store, owner.shop.id, request.body?.label ?? null, deps.now());
    request.log.info({ by: owner.terminalId, label: made.label }, 'owner key made');
    return made;
  });

  app.get<{ Params: { day: string } }>(`${HUB_ROUTES.daysPrefix}:day/summary`, { schema: daySummarySchema, config: { access: 'owner' } }, async (request): Promise<DaySummaryAnswer> => {
    const { shop } = ownerOf(request);
    const day = dayOf(request.params);
    const [terminals, figures] = await Promise.all([deps.store.listTerminals(shop.id), deps.store.dayFigures(shop.id, day)]);
    return daySummary(day, shop, terminals, figures);
  });

  app.get<{ Params: { day: string }; Querystring: { terminal?: string } }>(`${HUB_ROUTES.daysPrefix}:day/sales`, { schema: daySalesSchema, config: { access: 'owner' } }, async (request): Promise<DaySalesAnswer> => {
    const { shop } = ownerOf(request);
    const day = dayOf(request.params);
    const terminalId = request.query.terminal ?? null;
    if (terminalId !== null && !(await deps.store.listTerminals(shop.id)).some((t) => t.terminalId === terminalId)) throw notFound('This shop has no terminal with that id.');
    return { day, sales: await deps.store.daySales(shop.id, day, terminalId) };
  });
}
