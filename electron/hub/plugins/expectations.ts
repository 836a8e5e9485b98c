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
    const e = request.body;
    const result = await deps.store.registerExpectation(terminal, e, deps.now());
    if (result === 'conflict') throw conflict('This sale was announced with another QR, reference or amount; a new QR is a new sale.');
    if (result === 'claimed_elsewhere') {
      // A counter announcing a QR that is not its own (read off a sibling's slip) is how a payment is stolen: the owner must hear of it.
      request.log.warn({ terminalId: terminal.id, saleId: e.saleId, qrId: e.qrId, txnRef: e.txnRef, tr: e.tr }, 'claim refused: another terminal or sale announced this QR id or reference first');
      throw conflict('Another counter (or sale) announced this QR or its reference first. The hub holds its payment for the owner to check; this QR will not turn green by itself.');
    }
    return { saleId: e.saleId, created: result === 'created' };
  });
}
