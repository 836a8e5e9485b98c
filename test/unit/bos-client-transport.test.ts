/**
 * The client against fetch implementations and answers that misbehave at the HTTP level:
 * redirects (Node's fetch and Electron's net.fetch fail differently), bodies that throw,
 * headers without `get`, status 0, bodies too large to hold. Every call returns a typed
 * result; none throws and none shows a QR.
 */
import { describe, expect, it } from 'vitest';
import { createBosClient, type BosClient, type BosError } from '../../electron/core/bos';
import type { Result } from '../../electron/contract/result';

const INTENT = 'upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOS%20CENTER&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=Payment&am=10';
const SUCCESS = {
  id: 'qr_Oe8y06oN0Kj1cx', txnRefranceID: 'BOS554V221201', entity: 'qr_code',
  CreatedDateTime: '2024-07-28T23:31:16+05:30', UPIIntend: INTENT, PaymentAmount: 10, status: 'active',
  ExpireDateTime: '2024-07-28T23:36:09+05:30', Status: 'True', message: 'QR Code Generated', Value: '',
};
const SUCCESS_TEXT = JSON.stringify(SUCCESS);
const BASE = 'http://127.0.0.1:9';

type Answer = () => unknown;

function clientAnswering(answer: Answer, seen: RequestInit[] = []): BosClient {
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    seen.push(init ?? {});
    return answer();
  }) as unknown as typeof fetch;
  return createBosClient({ baseUrl: BASE, credentials: async () => ({ registrationId: 'BOS-554' }), fetch: fetchImpl, now: () => 0 });
}

/** A minimal Response look-alike with whatever oddities a test gives it. */
function fakeResponse(overrides: Record<string, unknown>): unknown {
  return {
    status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => SUCCESS_TEXT,
    ...overrides,
  };
}

/** Runs every call the client has against the same answer: none may throw, none may succeed. */
async function everyCall(client: BosClient): Promise<Array<Result<unknown, BosError>>> {
  return Promise.all([
    client.createDynamicQr({ amountPaise: 1000 }),
    client.requestRefundOtp({ referenceId: '12345678926', ackNo: '127' }),
    client.claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '576719' }),
    client.checkConnection(),
  ]);
}

describe('redirects are never followed', () => {
  it('asks fetch not to follow them', async () => {
    const seen: RequestInit[] = [];
    await clientAnswering(() => new Response(SUCCESS_TEXT, { headers: { 'content-type': 'application/json' } }), seen).createDynamicQr({ amountPaise: 1000 });
    expect(seen[0]?.redirect).toBe('manual');
  });

  it.each([301, 302, 303, 307, 308])('a %i is an error naming the status, and no QR', async (status) => {
    const client = clientAnswering(() => new Response(SUCCESS_TEXT, { status, headers: { location: 'http://127.0.0.1:10/evil', 'content-type': 'application/json' } }));
    for (const result of await everyCall(client)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'redirected', httpStatus: status, mayHaveReached: true } });
      if (!result.ok) expect(result.error.message).toContain(`BOS sent Counter elsewhere (HTTP ${status}).`);
    }
    const qr = await client.createDynamicQr({ amountPaise: 1000 });
    if (!qr.ok) expect(qr.error.message).toMatch(/No QR is shown\.$/);
  });

  it.each([
    ['Electron net.fetch, manual mode', new Error('Redirect was cancelled')],
    ['Electron net.fetch, error mode', new Error('Attempted to redirect, but redirect policy was \'error\'')],
    ['Node fetch, error mode', new TypeError('fetch failed', { cause: new Error('unexpected redirect') })],
  ])('a redirect refused inside fetch (%s) is the same error', async (_name, thrown) => {
    const client = clientAnswering(() => { throw thrown; });
    const result = await client.createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'redirected', mayHaveReached: true } });
    if (!result.ok) expect(result.error.message).toMatch(/^BOS sent Counter elsewhere.*No QR is shown\.$/);
  });

  it.each([
    ['says it was redirected', { redirected: true }],
    ['is an opaque redirect (status 0)', { status: 0, type: 'opaqueredirect', text: async () => '' }],
  ])('a fetch that followed anyway: an answer that %s is refused', async (_name, overrides) => {
    const client = clientAnswering(() => fakeResponse(overrides));
    for (const result of await everyCall(client)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'redirected' } });
    }
  });

  it('an answer a forwarding fetch got from another address, without a redirect, is read (tests and proxies forward)', async () => {
    const client = clientAnswering(() => fakeResponse({ url: 'http://127.0.0.1:10/api/BOS/V4/DynamicQRCode', redirected: false }));
    expect((await client.createDynamicQr({ amountPaise: 1000 })).ok).toBe(true);
  });
});

describe('hostile fetch implementations never make a call throw', () => {
  it.each<[string, string, Answer]>([
    ['a body that throws on text()', 'network', () => fakeResponse({ text: async () => { throw new TypeError('body used already'); } })],
    ['a body whose text() is not a string', 'invalid_response', () => fakeResponse({ text: async () => 42 })],
    ['headers without get', 'invalid_response', () => fakeResponse({ headers: {} })],
    ['no headers at all', 'invalid_response', () => fakeResponse({ headers: undefined })],
    ['headers.get that throws', 'invalid_response', () => fakeResponse({ headers: { get: () => { throw new Error('nope'); } } })],
    ['status 0 (Response.error())', 'invalid_response', () => Response.error()],
    ['a status that is not a number', 'invalid_response', () => fakeResponse({ status: '200' })],
    ['a status out of range', 'invalid_response', () => fakeResponse({ status: 1200 })],
    ['no response at all', 'invalid_response', () => undefined],
    ['a response that is a string', 'invalid_response', () => SUCCESS_TEXT],
    ['a status getter that throws', 'invalid_response', () => ({ get status(): number { throw new Error('boom'); }, headers: new Headers(), text: async () => '' })],
  ])('%s → %s', async (_name, code, answer) => {
    for (const result of await everyCall(clientAnswering(answer))) {
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(/^[A-Z][^{}]{15,}$/);
    }
  });

  it('a thrown value that throws when read is still a typed error', async () => {
    const poisoned = new Proxy({}, { get: () => { throw new Error('poisoned'); } });
    const client = clientAnswering(() => { throw poisoned; });
    for (const result of await everyCall(client)) expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('a body far larger than any BOS answer is refused without reading it all', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    // 16 MiB of spaces: finite, so a client that reads it all still finishes (and fails the test).
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 256) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const client = clientAnswering(() => new Response(huge, { headers: { 'content-type': 'application/json' } }));
    const result = await client.createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
    if (!result.ok) expect(result.error.message).toContain('too large');
    expect(pulled).toBeLessThan(64);
  });

  it('a token that cannot be a header value is refused before sending', async () => {
    const seen: RequestInit[] = [];
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      seen.push(init ?? {});
      return new Response(SUCCESS_TEXT, { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const client = createBosClient({ baseUrl: BASE, credentials: async () => ({ registrationId: 'BOS-554', token: 'abc\r\nX-Evil: 1' }), fetch: fetchImpl });
    const result = await client.createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized', mayHaveReached: false } });
    expect(seen).toHaveLength(0);
  });
});
