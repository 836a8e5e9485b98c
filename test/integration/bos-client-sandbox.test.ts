import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBosClient, type BosClient } from '../../electron/core/bos';
import { startSandbox, type SandboxFault, type SandboxServer } from '../../electron/sandbox';

let sandbox: SandboxServer;
let client: BosClient;

beforeAll(async () => {
  sandbox = await startSandbox({ token: 'sandbox-token-0001', registrationId: 'BOS-554' });
  client = createBosClient({
    baseUrl: sandbox.url,
    credentials: async () => ({ registrationId: 'BOS-554', token: 'sandbox-token-0001' }),
    timeoutMs: 1_500,
  });
});
afterEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

/** A cashier-readable message: a sentence, no stack, no HTML, no raw error names. */
function expectReadable(message: string) {
  expect(message).toMatch(/^[A-Z].{15,}/);
  expect(message).not.toMatch(/<html|at \w+ \(|Error:|ECONN|undefined|\{|\}/);
}

describe('the client against the sandbox over real HTTP', () => {
  it('creates a QR whose intent is verified and encoded exactly as the sandbox issued it', async () => {
    const result = await client.createDynamicQr({ amountPaise: 125_050 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const issued = sandbox.control.issuedQrs().at(-1);
    expect(result.value.intent).toBe(issued?.intent);
    expect(result.value.amountPaise).toBe(125_050);
    expect(result.value.payeeVpa).toBe('counter.demo@sandbox');
    expect(result.value.payeeName).toBe('Counter Sandbox Store');
    expect(result.value.ttlMs).toBe(300_000);
    expect(result.value.expiryStated).toBe(true);
    expect(sandbox.control.requests().at(-1)?.rawBody).toBe('{"RegistrationID":"BOS-554","amount":"1250.5"}');
    expect(sandbox.control.requests().at(-1)?.authorization).toBe('Bearer sandbox-token-0001');
  });

  it('measures ttl by the server clock even when it is two years off', async () => {
    sandbox.control.setClockOffset(2 * 365 * 24 * 3600_000);
    const result = await client.createDynamicQr({ amountPaise: 1000 });
    expect(result.ok && result.value.ttlMs).toBe(300_000);
  });

  const faults: Array<[string, number, string]> = [
    ['400 VPA error', 104, 'rejected'],
    ['401', 141, 'unauthorized'],
    ['HTML 500', 150, 'server_error'],
    ['HTML 502', 152, 'server_error'],
    ['empty 502', 153, 'server_error'],
    ['empty 200', 120, 'invalid_response'],
    ['truncated JSON', 126, 'invalid_response'],
    ['status ERROR in a 200', 127, 'rejected'],
    ['timeout (never answers)', 199, 'timeout'],
    ['connection reset mid-body', 198, 'network'],
    ['intent for another amount', 177, 'amount_mismatch'],
    ['intent in another currency', 178, 'invalid_intent'],
    ['intent that is not upi://pay', 179, 'invalid_intent'],
    ['wrong content type', 130, 'invalid_response'],
  ];
  it.each(faults)('magic amount for %s (%i paise) → %s, no QR', async (_name, amountPaise, code) => {
    const result = await client.createDynamicQr({ amountPaise });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expectReadable(result.error.message);
  });

  it('shows BOS\'s own words for the documented 400', async () => {
    const result = await client.createDynamicQr({ amountPaise: 104 });
    expect(result).toMatchObject({ ok: false, error: { bosCode: '400', bosMessage: 'VPA does not exist for the account provided' } });
  });

  it.each<[SandboxFault, string]>([
    ['html_502', 'server_error'],
    ['reset', 'network'],
    ['truncated_json', 'invalid_response'],
    ['unauthorized_401', 'unauthorized'],
  ])('the next-fault control (%s) applies to refund calls too → %s', async (fault, code) => {
    sandbox.control.setNextFault(fault);
    const result = await client.requestRefundOtp({ referenceId: '77777777777', ackNo: '77' });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expectReadable(result.error.message);
  });

  it('maps a refused connection to network, saying the request never reached BOS', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const offline = createBosClient({ baseUrl: url, credentials: async () => ({ registrationId: 'BOS-554' }) });
    const result = await offline.createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'network', mayHaveReached: false } });
    if (!result.ok) expectReadable(result.error.message);
  });

  it('maps a wrong token to unauthorized', async () => {
    const wrong = createBosClient({ baseUrl: sandbox.url, credentials: async () => ({ registrationId: 'BOS-554', token: 'not-the-token' }) });
    expect(await wrong.createDynamicQr({ amountPaise: 1000 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await wrong.requestRefundOtp({ referenceId: '12345678926', ackNo: '127' })).toMatchObject({ ok: false, error: { code: 'unauthorized', bosCode: '18' } });
  });
});

describe('refund by OTP against the sandbox', () => {
  it('requests an OTP for a 19-digit reference id that arrives digit for digit, then claims with it', async () => {
    const referenceId = '9876543210123456789';
    const sent = await client.requestRefundOtp({ referenceId, ackNo: '4501' });
    expect(sent).toMatchObject({ ok: true, value: { responseCode: '1', message: 'Refund Otp Successfully Sent.' } });
    expect(sandbox.control.requests().at(-1)?.rawBody).toBe(`{"referenceid":${referenceId},"ackno":4501}`);
    const otp = sandbox.control.revealOtp(referenceId, '4501');
    expect(otp).toMatch(/^\d{6}$/);
    const claimed = await client.claimRefund({ referenceId, ackNo: '4501', otp: otp! });
    expect(claimed).toMatchObject({ ok: true, value: { responseCode: '1' } });
    const again = await client.requestRefundOtp({ referenceId, ackNo: '4501' });
    expect(again).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '2' } });
  });

  it.each([
    ['already refunded', '55555555555', '10', '2'],
    ['unknown', '11111111111', '1', '3'],
  ])('%s → rejected with code %s and an explanation beside BOS\'s message', async (_name, referenceId, ackNo, bosCode) => {
    const result = await client.requestRefundOtp({ referenceId, ackNo });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode } });
    if (!result.ok) {
      expect(result.error.bosMessage).toBeTruthy();
      expectReadable(result.error.message);
    }
  });

  it('a wrong OTP is refused, and three wrong ones void it', async () => {
    await client.requestRefundOtp({ referenceId: '12345678926', ackNo: '127' });
    const otp = sandbox.control.revealOtp('12345678926', '127')!;
    const wrong = otp === '111111' ? '222222' : '111111';
    for (let i = 0; i < 3; i += 1) {
      const result = await client.claimRefund({ referenceId: '12345678926', ackNo: '127', otp: wrong });
      expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '4' } });
    }
    const right = await client.claimRefund({ referenceId: '12345678926', ackNo: '127', otp });
    expect(right).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });
});

