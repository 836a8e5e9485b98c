/**
 * What BOS's JSON may look like beyond the documented examples: ASP.NET nulls, numbers
 * for strings, one time of two, and answers that contradict themselves. A QR is shown
 * only for an answer that says success in a documented way; a refund is done only when
 * its response code says so.
 */
import { describe, expect, it } from 'vitest';
import { createBosClient, type BosClient } from '../../electron/core/bos';

const INTENT = 'upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOS%20CENTER&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=Payment&am=10';
const DOCUMENTED = {
  id: 'qr_Oe8y06oN0Kj1cx', txnRefranceID: 'BOS554V221201', entity: 'qr_code',
  CreatedDateTime: '2024-07-28T23:31:16+05:30', UPIIntend: INTENT, PaymentAmount: 10, status: 'active',
  ExpireDateTime: '2024-07-28T23:36:09+05:30', Status: 'True', message: 'QR Code Generated', Value: '',
};
const FIELD_LIST = { status: 'SUCCESS', subCode: '200', message: 'QR generated', qrCode: INTENT, virtualVPA: 'random@razorpay' };

function answering(body: unknown, status = 200): BosClient {
  const fetchImpl = (async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } })) as unknown as typeof fetch;
  return createBosClient({ baseUrl: 'http://127.0.0.1:9', credentials: async () => ({ registrationId: 'BOS-554' }), fetch: fetchImpl, now: () => 5 });
}

const qrFrom = (body: unknown, status = 200) => answering(body, status).createDynamicQr({ amountPaise: 1000 });
const claimFrom = (body: unknown, status = 200) => answering(body, status).claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '576719' });

