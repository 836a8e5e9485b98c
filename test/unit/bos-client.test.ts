import { describe, expect, it, vi } from 'vitest';
import { createBosClient, type BosClientOptions } from '../../electron/core/bos';

const INTENT = 'upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOS%20CENTER&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=Payment&am=10';
const DOCUMENTED_SUCCESS = {
  id: 'qr_Oe8y06oN0Kj1cx',
  txnRefranceID: 'BOS554V221201',
  entity: 'qr_code',
  CreatedDateTime: '2024-07-28T23:31:16+05:30',
  UPIIntend: INTENT,
  PaymentAmount: 10,
  status: 'active',
  ExpireDateTime: '2024-07-28T23:36:09+05:30',
  Status: 'True',
  message: 'QR Code Generated',
  Value: '',
};

interface Seen { url: string; init: RequestInit }

function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const impl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const seen = { url: String(url), init: init ?? {} };
    calls.push(seen);
    return respond(seen);
  });
  return { fetch: impl as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

function client(fetchImpl: typeof fetch, extra: Partial<BosClientOptions> = {}) {
  return createBosClient({
    baseUrl: 'http://127.0.0.1:9/',
    credentials: async () => ({ registrationId: 'BOS-554', token: 'secret-token-1234' }),
    fetch: fetchImpl,
    now: () => 1_000,
    ...extra,
  });
}

describe('createDynamicQr', () => {
  it('sends the documented request: path, JSON body with amount as a rupee string, bearer token', async () => {
    const fake = fakeFetch(() => json(DOCUMENTED_SUCCESS));
    await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe('http://127.0.0.1:9/api/BOS/V4/DynamicQRCode');
    expect(call?.init.method).toBe('POST');
    expect(JSON.parse(String(call?.init.body))).toEqual({ RegistrationID: 'BOS-554', amount: '10' });
    const headers = call?.init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers.Authorization).toBe('Bearer secret-token-1234');
  });

  it('omits Authorization when no token is set', async () => {
    const fake = fakeFetch(() => json(DOCUMENTED_SUCCESS));
    await client(fake.fetch, { credentials: async () => ({ registrationId: 'BOS-554' }) }).createDynamicQr({ amountPaise: 1000 });
    expect((fake.calls[0]?.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('returns the documented example as a DynamicQr with the server-stated ttl', async () => {
    const fake = fakeFetch(() => json(DOCUMENTED_SUCCESS));
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result).toEqual({
      ok: true,
      value: {
        intent: INTENT,
        qrId: 'qr_Oe8y06oN0Kj1cx',
        txnRefranceID: 'BOS554V221201',
        amountPaise: 1000,
        payeeVpa: 'random@razorpay',
        payeeName: 'BOS CENTER',
        createdAt: '2024-07-28T23:31:16+05:30',
        expiresAt: '2024-07-28T23:36:09+05:30',
        ttlMs: 293_000,
        expiryStated: true,
        receivedAt: 1_000,
      },
    });
  });

  it('accepts the field-list variant (qrCode, no times) with the documented five minutes, marked as not stated', async () => {
    const fake = fakeFetch(() => json({ status: 'SUCCESS', subCode: '200', message: 'ok', qrCode: INTENT, virtualVPA: 'random@razorpay' }));
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result.ok && result.value.intent).toBe(INTENT);
    expect(result.ok && result.value.ttlMs).toBe(300_000);
    expect(result.ok && result.value.expiryStated).toBe(false);
  });

  it('accepts PaymentAmount as a string', async () => {
    const fake = fakeFetch(() => json({ ...DOCUMENTED_SUCCESS, PaymentAmount: '10.00' }));
    expect((await client(fake.fetch).createDynamicQr({ amountPaise: 1000 })).ok).toBe(true);
  });

  it.each([
    ['intent for another amount', { ...DOCUMENTED_SUCCESS, UPIIntend: INTENT.replace('am=10', 'am=100') }, 'amount_mismatch'],
    ['PaymentAmount for another amount', { ...DOCUMENTED_SUCCESS, PaymentAmount: 11 }, 'amount_mismatch'],
    ['intent in dollars', { ...DOCUMENTED_SUCCESS, UPIIntend: INTENT.replace('cu=INR', 'cu=USD') }, 'invalid_intent'],
    ['intent that is not upi://pay', { ...DOCUMENTED_SUCCESS, UPIIntend: INTENT.replace('upi://pay', 'https://evil.example/pay') }, 'invalid_intent'],
    ['no intent at all', { ...DOCUMENTED_SUCCESS, UPIIntend: undefined }, 'invalid_response'],
    ['expiry before creation', { ...DOCUMENTED_SUCCESS, ExpireDateTime: '2024-07-28T23:30:00+05:30' }, 'invalid_response'],
    ['unreadable times', { ...DOCUMENTED_SUCCESS, ExpireDateTime: 'soon' }, 'invalid_response'],
    ['a JSON array', [DOCUMENTED_SUCCESS], 'invalid_response'],
    ['status ERROR with 200', { status: 'ERROR', subCode: '500', message: 'Unable to generate QR' }, 'rejected'],
    ['Status False', { ...DOCUMENTED_SUCCESS, Status: 'False', message: 'Limit reached' }, 'rejected'],
  ])('never returns a QR for %s', async (_name, body, code) => {
    const fake = fakeFetch(() => json(body));
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('maps the documented 400 to rejected with BOS code and message', async () => {
    const fake = fakeFetch(() => json({ status: 'ERROR', subCode: '400', message: 'VPA does not exist for the account provided' }, 400));
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '400', bosMessage: 'VPA does not exist for the account provided', httpStatus: 400 } });
    if (!result.ok) expect(result.error.message).not.toContain('VPA does not exist');
  });

  it('refuses bad amounts before sending anything', async () => {
    const fake = fakeFetch(() => json(DOCUMENTED_SUCCESS));
    for (const amountPaise of [0, -100, 10.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = await client(fake.fetch).createDynamicQr({ amountPaise });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', mayHaveReached: false } });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('asks for settings when the registration id is missing or unreadable, without sending', async () => {
    const fake = fakeFetch(() => json(DOCUMENTED_SUCCESS));
    const empty = await client(fake.fetch, { credentials: async () => ({ registrationId: ' ' }) }).createDynamicQr({ amountPaise: 1000 });
    const throwing = await client(fake.fetch, { credentials: async () => { throw new Error('keyring locked: /home/x/.secret'); } }).createDynamicQr({ amountPaise: 1000 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(throwing).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    if (!throwing.ok) expect(throwing.error.message).not.toContain('/home');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('transport failures become typed errors, never throws, never retries', () => {
  const failWith = (error: unknown) => fakeFetch(() => { throw error; });

  it.each([
    ['refused', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'network', false],
    ['DNS', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'network', false],
    ['Electron refused', new Error('net::ERR_CONNECTION_REFUSED'), 'network', false],
    ['reset', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), 'network', true],
  ])('%s', async (_name, error, code, mayHaveReached) => {
    const fake = failWith(error);
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code, mayHaveReached } });
    if (!result.ok) expect(result.error.message).not.toMatch(/ECONN|ENOTFOUND|at .*\(|TypeError/);
    expect(fake.calls).toHaveLength(1);
  });

  it('times out even when fetch ignores the abort signal', async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => undefined));
    const result = await client(fake.fetch, { timeoutMs: 50 }).createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', mayHaveReached: true } });
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    [500, 'text/html', '<html><body>Internal Server Error</body></html>', 'server_error'],
    [502, '', '', 'server_error'],
    [200, 'text/html', '<html>maintenance</html>', 'invalid_response'],
    [200, 'application/json', '', 'invalid_response'],
    [200, 'application/json', '{"id":"qr_1","UPIIn', 'invalid_response'],
    [401, 'application/json', '{"status":"ERROR","subCode":"401","message":"Authentication failed"}', 'unauthorized'],
    [404, 'text/html', 'Not Found', 'invalid_response'],
  ])('HTTP %i %s %j → %s', async (status, contentType, body, code) => {
    const fake = fakeFetch(() => new Response(body, { status, headers: contentType ? { 'content-type': contentType } : {} }));
    const result = await client(fake.fetch).createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.message).not.toContain('<html');
      expect(result.error.message).not.toContain('Unexpected');
    }
  });
});

describe('refund calls', () => {
  it('writes a 19-digit reference id onto the wire digit for digit, as a JSON number', async () => {
    const fake = fakeFetch(() => json({ status: true, response_code: 1, message: 'Refund Otp Successfully Sent.' }));
    const result = await client(fake.fetch).requestRefundOtp({ referenceId: '9876543210123456789', ackNo: '127' });
    expect(fake.calls[0]?.url).toBe('http://127.0.0.1:9/api/BOS/RefundOTP');
    expect(fake.calls[0]?.init.body).toBe('{"referenceid":9876543210123456789,"ackno":127}');
    expect(result).toEqual({ ok: true, value: { responseCode: '1', message: 'Refund Otp Successfully Sent.', explanation: expect.stringContaining('OTP was sent') } });
  });

  it('drops leading zeros (a JSON number cannot have them) and refuses anything but digits before sending', async () => {
    const fake = fakeFetch(() => json({ status: true, response_code: 1, message: 'ok' }));
    await client(fake.fetch).requestRefundOtp({ referenceId: '00123', ackNo: '7' });
    expect(fake.calls[0]?.init.body).toBe('{"referenceid":123,"ackno":7}');
    for (const bad of ['', '12a', '1e5', '-5', '1.5', '0', ' ', '１２３', '1'.repeat(31)]) {
      const result = await client(fake.fetch).requestRefundOtp({ referenceId: bad, ackNo: '7' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', mayHaveReached: false } });
    }
    const hostile = await client(fake.fetch).requestRefundOtp({ referenceId: { toString: () => '1' } as unknown as string, ackNo: '7' });
    expect(hostile).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fake.calls).toHaveLength(1);
  });

  it('claims with the OTP as the documented number, keeping a leading zero as a string', async () => {
    const fake = fakeFetch(() => json({ status: true, response_code: 1, message: 'Refund processed' }));
    await client(fake.fetch).claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '576719' });
    await client(fake.fetch).claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '076719' });
    expect(fake.calls[0]?.url).toBe('http://127.0.0.1:9/api/BOS/ClaimRefund');
    expect(fake.calls[0]?.init.body).toBe('{"referenceid":12345678926,"ackno":127,"otp":576719}');
    expect(fake.calls[1]?.init.body).toBe('{"referenceid":12345678926,"ackno":127,"otp":"076719"}');
    const bad = await client(fake.fetch).claimRefund({ referenceId: '1', ackNo: '1', otp: '12' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    [200, { status: false, response_code: 2, message: 'Transaction not found or already refunded' }, 'rejected', '2'],
    [200, { status: false, response_code: 3, message: 'No record found' }, 'rejected', '3'],
    [200, { status: false, responsecode: 5, message: 'Unable to resend' }, 'rejected', '5'],
    [200, { status: 'false', response_code: '4', message: 'Invalid OTP' }, 'rejected', '4'],
    [401, { status: false, response_code: 18, message: 'Authentication failed' }, 'unauthorized', '18'],
    [401, { status: false, responsecode: 18, message: 'Authentication failed' }, 'unauthorized', '18'],
    [200, { status: false, response_code: 6, message: 'Token error' }, 'unauthorized', '6'],
  ])('HTTP %i %j → %s with BOS code %s and an explanation', async (status, body, code, bosCode) => {
    const fake = fakeFetch(() => json(body, status));
    const result = await client(fake.fetch).requestRefundOtp({ referenceId: '12345678926', ackNo: '127' });
    expect(result).toMatchObject({ ok: false, error: { code, bosCode, bosMessage: body.message } });
    if (!result.ok) expect(result.error.message).not.toBe(body.message);
  });
});

describe('refund code explanations', () => {
  it('tells the cashier to resend when BOS says the OTP is used up, whatever the code', async () => {
    const { explainRefundCode } = await import('../../electron/contract/refund-codes');
    expect(explainRefundCode('4', 'Invalid OTP')).toMatch(/Check the numbers \(and the OTP\)/);
    expect(explainRefundCode('4', 'Invalid OTP. Attempts exceeded; request a new OTP.')).toMatch(/no longer be used\. Press Resend OTP/);
    expect(explainRefundCode('2', 'OTP expired; request a new OTP')).toMatch(/Resend OTP/);
    expect(explainRefundCode('99', 'Something else')).toMatch(/Read its message/);
  });
});
