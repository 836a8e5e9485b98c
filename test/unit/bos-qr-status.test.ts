/**
 * checkQrStatus: the undocumented status call. Paid only for an explicit success word
 * and the amount asked; everything else (errors, timeouts, odd shapes, another amount or
 * QR) is pending or unknown, and the call never throws.
 */
import { describe, expect, it } from 'vitest';
import { BOS_PATHS, createBosClient, type BosClientOptions } from '../../electron/core/bos';

const ASKED = { txnRefranceID: 'BOS554V221201', amountPaise: 1000 };
const SANDBOX_PAID = { status: 'SUCCESS', txnRefranceID: 'BOS554V221201', amount: '10', utr: '412345678901', payerVpa: 'customer@okhdfc', message: 'Payment received' };

interface Seen { url: string; init: RequestInit }

function statusClient(respond: () => unknown, extra: Partial<BosClientOptions> = {}) {
  const calls: Seen[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return respond();
  }) as unknown as typeof fetch;
  const client = createBosClient({
    baseUrl: 'http://127.0.0.1:9/',
    credentials: async () => ({ registrationId: 'BOS-554', token: 'secret-token-1234' }),
    fetch: fetchImpl,
    ...extra,
  });
  return { client, calls };
}

const json = (body: unknown, status = 200, type = 'application/json; charset=utf-8') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const ask = (body: unknown, status = 200) => statusClient(() => json(body, status)).client.checkQrStatus(ASKED);