describe('ASP.NET nulls and numbers in the QR answer', () => {
  it.each<[string, Record<string, unknown>]>([
    ['"qrCode": null beside UPIIntend', { ...DOCUMENTED, qrCode: null }],
    ['"subCode": null', { ...DOCUMENTED, subCode: null }],
    ['"message": null', { ...DOCUMENTED, message: null }],
    ['"virtualVPA": null', { ...DOCUMENTED, virtualVPA: null }],
    ['"PaymentAmount": null', { ...DOCUMENTED, PaymentAmount: null }],
    ['"Value": null and "entity": null', { ...DOCUMENTED, Value: null, entity: null }],
    ['"UPIIntend": null with the intent in qrCode', { ...DOCUMENTED, UPIIntend: null, qrCode: INTENT }],
    ['the field-list shape with nulls', { ...FIELD_LIST, subCode: null, message: null, virtualVPA: null, UPIIntend: null }],
  ])('shows the QR for %s', async (_name, body) => {
    const result = await qrFrom(body);
    expect(result).toMatchObject({ ok: true, value: { intent: INTENT, amountPaise: 1000, payeeVpa: 'random@razorpay' } });
  });

  it('reads a numeric id and txnRefranceID as text', async () => {
    const result = await qrFrom({ ...DOCUMENTED, id: 123456789, txnRefranceID: 554221201 });
    expect(result).toMatchObject({ ok: true, value: { qrId: '123456789', txnRefranceID: '554221201' } });
  });

  it.each([
    ['CreatedDateTime missing', { ...DOCUMENTED, CreatedDateTime: undefined }, null, DOCUMENTED.ExpireDateTime],
    ['CreatedDateTime null', { ...DOCUMENTED, CreatedDateTime: null }, null, DOCUMENTED.ExpireDateTime],
    ['ExpireDateTime missing', { ...DOCUMENTED, ExpireDateTime: undefined }, DOCUMENTED.CreatedDateTime, null],
    ['ExpireDateTime null', { ...DOCUMENTED, ExpireDateTime: null }, DOCUMENTED.CreatedDateTime, null],
  ])('with %s, takes the documented five minutes less 30 s, marked as estimated', async (_name, body, createdAt, expiresAt) => {
    const result = await qrFrom(body);
    expect(result).toMatchObject({ ok: true, value: { ttlMs: 270_000, expiryStated: false, createdAt, expiresAt, receivedAt: 5 } });
  });

  it('with neither time (both null), takes the documented five minutes, marked as estimated', async () => {
    const result = await qrFrom({ ...DOCUMENTED, CreatedDateTime: null, ExpireDateTime: null });
    expect(result).toMatchObject({ ok: true, value: { ttlMs: 300_000, expiryStated: false, createdAt: null, expiresAt: null } });
  });

  it('still refuses the one time given when it cannot be read', async () => {
    const result = await qrFrom({ ...DOCUMENTED, CreatedDateTime: null, ExpireDateTime: 'soon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('refuses an id far longer than any BOS makes, which would bloat every record', async () => {
    expect(await qrFrom({ ...DOCUMENTED, id: `qr_${'x'.repeat(200)}` })).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('cuts BOS\'s message short when it would fill the screen', async () => {
    const result = await qrFrom({ status: 'ERROR', subCode: '400', message: 'VPA does not exist. '.repeat(100) }, 400);
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected' } });
    if (!result.ok) expect(result.error.bosMessage?.length).toBeLessThanOrEqual(301);
  });

  it('reads a 400 with "subCode": null as a refusal with its message', async () => {
    const result = await qrFrom({ status: 'ERROR', subCode: null, message: 'VPA does not exist for the account provided' }, 400);
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '400', bosMessage: 'VPA does not exist for the account provided' } });
  });
});

describe('a QR is shown only for an answer that says success in a documented way', () => {
  it.each<[string, Record<string, unknown>]>([
    ['the documented example (status "active", Status "True")', DOCUMENTED],
    ['status "active" alone', { ...DOCUMENTED, Status: undefined }],
    ['Status "True" alone', { ...DOCUMENTED, status: undefined }],
    ['Status true (a JSON boolean)', { ...DOCUMENTED, status: null, Status: true }],
    ['the field list with status "SUCCESS"', FIELD_LIST],
    ['the field list with status "success"', { ...FIELD_LIST, status: 'success' }],
    ['the field list with status true', { ...FIELD_LIST, status: true }],
  ])('shows it for %s', async (_name, body) => {
    expect((await qrFrom(body)).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['status "FAILED" beside a valid intent', { ...DOCUMENTED, status: 'FAILED', Status: undefined }, 'rejected'],
    ['status "FAILED" beside Status "True"', { ...DOCUMENTED, status: 'FAILED' }, 'rejected'],
    ['status "closed"', { ...DOCUMENTED, status: 'closed' }, 'rejected'],
    ['Status false (a JSON boolean)', { ...DOCUMENTED, Status: false }, 'rejected'],
    ['status "ERROR" in the field-list shape with an intent', { ...FIELD_LIST, status: 'ERROR' }, 'rejected'],
    ['status "PENDING"', { ...FIELD_LIST, status: 'PENDING' }, 'invalid_response'],
    ['status "1"', { ...FIELD_LIST, status: '1' }, 'invalid_response'],
    ['no status at all', { ...DOCUMENTED, status: undefined, Status: undefined }, 'invalid_response'],
    ['both statuses null', { ...DOCUMENTED, status: null, Status: null }, 'invalid_response'],
  ])('shows none for %s', async (_name, body, code) => {
    const result = await qrFrom(body);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/No QR is shown/);
  });

  it('says BOS did not confirm the QR when the status is missing or unknown', async () => {
    const result = await qrFrom({ ...FIELD_LIST, status: 'PENDING' });
    expect(result).toMatchObject({ ok: false, error: { reason: 'unconfirmed' } });
  });

  it('refuses an answer carrying two different intents', async () => {
    const other = INTENT.replace('pa=random@razorpay', 'pa=attacker@ybl');
    const result = await qrFrom({ ...DOCUMENTED, qrCode: other });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'contradictory' } });
  });

  it('takes UPIIntend when qrCode is something else (an image, say)', async () => {
    const result = await qrFrom({ ...DOCUMENTED, qrCode: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(result).toMatchObject({ ok: true, value: { intent: INTENT } });
  });

  it('refuses an answer whose virtualVPA is not the intent\'s payee', async () => {
    const result = await qrFrom({ ...FIELD_LIST, virtualVPA: 'attacker@ybl' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason: 'contradictory' } });
    expect((await qrFrom({ ...FIELD_LIST, virtualVPA: 'Random@RazorPay' })).ok).toBe(true);
  });

  it('refuses an intent with mam below am, keeping the message of the check', async () => {
    const result = await qrFrom({ ...DOCUMENTED, UPIIntend: `${INTENT}&mam=1` });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_intent' } });
    if (!result.ok) expect(result.error.message).toContain('as little as ₹1.00');
  });

  it.each([
    ['AM=', `${INTENT}&AM=1`],
    ['am twice', `${INTENT}&am=10`],
    ['CU=', `${INTENT}&CU=USD`],
  ])('refuses an intent with %s', async (_name, intent) => {
    expect(await qrFrom({ ...DOCUMENTED, UPIIntend: intent })).toMatchObject({ ok: false, error: { code: 'invalid_intent' } });
  });

  it('keeps the intent byte for byte and the payee decoded from pa and pn', async () => {
    const intent = 'upi://pay?pa=sharma.store%40okaxis&pn=Sharma+%26+Sons&tr=T1&cu=INR&am=10.00';
    const result = await qrFrom({ ...DOCUMENTED, UPIIntend: intent });
    expect(result).toMatchObject({ ok: true, value: { intent, payeeVpa: 'sharma.store@okaxis', payeeName: 'Sharma & Sons' } });
  });
});

