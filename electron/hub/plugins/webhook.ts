import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HUB_ROUTES, type WebhookAnswer } from '../../contract/hub';
import { HubHttpError, notFound } from '../errors';
import { webhookSchema } from '../schemas';
import { hashSecret, validSignature, WEBHOOK_SECRET_PATTERN } from '../secrets';
import type { Shop } from '../store/types';
import { readWebhookBody } from '../webhook/body';
import { readWebhook } from '../webhook/parse';
import type { HubDeps } from './deps';

export const WEBHOOK_BODY_LIMIT = 64 * 1024;
// A shop found by its secret is remembered briefly (a burst of webhooks asks once); a secret changed in
// another process is honoured within this time. Unknown secrets are never remembered.
const SHOP_CACHE_MS = 10_000;
const SHOP_CACHE_SIZE = 1_000;

const headerText = (value: string | string[] | undefined): string | null => (typeof value === 'string' ? value : null);

/**
 * POST /bos/webhook/<secret>: the secret names the shop (a wrong one is 404 before the body is read,
 * and nothing is stored). The raw bytes are stored with the payment in one transaction before the 200;
 * what cannot be read is kept in quarantine with the reason and answered 400 (401 for a bad signature).
 */
export async function webhookPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  // This scope reads every body as bytes: the signature is over them, and a bad body is ours to quarantine.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const shops = new WeakMap<FastifyRequest, Shop>();
  // Said once a shop per process: signed webhooks arrive, and the hub was given nothing to check them with.
  const unsignedWarned = new Set<string>();
  const known = new Map<string, { shop: Shop; until: number }>();
  const shopFor = async (secret: string): Promise<Shop | null> => {
    if (!WEBHOOK_SECRET_PATTERN.test(secret)) return null;
    const hash = hashSecret(secret);
    const now = deps.now();
    const cached = known.get(hash);
    if (cached && cached.until > now) return cached.shop;
    // Looked up by its SHA-256: the comparison the database makes is over hashes, which tell nothing of the secret.
    const shop = await deps.store.shopByWebhookSecretHash(hash, now);
    if (known.size >= SHOP_CACHE_SIZE) known.clear();
    if (shop) known.set(hash, { shop, until: now + SHOP_CACHE_MS });
    else known.delete(hash);
    return shop;
  };

  app.post<{ Params: { secret: string } }>(
    `${HUB_ROUTES.webhookPrefix}:secret`,
    {
      schema: webhookSchema,
      bodyLimit: WEBHOOK_BODY_LIMIT,
      onRequest: async (request) => {
        // Not from BOS's addresses (when the operator listed them): as unknown as a wrong secret.
        if (deps.webhookSources && !deps.webhookSources.allows(request.ip)) throw notFound();
        const shop = await shopFor(request.params.secret);
        if (!shop) throw notFound();
        shops.set(request, shop);
      },
    },
    async (request): Promise<WebhookAnswer> => {
      const shop = shops.get(request);
      if (!shop) throw notFound();
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const contentType = headerText(request.headers['content-type']);
      const signature = headerText(request.headers['x-razorpay-signature']);
      const receivedAt = deps.now();
      const refuse = async (status: 400 | 401, reason: string): Promise<never> => {
        await deps.store.quarantineWebhook({ shopId: shop.id, receivedAt, contentType, body, signature, reason });
        request.log.warn({ shopId: shop.id, reason, bytes: body.length }, 'webhook quarantined');
        throw new HubHttpError(status, status === 401 ? 'unauthorized' : 'bad_request', status === 401 ? 'The webhook signature is missing or wrong.' : `The webhook could not be read: ${reason}.`);
      };

      if (deps.webhookHmacSecret !== null && !validSignature(deps.webhookHmacSecret, body, signature)) return refuse(401, 'missing or wrong X-Razorpay-Signature');
      if (deps.webhookHmacSecret === null && signature !== null && !unsignedWarned.has(shop.id)) {
        unsignedWarned.add(shop.id);
        request.log.warn({ shopId: shop.id }, 'BOS signs its webhooks, and this hub does not check the signature: set HUB_WEBHOOK_HMAC_SECRET (the strongest setting)');
      }
      const parsed = readWebhookBody(body, contentType);
      if (!parsed.ok) return refuse(400, parsed.reason);
      const reading = readWebhook(parsed.value);
      if (!reading.ok) return refuse(400, reading.reason);

      const p = reading.payment;
      const outcome = await deps.store.recordWebhook({ shopId: shop.id, receivedAt, contentType, body, signature }, p);
      request.log.info({ shopId: shop.id, paymentId: p.paymentId, event: p.event, succeeded: p.succeeded, outcome: outcome.kind, deliveredTo: outcome.deliveredTo }, 'webhook stored');
      const duplicate = outcome.kind === 'duplicate';
      return { status: '200', message: duplicate ? 'Already received' : 'Received', duplicate };
    },
  );
}
