import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type DaySalesAnswer, type DaySummaryAnswer } from '../../contract/hub';
import { badRequest, notFound } from '../errors';
import { isRealDay } from '../journal/days';
import { daySummary } from '../journal/summary';
import { daySalesSchema, daySummarySchema } from '../schemas-shop';
import { ownerOf } from './auth';
import type { HubDeps } from './deps';

function dayOf(params: { day: string }): string {
  if (!isRealDay(params.day)) throw badRequest(`${params.day} is not a day: give YYYY-MM-DD, a date the calendar has.`);
  return params.day;
}

/** The owner's read API: a shop day, in all and per counter, with each counter's reconciliation line. */
export async function ownerPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
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
