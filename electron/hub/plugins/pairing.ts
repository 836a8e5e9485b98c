import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type PairAnswer, type PairRequest } from '../../contract/hub';
import { rateLimited, unauthorized } from '../errors';
import { hashSecret, newCredential, PAIRING_CODE_PATTERN } from '../secrets';
import { randomId } from '../store/ids';
import { pairSchema } from '../schemas';
import type { HubDeps } from './deps';

const HUB_WIDE = 'all';

/** POST /v1/pair: a one-time code for a terminal id and a credential, shown once; the hub keeps its hash. */
export async function pairingPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  const { pairingPerAddress, pairingTotal } = deps.limiters;
  app.post<{ Body: PairRequest }>(HUB_ROUTES.pair, { schema: pairSchema }, async (request): Promise<PairAnswer> => {
    const wait = Math.max(pairingPerAddress.waitFor(request.ip), pairingTotal.waitFor(HUB_WIDE));
    if (wait > 0) throw rateLimited(wait);
    const { code, name } = request.body;
    const credential = newCredential();
    const paired = PAIRING_CODE_PATTERN.test(code)
      ? await deps.store.redeemPairingCode({ codeHash: hashSecret(code), terminalId: randomId('term'), terminalName: name.trim(), credentialHash: hashSecret(credential), now: deps.now() })
      : null;
    if (!paired) {
      pairingPerAddress.fail(request.ip);
      pairingTotal.fail(HUB_WIDE);
      throw unauthorized('That pairing code is wrong, used or expired. Ask the owner for a new one.');
    }
    request.log.info({ terminalId: paired.terminal.id, role: paired.terminal.role, shopId: paired.shop.id }, 'terminal paired');
    return { terminalId: paired.terminal.id, credential, role: paired.terminal.role, shop: { id: paired.shop.id, name: paired.shop.name } };
  });
}