/** A plain HTTP server on 127.0.0.1 and an ephemeral port, counting what it was sent. */
async function localServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a "BOS" that redirects elsewhere over real HTTP', () => {
  const attackerIntent = 'upi://pay?ver=01&mode=22&pa=attacker@ybl&pn=BOS%20CENTER&tr=RZPX1&cu=INR&mc=8299&qrMedium=04&tn=Payment&am=10';
  const attackerAnswer = {
    id: 'qr_X1', txnRefranceID: 'BOS554X1', entity: 'qr_code', CreatedDateTime: '2024-07-28T23:31:16+05:30',
    UPIIntend: attackerIntent, PaymentAmount: 10, status: 'active', ExpireDateTime: '2024-07-28T23:36:09+05:30',
    Status: 'True', message: 'QR Code Generated', Value: '',
  };
  let attacker: Awaited<ReturnType<typeof localServer>>;
  let bos: Awaited<ReturnType<typeof localServer>>;
  let redirectStatus = 307;

  beforeAll(async () => {
    attacker = await localServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url?.includes('DynamicQRCode') ? attackerAnswer : { status: true, response_code: 1, message: 'Refund processed successfully.' }));
    });
    bos = await localServer((req, res) => {
      res.writeHead(redirectStatus, { location: `${attacker.url}${req.url ?? '/'}`, 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  afterAll(async () => {
    await bos.close();
    await attacker.close();
  });

  it.each([307, 301, 302, 308])('a %i to a second server serving a valid-looking QR shows no QR, and the second server is never asked', async (status) => {
    redirectStatus = status;
    const redirected = createBosClient({ baseUrl: bos.url, credentials: async () => ({ registrationId: 'BOS-554', token: 'sandbox-token-0001' }), timeoutMs: 1_500 });
    const result = await redirected.createDynamicQr({ amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'redirected', httpStatus: status } });
    if (!result.ok) {
      expect(result.error.message).toBe(`BOS sent Counter elsewhere (HTTP ${status}). Counter does not follow that. No QR is shown.`);
      expectReadable(result.error.message);
    }
    const claim = await redirected.claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '576719' });
    expect(claim).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'redirected', httpStatus: status } });
    expect(attacker.hits).toEqual([]);
  });
});

describe('the status call over real HTTP, against a stub answering as the sandbox will', () => {
  let stub: Awaited<ReturnType<typeof localServer>>;
  let answer: unknown = null;

  beforeAll(async () => {
    stub = await localServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer));
    });
  });
  afterAll(() => stub.close());

  it('reads SUCCESS for the amount asked as paid, PENDING as pending, another amount as unknown', async () => {
    const statusClient = createBosClient({ baseUrl: stub.url, credentials: async () => ({ registrationId: 'BOS-554' }), timeoutMs: 1_500 });
    const asked = { txnRefranceID: 'SBX1001', amountPaise: 125_050 };
    answer = { status: 'SUCCESS', txnRefranceID: 'SBX1001', amount: '1250.5', utr: '412345678901', payerVpa: 'customer@okhdfc', message: 'Payment received' };
    expect(await statusClient.checkQrStatus(asked)).toEqual({ state: 'paid', amountPaise: 125_050, utr: '412345678901', payerVpa: 'customer@okhdfc' });
    answer = { status: 'PENDING', txnRefranceID: 'SBX1001', message: 'Awaiting payment' };
    expect(await statusClient.checkQrStatus(asked)).toEqual({ state: 'pending' });
    answer = { status: 'SUCCESS', txnRefranceID: 'SBX1001', amount: '1250', message: 'Payment received' };
    expect(await statusClient.checkQrStatus(asked)).toMatchObject({ state: 'unknown' });
    expect(stub.hits).toEqual(Array(3).fill('POST /api/BOS/V4/DynamicQRCodeStatus'));
  });
});
