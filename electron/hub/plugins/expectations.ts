import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type ExpectationAnswer, type ExpectationRequest } from '../../contract/hub';
import { conflict } from '../errors';
import { expectationSchema } from '../schemas';
import { terminalOf } from './auth';
import type { HubDeps } from './deps';

/** POST /v1/expectations: the QR on this terminal's screen; its payment, now or later, comes here. */
export async function expectationsPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.post<{ Body: ExpectationRequest }>(HUB_ROUTES.expectations, { schema: expectationSchema }, async (request): Promise<ExpectationAnswer> => {
    const terminal = terminalOf(request);
    const result = await deps.store.registerExpectation(terminal, request.body, deps.now());
    if (result === 'conflict') throw conflict('This sale was announced with another QR, reference or amount; a new QR is a new sale.');
    return { saleId: request.body.saleId, created: result === 'created' };
  });
}
