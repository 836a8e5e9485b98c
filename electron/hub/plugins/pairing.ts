import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type PairAnswer, type PairRequest } from '../../contract/hub';
import { rateLimited, unauthorized } from '../errors';
import { addressKey } from '../rate-limit';
import { hashSecret, newCredential, pairingCodeFrom } from '../secrets';
import { randomId } from '../store/ids';
import { pairSchema } from '../schemas';
import type { HubDeps } from './deps';

/**
 * POST /v1/pair: a one-time code for a terminal id and a credential, shown once; the hub keeps its hash.
 * Wrong codes are limited per address only: with 10^15 codes a stranger's guesses find nothing, and no
 * hub-wide count exists that they could fill to stop another shop's pairing.
 */
export async function pairingPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  const { pairingPerAddress } = deps.limiters;
  app.post<{ Body: PairRequest }>(HUB_ROUTES.pair, { schema: pairSchema }, async (request): Promise<PairAnswer> => {
    const address = addressKey(request.ip);
    const wait = pairingPerAddress.waitFor(address);
    if (wait > 0) throw rateLimited(wait);
    const { name } = request.body;
    const code = pairingCodeFrom(request.body.code);
    const credential = newCredential();
    const paired = code === null ? null : await deps.store.redeemPairingCode({ codeHash: hashSecret(code), terminalId: randomId('term'), terminalName: name.trim(), credentialHash: hashSecret(credential), now: deps.now() });
    if (!paired) {
      pairingPerAddress.fail(address);
      throw unauthorized(code === null ? 'That pairing code is mistyped: it is 16 digits, and the last one does not check. Compare it with the owner’s screen.' : 'That pairing code is wrong, used or expired. Ask the owner for a new one.');
    }
    request.log.info({ terminalId: paired.terminal.id, role: paired.terminal.role, shopId: paired.shop.id }, 'terminal paired');
    return { terminalId: paired.terminal.id, credential, role: paired.terminal.role, shop: { id: paired.shop.id, name: paired.shop.name } };
  });
}
