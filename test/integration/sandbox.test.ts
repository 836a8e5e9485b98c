import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, MAGIC_AMOUNTS, startSandbox, type SandboxServer } from '../../electron/sandbox';
import { JsonNumber, parseLossless } from '../../electron/sandbox/lossless-json';
import { formatIst } from '../../electron/sandbox/ist';

let clock = Date.parse('2024-07-28T18:01:16Z');
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
});
afterEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const post = (path: string, body: string, signal?: AbortSignal) =>
  fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, ...(signal ? { signal } : {}) });

describe('BOS sandbox', () => {
  it('answers the documented Dynamic QR success shape in IST with a five-minute expiry', async () => {
    const res = await post('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"BOS-554","amount":"10"}');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['CreatedDateTime', 'ExpireDateTime', 'PaymentAmount', 'Status', 'UPIIntend', 'Value', 'entity', 'id', 'message', 'status', 'txnRefranceID'].sort());
    expect(body).toMatchObject({ entity: 'qr_code', CreatedDateTime: '2024-07-28T23:31:16+05:30', ExpireDateTime: '2024-07-28T23:36:16+05:30', PaymentAmount: 10, status: 'active', Status: 'True', message: 'QR Code Generated', Value: '' });
    expect(String(body.id)).toMatch(/^qr_[A-Za-z0-9]{14}$/);
    expect(String(body.UPIIntend)).toMatch(/^upi:\/\/pay\?ver=01&mode=22&pa=counter\.demo@sandbox&pn=Counter%20Sandbox%20Store&tr=SBX\w+&cu=INR&mc=8299&qrMedium=04&tn=.+&am=10$/);
  });

  it('issues a unique tr for every QR', async () => {
    for (let i = 0; i < 5; i += 1) await post('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"X","amount":"12"}');
    const trs = sandbox.control.issuedQrs().map((q) => /tr=([^&]+)/.exec(q.intent)?.[1]);
    expect(new Set(trs).size).toBe(5);
  });

  it('refuses an amount that is not a rupee string', async () => {
    for (const body of ['{"amount":10}', '{"amount":"10.001"}', '{"amount":"0.5"}', '{}']) {
      const res = await post('/api/BOS/V4/DynamicQRCode', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ status: 'ERROR', subCode: '400' });
    }
  });

  it('answers invalid JSON with 400 and unknown paths with 404', async () => {
    expect((await post('/api/BOS/RefundOTP', '{"referenceid":')).status).toBe(400);
    expect((await post('/api/BOS/Nope', '{}')).status).toBe(404);
    expect((await fetch(`${sandbox.url}/api/BOS/RefundOTP`)).status).toBe(405);
  });

  it.each(MAGIC_AMOUNTS.filter((m) => !['hang', 'reset'].includes(m.fault)))('magic amount $paise paise → $fault', async ({ paise, fault }) => {
    const res = await post('/api/BOS/V4/DynamicQRCode', JSON.stringify({ RegistrationID: 'X', amount: (paise / 100).toString() }));
    const text = await res.text();
    const expectations: Record<string, [number, RegExp]> = {
      vpa_error_400: [400, /VPA does not exist/],
      unauthorized_401: [401, /Authentication failed/],
      html_500: [500, /<html>/],
      html_502: [502, /<html>/],
      empty_502: [502, /^$/],
      empty_200: [200, /^$/],
      truncated_json: [200, /^\{"id"/],
      status_error_200: [200, /"status":"ERROR"/],
      wrong_content_type: [200, /UPIIntend/],
      wrong_amount: [200, /am=2\.77"/],
      wrong_currency: [200, /cu=USD/],
      not_upi_pay: [200, /https:\/\/example\.invalid\/pay/],
    };
    const [status, pattern] = expectations[fault]!;
    expect(res.status).toBe(status);
    expect(text).toMatch(pattern);
    if (fault === 'truncated_json') expect(() => JSON.parse(text)).toThrow();
    if (fault === 'wrong_content_type' || fault.startsWith('html')) expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('never answers the hang amount, and close() still works with it open', async () => {
    const own = await startSandbox();
    const pending = fetch(`${own.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: '{"amount":"1.99"}', signal: AbortSignal.timeout(300) });
    await expect(pending).rejects.toThrow();
    const again = fetch(`${own.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: '{"amount":"1.99"}' }).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 50));
    await own.close();
    expect(await again).toBe('closed');
  });

  it('cuts the connection mid-answer for the reset amount', async () => {
    const res = await post('/api/BOS/V4/DynamicQRCode', '{"amount":"1.98"}');
    await expect(res.text()).rejects.toThrow();
  });

  it('applies a next fault once', async () => {
    sandbox.control.setNextFault('html_502');
    expect((await post('/api/BOS/V4/DynamicQRCode', '{"amount":"10"}')).status).toBe(502);
    expect((await post('/api/BOS/V4/DynamicQRCode', '{"amount":"10"}')).status).toBe(200);
  });

  it('sets faults and latency over HTTP too', async () => {
    const set = await post('/sandbox/control', '{"nextFault":"empty_502","latencyMs":120}');
    expect(await set.json()).toEqual({ latencyMs: 120, clockOffsetMs: 0, nextFault: 'empty_502', webhookTarget: null, nextWebhookFault: null });
    const started = performance.now();
    expect((await post('/api/BOS/V4/DynamicQRCode', '{"amount":"10"}')).status).toBe(502);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('checks the bearer token and the registration id when configured', async () => {
    const guarded = await startSandbox({ token: 'tok-123456', registrationId: 'BOS-554' });
    const call = (path: string, body: string, token?: string) =>
      fetch(`${guarded.url}${path}`, { method: 'POST', body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const noToken = await call('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"BOS-554","amount":"10"}');
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ status: 'ERROR', subCode: '401', message: 'Authentication failed' });
    const refund = await call('/api/BOS/RefundOTP', '{"referenceid":12345678926,"ackno":127}', 'wrong');
    expect(refund.status).toBe(401);
    expect(await refund.json()).toEqual({ status: false, response_code: 18, message: 'Authentication failed' });
    expect((await call('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"BOS-999","amount":"10"}', 'tok-123456')).status).toBe(400);
    expect((await call('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"BOS-554","amount":"10"}', 'tok-123456')).status).toBe(200);
    await guarded.close();
  });

  it('runs the refund flow: OTP, reveal, claim, then already refunded', async () => {
    const ask = await post('/api/BOS/RefundOTP', '{"referenceid":9876543210123456789,"ackno":4501}');
    expect(await ask.json()).toEqual({ status: true, response_code: 1, message: 'Refund Otp Successfully Sent.' });
    expect(sandbox.control.requests().at(-1)?.rawBody).toBe('{"referenceid":9876543210123456789,"ackno":4501}');
    expect(sandbox.control.revealOtp('9876543210123456785', '4501')).toBeNull();
    const otp = sandbox.control.revealOtp('9876543210123456789', '4501');
    const viaHttp = await (await fetch(`${sandbox.url}/sandbox/otp?referenceid=9876543210123456789&ackno=4501`)).json();
    expect(viaHttp).toEqual({ otp });
    const claim = await post('/api/BOS/ClaimRefund', `{"referenceid":9876543210123456789,"ackno":4501,"otp":"${otp}"}`);
    expect(await claim.json()).toMatchObject({ status: true, response_code: 1 });
    const again = await post('/api/BOS/RefundOTP', '{"referenceid":9876543210123456789,"ackno":4501}');
    expect(await again.json()).toMatchObject({ status: false, response_code: 2 });
  });

  it('refuses a resend within 30 seconds, then allows it', async () => {
    await post('/api/BOS/RefundOTP', '{"referenceid":77777777777,"ackno":77}');
    const first = sandbox.control.revealOtp('77777777777', '77');
    expect(await (await post('/api/BOS/RefundOTP', '{"referenceid":77777777777,"ackno":77}')).json()).toMatchObject({ response_code: 5 });
    clock += 30_000;
    expect(await (await post('/api/BOS/RefundOTP', '{"referenceid":77777777777,"ackno":77}')).json()).toMatchObject({ response_code: 1 });
    expect(sandbox.control.revealOtp('77777777777', '77')).toMatch(/^\d{6}$/);
    expect(first).toMatch(/^\d{6}$/);
  });

  it('answers unknown (3), already refunded (2), non-numbers (4) and TransactStatus', async () => {
    expect(await (await post('/api/BOS/RefundOTP', '{"referenceid":1,"ackno":1}')).json()).toMatchObject({ status: false, response_code: 3 });
    expect(await (await post('/api/BOS/RefundOTP', '{"referenceid":55555555555,"ackno":10}')).json()).toMatchObject({ status: false, response_code: 2 });
    expect(await (await post('/api/BOS/RefundOTP', '{"referenceid":"12345678926","ackno":127}')).json()).toMatchObject({ status: false, response_code: 4 });
    expect(await (await post('/api/BOS/TransactStatus', '{"referenceid":55555555555}')).json()).toMatchObject({ status: true, message: 'Refunded' });
  });

  it('voids the OTP after three wrong tries', async () => {
    await post('/api/BOS/RefundOTP', '{"referenceid":12345678926,"ackno":127}');
    const otp = sandbox.control.revealOtp('12345678926', '127')!;
    const wrong = otp === '000001' ? 2 : 1;
    const messages: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const body = (await (await post('/api/BOS/ClaimRefund', `{"referenceid":12345678926,"ackno":127,"otp":${wrong}}`)).json()) as { message: string };
      messages.push(body.message);
    }
    expect(messages).toEqual(['Invalid OTP', 'Invalid OTP', 'Invalid OTP. Attempts exceeded; request a new OTP.', 'OTP expired; request a new OTP']);
  });

  it('binds to loopback only', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.5')).toBe(false);
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('formats IST regardless of the machine time zone', () => {
    expect(formatIst(Date.parse('2024-07-28T18:01:16.900Z'))).toBe('2024-07-28T23:31:16+05:30');
  });
});

describe('lossless JSON', () => {
  it('keeps big numbers exact and reads nested values and escapes', () => {
    const value = parseLossless('{"a":9876543210123456789,"b":[1,-2.5e3,true,null],"c":"x\\"\\u00e9"}') as Record<string, unknown>;
    expect(value.a).toEqual(new JsonNumber('9876543210123456789'));
    expect((value.b as unknown[])[1]).toEqual(new JsonNumber('-2.5e3'));
    expect(value.c).toBe('x"é');
  });
  it.each(['', '{', '{"a":}', '[1,]', '{"a":1}x', '01', '{"a":"\u0001"}', 'NaN'])('rejects %j', (text) => {
    expect(() => parseLossless(text)).toThrow(SyntaxError);
  });
});
