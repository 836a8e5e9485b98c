// The hub under test: one store per file and driver, a shop of its own per test, an app per test.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { PairAnswer, TerminalRole } from '../../electron/contract/hub';
import { buildHub, type BuildHubOptions } from '../../electron/hub/app';
import { issuePairingCode } from '../../electron/hub/pairing';
import { hashSecret, newWebhookSecret } from '../../electron/hub/secrets';
import type { HubStore, Shop } from '../../electron/hub/store/types';
import { T0, unique } from './fixtures';

/** The file's shared store, which an app's close must not close. */
export const borrowed = (store: HubStore): HubStore => ({ ...store, close: async () => {} });

export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export const testClock = (start = T0): TestClock => ({
  now: start,
  advance(ms) {
    this.now += ms;
  },
});

export interface TestHub {
  app: FastifyInstance;
  shop: Shop;
  secret: string;
  webhookPath: string;
  clock: TestClock;
  pair(role?: TerminalRole, name?: string): Promise<PairAnswer>;
}

export async function makeHub(store: HubStore, options: Omit<BuildHubOptions, 'store'> & { clock?: never; testClock?: TestClock } = {}): Promise<TestHub> {
  const clock = options.testClock ?? testClock(Date.now());
  const secret = newWebhookSecret();
  const shop = await store.createShop({ registrationId: unique('BOS-'), name: 'Test shop', webhookSecretHash: hashSecret(secret), now: clock.now });
  const { testClock: _ignored, ...rest } = options;
  const app = await buildHub({ ...rest, store: borrowed(store), clock: () => clock.now });
  return {
    app,
    shop,
    secret,
    webhookPath: `/bos/webhook/${secret}`,
    clock,
    pair: async (role = 'counter', name = 'Counter 1') => {
      const { code } = await issuePairingCode(store, clock.now, { shopId: shop.id, role });
      const res = await app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name } });
      if (res.statusCode !== 200) throw new Error(`pairing answered ${res.statusCode} ${res.body}`);
      return res.json<PairAnswer>();
    },
  };
}

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

// ---- webhook bodies, as BOS documents them ----

export function razorpayBody(o: { paymentId?: string; qrId?: string | null; amount?: number | string; status?: string; notes?: Record<string, unknown>; currency?: string | null } = {}) {
  return {
    entity: 'event',
    account_id: 'acc_BOS554',
    event: 'qr_code.credited',
    contains: ['payment', 'qr_code'],
    payload: {
      payment: {
        entity: {
          id: o.paymentId ?? unique('pay_'), entity: 'payment', amount: o.amount ?? 12_050, currency: o.currency === undefined ? 'INR' : o.currency, status: o.status ?? 'captured',
          order_id: null, invoice_id: null, international: false, method: 'upi', amount_refunded: 0, refund_status: null, captured: true,
          description: 'QRv2 Payment', card_id: null, bank: null, wallet: null, vpa: 'customer@okaxis', email: null, contact: null,
          customer_id: null, notes: o.notes ?? [], fee: 0, tax: 0, error_code: null, error_description: null,
          acquirer_data: { rrn: '412345678901' }, created_at: 1_796_000_000,
        },
      },
      qr_code: { entity: { id: o.qrId === undefined ? unique('qr_') : o.qrId, entity: 'qr_code', name: 'BOS', usage: 'single_use', type: 'upi_qr', payment_amount: 12_050, status: 'closed' } },
    },
    created_at: 1_796_000_000,
  };
}

export function upiqrBody(o: { upiTxnId?: string | null; ackno?: string | number; refid?: string; amount?: string | number; txnstatus?: number | string | null; status?: unknown } = {}) {
  return {
    event: 'UPIQR_SUCCESS',
    param: {
      status: o.status === undefined ? true : o.status, response_code: 1, txnstatus: o.txnstatus === undefined ? 1 : o.txnstatus, message: 'Transaction Successful',
      ackno: o.ackno ?? 5_517, amount: o.amount ?? '120.50', refid: o.refid ?? unique('TXN'), ttype: 'UPI', api_type: 'AUTO_COLLECT',
      upi_txn_id: o.upiTxnId === undefined ? unique('4123') : o.upiTxnId, txn_completion_date: '2026-12-01 15:31:02',
      customer_virtual_address: 'customer@okicici', customer_mobile_number: null, customer_account_name: 'A Customer',
    },
    param_enc: 'ZW5jcnlwdGVk',
  };
}

// ---- a server-sent events reader over real HTTP ----

export interface StreamEvent {
  id: string;
  event: string;
  data: string;
  /** performance.now() when the event was read off the socket (the bench measures with it). */
  at: number;
}

export interface OpenStream {
  status: number;
  events: StreamEvent[];
  comments: string[];
  ended: Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<StreamEvent[]>;
  close(): void;
}

export function openStream(baseUrl: string, credential: string, o: { after?: string; lastEventId?: string; path?: string } = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const path = `${o.path ?? '/v1/stream'}${o.after !== undefined ? `?after=${o.after}` : ''}`;
    const req = httpRequest(`${baseUrl}${path}`, { headers: { ...bearer(credential), ...(o.lastEventId !== undefined ? { 'Last-Event-ID': o.lastEventId } : {}) } }, (res: IncomingMessage) => {
      const events: StreamEvent[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let endedResolve: () => void = () => {};
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const fields = { id: '', event: 'message', data: '', at: performance.now() };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const [name, ...restOfLine] = line.split(':');
              const value = restOfLine.join(':').replace(/^ /, '');
              if (name === 'id' || name === 'event' || name === 'data') {
                fields[name] = value;
                isEvent = true;
              }
            }
          }
          if (isEvent) events.push(fields);
          for (const w of [...waiters]) w();
        }
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve({
        status: res.statusCode ?? 0,
        events,
        comments,
        ended,
        waitFor: (count, timeoutMs = 5_000) =>
          new Promise((ok, fail) => {
            const check = () => {
              if (events.length >= count) {
                waiters.delete(check);
                clearTimeout(timer);
                ok(events.slice(0, count));
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`stream had ${events.length} events, waited for ${count}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => reject(error));
    req.end();
  });
}

export const paymentOf = (e: StreamEvent) => JSON.parse(e.data) as { paymentId: string; saleId: string; amountPaise: number };
