import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type HealthAnswer } from '../../contract/hub';
import { healthSchema } from '../schemas';
import type { HubDeps } from './deps';

/** The store's life in the app: health asks it, closing the app closes it (after the streams have ended). */
export async function storePlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.get(HUB_ROUTES.health, { schema: healthSchema }, async (): Promise<HealthAnswer> => {
    await deps.store.ping();
    return { ok: true };
  });
  app.addHook('onClose', async () => {
    await deps.store.close();
  });
}
