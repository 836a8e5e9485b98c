import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type IssuedQr, type SandboxPayment, type SandboxServer, type WebhookTarget } from '../../electron/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const clock = Date.parse('2024-07-28T18:01:16.700Z');
let sandbox: SandboxServer;
let receiver: WebhookReceiver;
beforeAll(async () => {
  // Redelivery waits 10, 20, 40 … ms instead of 1, 2, 4 … s.
  sandbox = await startSandbox({ now: () => clock, webhookRetry: { firstDelayMs: 10 }, webhookTimeoutMs: 500 });
});
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  sandbox.control.reset();
  await receiver.close();
});
afterAll(() => sandbox.close());

const control = (body: unknown) => fetch(`${sandbox.url}/sandbox/control`, { method: 'POST', body: JSON.stringify(body) });

async function issue(amount = '10'): Promise<IssuedQr> {
  const res = await fetch(`${sandbox.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: JSON.stringify({ RegistrationID: 'BOS-554', amount }) });
  expect(res.status).toBe(200);
  return sandbox.control.issuedQrs().at(-1)!;
}

function pay(qr: IssuedQr, extra: { amountPaise?: number } = {}): SandboxPayment {
  const paid = sandbox.control.pay({ qrId: qr.id, payerVpa: 'asha@okicici', ...extra });
  if (!paid.ok) throw new Error(paid.error.message);
  return paid.value;
}

const target = (extra: Partial<WebhookTarget> = {}): WebhookTarget => ({ url: receiver.url, shape: 'razorpay', encoding: 'json', ...extra });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- webhook bodies read field by field in tests
const bodyOf = (raw: string): Json => JSON.parse(raw) as Json;
const formPayload = (raw: string): Json => JSON.parse(new URLSearchParams(raw).get('payload') ?? '') as Json;

const PAYMENT_FIELDS = ['id', 'entity', 'amount', 'currency', 'status', 'order_id', 'invoice_id', 'international', 'method', 'amount_refunded', 'refund_status', 'captured', 'description', 'card_id', 'bank', 'wallet', 'vpa', 'email', 'contact', 'customer_id', 'notes', 'fee', 'tax', 'error_code', 'error_description', 'error_source', 'error_step', 'error_reason', 'acquirer_data', 'created_at'];
const QR_FIELDS = ['id', 'entity', 'name', 'usage', 'type', 'image_url', 'payment_amount', 'fixed_amount', 'payments_amount_received', 'payments_count_received', 'close_by', 'closed_at', 'close_reason', 'status'];
const UPIQR_FIELDS = ['status', 'response_code', 'txnstatus', 'message', 'ackno', 'amount', 'refid', 'ttype', 'api_type', 'upi_txn_id', 'txn_completion_date', 'customer_virtual_address', 'customer_mobile_number', 'customer_account_name'];

describe('webhook shapes', () => {
  it('posts Razorpay\'s qr_code.credited with every documented field, amount in paise, unsigned without a secret', async () => {
    sandbox.control.setWebhookTarget(target());
    const qr = await issue('12.5');
    const payment = pay(qr);
    const [hit] = await receiver.waitFor(1);
    expect(hit!.path).toBe('/bos/webhook/s3cret');
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['x-razorpay-signature']).toBeUndefined();
    expect(hit!.headers['x-razorpay-event-id']).toMatch(/^evt_[0-9a-f]{14}$/);
    const body = bodyOf(hit!.body);
    expect(body).toMatchObject({ entity: 'event', event: 'qr_code.credited', contains: ['payment', 'qr_code'], created_at: Math.floor(clock / 1000) });
    expect(typeof body.account_id).toBe('string');
    const entity = body.payload.payment.entity;
    for (const field of PAYMENT_FIELDS) expect(entity, field).toHaveProperty(field);
    expect(entity).toMatchObject({ id: payment.id, entity: 'payment', amount: 1250, currency: 'INR', status: 'captured', method: 'upi', vpa: 'asha@okicici', acquirer_data: { rrn: payment.rrn }, created_at: 1722189676 });
    const qrEntity = body.payload.qr_code.entity;
    for (const field of QR_FIELDS) expect(qrEntity, field).toHaveProperty(field);
    expect(qrEntity).toMatchObject({ id: qr.id, entity: 'qr_code', payment_amount: 1250, payments_amount_received: 1250, payments_count_received: 1 });
    await sandbox.control.webhooksIdle();
    expect(sandbox.control.webhookDeliveries()).toEqual([
      { url: receiver.url, paymentId: payment.id, eventId: hit!.headers['x-razorpay-event-id'], copy: 1, attempt: 1, status: 200, error: null, contentType: 'application/json', body: hit!.body, signature: null },
    ]);
  });

  it('signs the raw body with X-Razorpay-Signature (hex HMAC-SHA256) when a secret is set', async () => {
    sandbox.control.setWebhookTarget(target({ hmacSecret: 'whsec_test' }));
    pay(await issue());
    const [hit] = await receiver.waitFor(1);
    expect(hit!.headers['x-razorpay-signature']).toBe(createHmac('sha256', 'whsec_test').update(hit!.body).digest('hex'));
  });

  it('posts UPIQR_SUCCESS with refid = txnRefranceID, the amount in rupees and upi_txn_id = the UTR', async () => {
    sandbox.control.setWebhookTarget(target({ shape: 'upiqr' }));
    const qr = await issue('10');
    const payment = pay(qr);
    const [hit] = await receiver.waitFor(1);
    const body = bodyOf(hit!.body);
    expect(body.event).toBe('UPIQR_SUCCESS');
    expect(typeof body.param_enc).toBe('string');
    for (const field of UPIQR_FIELDS) expect(body.param, field).toHaveProperty(field);
    expect(body.param).toMatchObject({ txnstatus: 1, amount: '10', refid: qr.txnRefranceID, upi_txn_id: payment.rrn, customer_virtual_address: 'asha@okicici', txn_completion_date: '2024-07-28 23:31:16' });
  });

  it('form-encodes with the JSON in one payload field, signed over the form body', async () => {
    sandbox.control.setWebhookTarget(target({ encoding: 'form', hmacSecret: 'k' }));
    const qr = await issue();
    pay(qr);
    const [hit] = await receiver.waitFor(1);
    expect(hit!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(formPayload(hit!.body).payload.qr_code.entity.id).toBe(qr.id);
    expect(hit!.headers['x-razorpay-signature']).toBe(createHmac('sha256', 'k').update(hit!.body).digest('hex'));
  });

  it('delivers nothing without a target, and the payment stands', async () => {
    const qr = await issue();
    pay(qr);
    await sandbox.control.webhooksIdle();
    expect(sandbox.control.webhookDeliveries()).toEqual([]);
    expect(sandbox.control.payments()).toHaveLength(1);
  });

  it('is set, bent and read through HTTP too (/sandbox/control, /sandbox/pay, /sandbox/webhooks)', async () => {
    const set = await control({ webhookTarget: { url: receiver.url, shape: 'upiqr', encoding: 'form' }, nextWebhookFault: 'duplicate' });
    expect(await set.json()).toMatchObject({ webhookTarget: { url: receiver.url, shape: 'upiqr', encoding: 'form', signed: false }, nextWebhookFault: { fault: 'duplicate' } });
    const qr = await issue();
    const paid = await fetch(`${sandbox.url}/sandbox/pay`, { method: 'POST', body: JSON.stringify({ txnRefranceID: qr.txnRefranceID }) });
    expect(paid.status).toBe(200);
    await receiver.waitFor(2);
    await sandbox.control.webhooksIdle();
    const log = (await (await fetch(`${sandbox.url}/sandbox/webhooks`)).json()) as Array<{ copy: number; status: number }>;
    expect(log.map((d) => [d.copy, d.status])).toEqual([[1, 200], [2, 200]]);
    expect(formPayload(receiver.received[0]!.body).param.refid).toBe(qr.txnRefranceID);
    expect((await (await control({ webhookTarget: null })).json()) as object).toMatchObject({ webhookTarget: null, nextWebhookFault: null });
  });
});

describe('webhook faults, each for the next payment only', () => {
  beforeEach(() => sandbox.control.setWebhookTarget(target()));

  it('duplicate: the same body and event id twice', async () => {
    sandbox.control.setNextWebhookFault('duplicate');
    pay(await issue());
    const [a, b] = await receiver.waitFor(2);
    expect(b!.body).toBe(a!.body);
    expect(b!.headers['x-razorpay-event-id']).toBe(a!.headers['x-razorpay-event-id']);
    pay(await issue());
    await receiver.waitFor(3);
    await sandbox.control.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
  });

  it('delay: a delayed webhook arrives after the next payment\'s', async () => {
    const [a, b] = [await issue(), await issue()];
    sandbox.control.setNextWebhookFault({ fault: 'delay', delayMs: 300 });
    const first = pay(a);
    const second = pay(b);
    const hits = await receiver.waitFor(2);
    expect(hits.map((h) => bodyOf(h.body).payload.payment.entity.id)).toEqual([second.id, first.id]);
  });

  it('out_of_order: held until the next payment\'s webhook is sent, then sent after it', async () => {
    sandbox.control.setNextWebhookFault('out_of_order');
    const first = pay(await issue());
    await sandbox.control.webhooksIdle();
    expect(receiver.received).toHaveLength(0);
    const second = pay(await issue());
    const hits = await receiver.waitFor(2);
    expect(hits.map((h) => bodyOf(h.body).payload.payment.entity.id)).toEqual([second.id, first.id]);
  });

  it('other_amount: the webhook reports ₹1 less than was paid; the QR\'s own amount is unchanged', async () => {
    sandbox.control.setNextWebhookFault('other_amount');
    const payment = pay(await issue('10'));
    expect(payment.amountPaise).toBe(1000);
    const entity = bodyOf((await receiver.waitFor(1))[0]!.body).payload;
    expect(entity.payment.entity.amount).toBe(900);
    expect(entity.qr_code.entity.payment_amount).toBe(1000);
  });

  it('unknown_qr: a webhook for a QR id nobody issued; the issued QR stays unpaid', async () => {
    sandbox.control.setNextWebhookFault('unknown_qr');
    const qr = await issue();
    const payment = pay(qr);
    const id = bodyOf((await receiver.waitFor(1))[0]!.body).payload.qr_code.entity.id as string;
    expect(id).toMatch(/^qr_/);
    expect(sandbox.control.issuedQrs().map((q) => q.id)).not.toContain(id);
    expect(payment.qrId).toBe(id);
    const status = await fetch(`${sandbox.url}/api/BOS/V4/DynamicQRCodeStatus`, { method: 'POST', body: JSON.stringify({ txnRefranceID: qr.txnRefranceID }) });
    expect(await status.json()).toMatchObject({ status: 'PENDING' });
    expect(pay(qr).qrId).toBe(qr.id);
  });

  it('unknown_qr: pays (and reports) an id the caller names, which a plain payment would refuse', async () => {
    expect(sandbox.control.pay({ qrId: 'qr_madeUpByTest01', amountPaise: 500 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    sandbox.control.setNextWebhookFault('unknown_qr');
    expect(sandbox.control.pay({ qrId: 'qr_madeUpByTest01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sandbox.control.pay({ qrId: 'qr_madeUpByTest01', amountPaise: 500 })).toMatchObject({ ok: true, value: { qrId: 'qr_madeUpByTest01', amountPaise: 500 } });
    expect(bodyOf((await receiver.waitFor(1))[0]!.body).payload.qr_code.entity.id).toBe('qr_madeUpByTest01');
  });

  it('form: form-encoded once, JSON again after', async () => {
    sandbox.control.setNextWebhookFault('form');
    pay(await issue());
    pay(await issue());
    await receiver.waitFor(2);
    await sandbox.control.webhooksIdle();
    expect(receiver.received.map((h) => h.headers['content-type']).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
  });

  it('a payment that fails leaves the fault for the next one', async () => {
    sandbox.control.setNextWebhookFault('other_amount');
    expect(sandbox.control.pay({ qrId: 'qr_nobodyIssued001' }).ok).toBe(false);
    pay(await issue('10'));
    expect(bodyOf((await receiver.waitFor(1))[0]!.body).payload.payment.entity.amount).toBe(900);
  });
});

describe('redelivery', () => {
  beforeEach(() => sandbox.control.setWebhookTarget(target()));
  const attempts = () => sandbox.control.webhookDeliveries().map((d) => [d.attempt, d.status ?? d.error]);

  it('redelivers after non-2xx answers and stops at the first success', async () => {
    receiver.replyWith([500, 503, 200]);
    pay(await issue());
    await receiver.waitFor(3);
    await sandbox.control.webhooksIdle();
    expect(attempts()).toEqual([[1, 500], [2, 503], [3, 200]]);
    expect(new Set(receiver.received.map((h) => h.body)).size).toBe(1);
  });

  it('gives up after five tries', async () => {
    receiver.replyWith([500, 500, 500, 500, 500, 500, 500]);
    pay(await issue());
    await receiver.waitFor(5);
    await sandbox.control.webhooksIdle();
    await new Promise((r) => setTimeout(r, 400));
    expect(attempts()).toEqual([[1, 500], [2, 500], [3, 500], [4, 500], [5, 500]]);
    expect(receiver.received).toHaveLength(5);
  });

  it('redelivers after a network error: connection refused, connection cut, no answer in time', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    sandbox.control.setWebhookTarget(target({ url: `http://127.0.0.1:${closed}/hook` }));
    pay(await issue());
    await sandbox.control.webhooksIdle();
    expect(sandbox.control.webhookDeliveries().map((d) => [d.attempt, d.status, d.error])).toEqual([1, 2, 3, 4, 5].map((n) => [n, null, 'ECONNREFUSED']));

    sandbox.control.reset();
    sandbox.control.setWebhookTarget(target());
    receiver.replyWith(['reset', 'hang', 204]);
    pay(await issue());
    await sandbox.control.webhooksIdle();
    const log = sandbox.control.webhookDeliveries();
    expect(log.map((d) => d.status)).toEqual([null, null, 204]);
    expect(log[1]!.error).toBe('timed out after 500 ms');
  });

  it('never follows a redirect: only the configured URL is posted to', async () => {
    const elsewhere = await startWebhookReceiver();
    try {
      receiver.replyWith([{ redirect: elsewhere.url }]);
      pay(await issue());
      await sandbox.control.webhooksIdle();
      expect(attempts()).toEqual([[1, 302], [2, 200]]);
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('stops redelivering when the target changes or is cleared', async () => {
    receiver.replyWith([500, 500, 500, 500, 500]);
    pay(await issue());
    await receiver.waitFor(1);
    sandbox.control.setWebhookTarget(null);
    await sandbox.control.webhooksIdle();
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);
  });

  it('never holds up the pay call, even when the receiver never answers', async () => {
    // Deliveries here may take 10 s each: a pay call that waited for one would be cut off at 3 s.
    const own = await startSandbox({ webhookTimeoutMs: 10_000 });
    try {
      own.control.setWebhookTarget(target());
      receiver.replyWith(['hang']);
      await fetch(`${own.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: '{"amount":"10"}' });
      const paid = await fetch(`${own.url}/sandbox/pay`, { method: 'POST', body: JSON.stringify({ qrId: own.control.issuedQrs()[0]!.id }), signal: AbortSignal.timeout(3000) });
      expect(paid.status).toBe(200);
      await receiver.waitFor(1);
      expect(own.control.webhookDeliveries()).toHaveLength(0);
    } finally {
      await own.close();
    }
  });

  it('sends nothing more once the sandbox is closed', async () => {
    const own = await startSandbox({ webhookRetry: { firstDelayMs: 50 } });
    own.control.setWebhookTarget(target());
    receiver.replyWith([500, 500, 500, 500, 500]);
    await fetch(`${own.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: '{"amount":"10"}' });
    own.control.pay({ qrId: own.control.issuedQrs()[0]!.id });
    await receiver.waitFor(1);
    await own.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
  });
});