describe('checkQrStatus', () => {
  it('posts txnRefranceID and RegistrationID to the status path, with the token', async () => {
    const { client, calls } = statusClient(() => json(SANDBOX_PAID));
    await client.checkQrStatus(ASKED);
    expect(BOS_PATHS.statusQr).toBe('/api/BOS/V4/DynamicQRCodeStatus');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/api/BOS/V4/DynamicQRCodeStatus');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"txnRefranceID":"BOS554V221201","RegistrationID":"BOS-554"}');
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer secret-token-1234');
    expect(calls[0]?.init.redirect).toBe('manual');
  });

  it('reads the sandbox\'s paid answer as paid, with the UTR and the payer', async () => {
    expect(await ask(SANDBOX_PAID)).toEqual({ state: 'paid', amountPaise: 1000, utr: '412345678901', payerVpa: 'customer@okhdfc' });
  });

  it('reads the sandbox\'s pending answer as pending', async () => {
    expect(await ask({ status: 'PENDING', txnRefranceID: 'BOS554V221201', message: 'Awaiting payment' })).toEqual({ state: 'pending' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['"success" in lower case and a numeric amount', { status: 'success', amount: 10 }],
    ['"PAID" in txnStatus with "10.00"', { txnStatus: 'PAID', txnRefranceID: 'BOS554V221201', Amount: '10.00' }],
    ['CAPTURED with PaymentAmount', { Status: 'CAPTURED', PaymentAmount: 10 }],
    ['nulls beside the success', { status: 'SUCCESS', amount: '10', utr: null, payerVpa: null, message: null, refund_status: null }],
  ])('paid: %s', async (_name, body) => {
    expect(await ask(body)).toMatchObject({ state: 'paid', amountPaise: 1000 });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no amount at all', { status: 'SUCCESS', txnRefranceID: 'BOS554V221201' }],
    ['another amount', { ...SANDBOX_PAID, amount: '1' }],
    ['an amount in paise', { ...SANDBOX_PAID, amount: 1000 }],
    ['two amounts that disagree', { ...SANDBOX_PAID, PaymentAmount: 10, amount_paid: '5' }],
    ['an unreadable amount', { ...SANDBOX_PAID, amount: 'ten' }],
    ['an amount that is an object', { ...SANDBOX_PAID, amount: { value: 10 } }],
    ['a refunded amount beside it', { ...SANDBOX_PAID, amount_refunded: 0 }],
    ['another txnRefranceID', { ...SANDBOX_PAID, txnRefranceID: 'BOS554V999999' }],
    ['a refid for another QR', { ...SANDBOX_PAID, refid: 'OTHER' }],
    ['status true (the call worked, not the payment)', { status: true, amount: '10' }],
    ['status 1', { status: 1, amount: '10' }],
    ['no status at all', { amount: '10', txnRefranceID: 'BOS554V221201' }],
    ['FAILED', { ...SANDBOX_PAID, status: 'FAILED' }],
    ['statuses that disagree', { ...SANDBOX_PAID, Status: 'PENDING' }],
    ['a success word inside a nested object only', { data: { status: 'SUCCESS', amount: '10' } }],
    ['UNSUCCESSFUL', { ...SANDBOX_PAID, status: 'UNSUCCESSFUL' }],
  ])('not paid: %s', async (_name, body) => {
    const result = await ask(body);
    expect(result.state).not.toBe('paid');
    if (result.state === 'unknown') expect(result.reason).toMatch(/^[A-Z].{10,}[.)]$/);
  });

  it('says which amount BOS named when it differs', async () => {
    expect(await ask({ ...SANDBOX_PAID, amount: '1' })).toEqual({ state: 'unknown', reason: expect.stringContaining('₹1.00, not ₹10.00') });
  });

  it('leaves out a UTR or payer that is not one', async () => {
    expect(await ask({ ...SANDBOX_PAID, utr: '<script>', payerVpa: 'not a vpa' })).toEqual({ state: 'paid', amountPaise: 1000 });
  });

  it.each<[string, () => unknown]>([
    ['HTTP 404', () => json({ status: 'ERROR', message: 'Not found' }, 404)],
    ['HTTP 500 with HTML', () => new Response('<html>oops</html>', { status: 500, headers: { 'content-type': 'text/html' } })],
    ['HTTP 400 that says SUCCESS', () => json(SANDBOX_PAID, 400)],
    ['a 307 to elsewhere', () => new Response('', { status: 307, headers: { location: 'http://127.0.0.1:10/' } })],
    ['the success JSON as text/html', () => new Response(JSON.stringify(SANDBOX_PAID), { headers: { 'content-type': 'text/html' } })],
    ['truncated JSON', () => new Response('{"status":"SUCC', { headers: { 'content-type': 'application/json' } })],
    ['a JSON array', () => json([SANDBOX_PAID])],
    ['JSON null', () => json(null)],
    ['a refused connection', () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }); }],
    ['a body that throws', () => ({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), text: async () => { throw new Error('x'); } })],
    ['no response', () => undefined],
  ])('unknown, never thrown: %s', async (_name, respond) => {
    const result = await statusClient(respond).client.checkQrStatus(ASKED);
    expect(result).toEqual({ state: 'unknown', reason: expect.stringMatching(/^[A-Z].{10,}/) });
  });

  it('times out as unknown', async () => {
    const { client } = statusClient(() => new Promise(() => undefined), { timeoutMs: 30 });
    expect(await client.checkQrStatus(ASKED)).toEqual({ state: 'unknown', reason: expect.stringContaining('did not answer') });
  });

  it('asks nothing without a reference, an amount or a registration id', async () => {
    const { client, calls } = statusClient(() => json(SANDBOX_PAID));
    for (const input of [
      { txnRefranceID: '', amountPaise: 1000 },
      { txnRefranceID: 'A\nB', amountPaise: 1000 },
      { txnRefranceID: 'x'.repeat(65), amountPaise: 1000 },
      { txnRefranceID: 'BOS554V221201', amountPaise: 0 },
      { txnRefranceID: 'BOS554V221201', amountPaise: 10.5 },
      { txnRefranceID: 7 as unknown as string, amountPaise: 1000 },
      null as unknown as typeof ASKED,
    ]) {
      expect((await client.checkQrStatus(input)).state).toBe('unknown');
    }
    const noId = statusClient(() => json(SANDBOX_PAID), { credentials: async () => ({ registrationId: '' }) });
    expect((await noId.client.checkQrStatus(ASKED)).state).toBe('unknown');
    const throwing = statusClient(() => json(SANDBOX_PAID), { credentials: async () => { throw new Error('locked'); } });
    expect((await throwing.client.checkQrStatus(ASKED)).state).toBe('unknown');
    expect(calls).toHaveLength(0);
    expect(noId.calls).toHaveLength(0);
  });
});