describe('refund answers: nulls are absent, the response code decides', () => {
  it.each<[string, Record<string, unknown>]>([
    ['"responsecode": null beside "response_code": 1', { status: true, response_code: 1, responsecode: null, message: 'Refund processed successfully.' }],
    ['"response_code": null beside "responsecode": 1', { status: true, response_code: null, responsecode: 1, message: 'Refund processed successfully.' }],
    ['"message": null', { status: true, response_code: 1, message: null }],
    ['"status": null with code 1', { status: null, response_code: 1, message: 'ok' }],
    ['"status": "True" (a string) with code "1"', { status: 'True', response_code: '1', message: 'ok' }],
  ])('reads %s as done', async (_name, body) => {
    const result = await claimFrom(body);
    expect(result).toMatchObject({ ok: true, value: { responseCode: '1' } });
  });

  it('reads a refusal with "response_code": null and "responsecode": 3', async () => {
    const result = await claimFrom({ status: false, response_code: null, responsecode: 3, message: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '3', bosMessage: '' } });
  });

  it('reads a 401 with nulls as credentials needing attention', async () => {
    const result = await claimFrom({ status: false, response_code: null, responsecode: 18, message: null }, 401);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized', bosCode: '18' } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['"status": true with code 2 (not found or already refunded)', { status: true, response_code: 2, message: 'Transaction not found or already refunded' }, 'contradictory'],
    ['"status": false with code 1', { status: false, response_code: 1, message: 'Refund processed successfully.' }, 'contradictory'],
    ['"status": true with code 18', { status: true, response_code: 18, message: 'Authentication failed' }, 'contradictory'],
    ['two different codes', { status: true, response_code: 1, responsecode: 2, message: 'ok' }, 'contradictory'],
    ['"status": true and no code', { status: true, message: 'ok' }, 'unconfirmed'],
    ['"status": "maybe" with code 1', { status: 'maybe', response_code: 1, message: 'ok' }, 'unconfirmed'],
  ])('is not taken as claimed: %s', async (_name, body, reason) => {
    const result = await claimFrom(body);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_response', reason } });
    if (!result.ok) expect(result.error.message).toMatch(/Do not hand over cash/);
  });

  it('keeps BOS\'s code and message beside the contradiction', async () => {
    const result = await claimFrom({ status: true, response_code: 2, message: 'Transaction not found or already refunded' });
    expect(result).toMatchObject({ ok: false, error: { bosCode: '2', bosMessage: 'Transaction not found or already refunded' } });
  });
});
