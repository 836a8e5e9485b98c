import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type IssuedQr, type SandboxServer } from '../../electron/sandbox';

let clock = Date.parse('2024-07-28T18:01:16Z');
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
});
afterEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const post = (path: string, body: string) => fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

async function issue(amount = '10'): Promise<IssuedQr> {
  const res = await post('/api/BOS/V4/DynamicQRCode', JSON.stringify({ RegistrationID: 'BOS-554', amount }));
  expect(res.status).toBe(200);
  return sandbox.control.issuedQrs().at(-1)!;
}

const status = async (txnRefranceID: string) => {
  const res = await post('/api/BOS/V4/DynamicQRCodeStatus', JSON.stringify({ txnRefranceID, RegistrationID: 'BOS-554' }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the customer pays a sandbox QR', () => {
  it('pays a QR by its id at its own amount, with a pay_ id, a 12-digit RRN and a payer VPA', async () => {
    const qr = await issue('12.5');
    const res = await post('/sandbox/pay', JSON.stringify({ qrId: qr.id }));
    expect(res.status).toBe(200);
    const payment = (await res.json()) as Record<string, unknown>;
    expect(payment).toMatchObject({ qrId: qr.id, txnRefranceID: qr.txnRefranceID, amountPaise: 1250, payerVpa: 'customer.demo@okaxis', paidAt: '2024-07-28T23:31:16+05:30' });
    expect(payment.id).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    expect(payment.rrn).toMatch(/^[1-9]\d{11}$/);
    expect(sandbox.control.payments()).toEqual([payment]);
  });

  it('pays by txnRefranceID with another amount and payer, through control.pay too', async () => {
    const qr = await issue('10');
    const paid = sandbox.control.pay({ txnRefranceID: qr.txnRefranceID, amountPaise: 900, payerVpa: 'ravi.k@okhdfcbank' });
    expect(paid).toMatchObject({ ok: true, value: { qrId: qr.id, amountPaise: 900, payerVpa: 'ravi.k@okhdfcbank' } });
  });

  it('answers an unknown QR with 404, a second payment with 409 and an expired QR with 409', async () => {
    expect((await post('/sandbox/pay', '{"qrId":"qr_nobodyissued1"}')).status).toBe(404);
    expect(sandbox.control.pay({ txnRefranceID: 'SBX554V999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const qr = await issue();
    expect((await post('/sandbox/pay', JSON.stringify({ qrId: qr.id }))).status).toBe(200);
    const again = await post('/sandbox/pay', JSON.stringify({ qrId: qr.id }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'already_paid' });
    const late = await issue();
    clock += 5 * 60_000;
    try {
      expect(await (await post('/sandbox/pay', JSON.stringify({ qrId: late.id }))).json()).toMatchObject({ code: 'expired' });
    } finally {
      clock -= 5 * 60_000;
    }
    expect(sandbox.control.payments()).toHaveLength(1);
  });

  it('refuses qrId and txnRefranceID that name different QRs', async () => {
    const a = await issue();
    const b = await issue();
    expect((await post('/sandbox/pay', JSON.stringify({ qrId: a.id, txnRefranceID: b.txnRefranceID }))).status).toBe(400);
    expect(sandbox.control.payments()).toHaveLength(0);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"qr_x"'],
    ['no QR named', '{}'],
    ['an unknown field', '{"qrId":"qr_a","extra":1}'],
    ['a number id', '{"qrId":12}'],
    ['an id with odd characters', '{"qrId":"qr_a/../b"}'],
    ['a 65-character id', `{"qrId":"${'q'.repeat(65)}"}`],
    ['a fractional amount', '{"qrId":"qr_a","amountPaise":10.5}'],
    ['a zero amount', '{"qrId":"qr_a","amountPaise":0}'],
    ['a negative amount', '{"qrId":"qr_a","amountPaise":-100}'],
    ['a huge amount', '{"qrId":"qr_a","amountPaise":1e300}'],
    ['an amount as a string', '{"qrId":"qr_a","amountPaise":"100"}'],
    ['a payer that is no VPA', '{"qrId":"qr_a","payerVpa":"<script>"}'],
    ['invalid JSON', '{"qrId":'],
  ])('answers /sandbox/pay with %s with 400 and pays nothing', async (_name, body) => {
    await issue();
    const res = await post('/sandbox/pay', body);
    expect(res.status).toBe(400);
    expect(sandbox.control.payments()).toHaveLength(0);
    expect((await fetch(`${sandbox.url}/sandbox/health`)).status).toBe(200);
  });

  it('answers GET /sandbox/pay with 405', async () => {
    expect((await fetch(`${sandbox.url}/sandbox/pay?qrId=qr_a`)).status).toBe(405);
  });
});

describe('the status call (V4/DynamicQRCodeStatus)', () => {
  it('answers PENDING before payment and SUCCESS with amount, UTR and payer after', async () => {
    const qr = await issue('10');
    expect(await status(qr.txnRefranceID)).toEqual({ status: 200, body: { status: 'PENDING', txnRefranceID: qr.txnRefranceID, message: 'Payment pending' } });
    const paid = sandbox.control.pay({ qrId: qr.id, payerVpa: 'asha@okicici' });
    if (!paid.ok) throw new Error(paid.error.message);
    expect(await status(qr.txnRefranceID)).toEqual({
      status: 200,
      body: { status: 'SUCCESS', txnRefranceID: qr.txnRefranceID, amount: '10', utr: paid.value.rrn, payerVpa: 'asha@okicici', message: 'Payment received' },
    });
  });

  it('reports the amount actually paid, in BOS rupees', async () => {
    const qr = await issue('10');
    sandbox.control.pay({ qrId: qr.id, amountPaise: 1050 });
    expect((await status(qr.txnRefranceID)).body).toMatchObject({ status: 'SUCCESS', amount: '10.5' });
  });

  it('answers an unknown or missing reference with a BOS-style error', async () => {
    expect(await status('SBX554V000000')).toEqual({ status: 400, body: { status: 'ERROR', subCode: '404', message: 'Transaction not found' } });
    const missing = await post('/api/BOS/V4/DynamicQRCodeStatus', '{"RegistrationID":"BOS-554"}');
    expect(missing.status).toBe(400);
  });

  it('keeps the transport faults of the other calls', async () => {
    const qr = await issue();
    sandbox.control.setNextFault('html_502');
    const res = await post('/api/BOS/V4/DynamicQRCodeStatus', JSON.stringify({ txnRefranceID: qr.txnRefranceID }));
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    sandbox.control.setNextFault('truncated_json');
    const cut = await (await post('/api/BOS/V4/DynamicQRCodeStatus', JSON.stringify({ txnRefranceID: qr.txnRefranceID }))).text();
    expect(() => JSON.parse(cut)).toThrow();
    sandbox.control.setNextFault('unauthorized_401');
    expect((await post('/api/BOS/V4/DynamicQRCodeStatus', JSON.stringify({ txnRefranceID: qr.txnRefranceID }))).status).toBe(401);
    expect((await status(qr.txnRefranceID)).body.status).toBe('PENDING');
  });

  it('checks the token and registration id when configured', async () => {
    const guarded = await startSandbox({ token: 'tok-1', registrationId: 'BOS-554' });
    try {
      const call = (body: string, token?: string) =>
        fetch(`${guarded.url}/api/BOS/V4/DynamicQRCodeStatus`, { method: 'POST', body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
      expect((await call('{"txnRefranceID":"X","RegistrationID":"BOS-554"}')).status).toBe(401);
      expect((await call('{"txnRefranceID":"X","RegistrationID":"BOS-1"}', 'tok-1')).status).toBe(400);
      expect(await (await call('{"txnRefranceID":"X","RegistrationID":"BOS-554"}', 'tok-1')).json()).toMatchObject({ subCode: '404' });
    } finally {
      await guarded.close();
    }
  });
});
