/**
 * Every field of the documented answers replaced, one at a time, by each odd JSON value
 * BOS might send: no call throws, and a QR comes back only when its intent is still the
 * verified one for the amount asked.
 */
import { describe, expect, it } from 'vitest';
import { createBosClient } from '../../electron/core/bos';
import { verifyUpiIntent } from '../../electron/core/upi';

const INTENT = 'upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOS%20CENTER&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=Payment&am=10';
const DOCUMENTED: Record<string, unknown> = {
  id: 'qr_Oe8y06oN0Kj1cx', txnRefranceID: 'BOS554V221201', entity: 'qr_code',
  CreatedDateTime: '2024-07-28T23:31:16+05:30', UPIIntend: INTENT, PaymentAmount: 10, status: 'active',
  ExpireDateTime: '2024-07-28T23:36:09+05:30', Status: 'True', message: 'QR Code Generated', Value: '',
  qrCode: INTENT, virtualVPA: 'random@razorpay', subCode: '200',
};
const ACK: Record<string, unknown> = { status: true, response_code: 1, responsecode: 1, message: 'Refund processed successfully.' };
const STATUS: Record<string, unknown> = { status: 'SUCCESS', txnRefranceID: 'BOS554V221201', amount: '10', utr: '412345678901', payerVpa: 'c@okhdfc', message: 'ok' };

const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e21, 10.000001, Number.MAX_SAFE_INTEGER, '', ' ', 'null', 'True', 'SUCCESS', 'ERROR',
  '10', '1e3', '<html>', 'x'.repeat(5000), [], [INTENT], {}, { value: 10 }, INTENT.replace('am=10', 'am=1'),
];

function answering(body: unknown): ReturnType<typeof createBosClient> {
  const fetchImpl = (async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
  return createBosClient({ baseUrl: 'http://127.0.0.1:9', credentials: async () => ({ registrationId: 'BOS-554' }), fetch: fetchImpl });
}

const variants = (base: Record<string, unknown>) =>
  Object.keys(base).flatMap((key) => ODD_VALUES.map((value) => ({ key, value, body: { ...base, [key]: value } })));

describe('odd values in every field', () => {
  it('never throws from createDynamicQr, and any QR it returns is the verified intent for ₹10', async () => {
    let shown = 0;
    for (const { key, value, body } of variants(DOCUMENTED)) {
      const result = await answering(body).createDynamicQr({ amountPaise: 1000 });
      if (!result.ok) continue;
      shown += 1;
      expect(verifyUpiIntent(result.value.intent, { amountPaise: 1000 }).ok, `${key}=${JSON.stringify(value)}`).toBe(true);
      expect(result.value.payeeVpa, `${key}=${JSON.stringify(value)}`).toBe('random@razorpay');
      expect(result.value.ttlMs).toBeGreaterThan(0);
    }
    // The harmless replacements (a null message, a numeric id…) still show a QR.
    expect(shown).toBeGreaterThan(0);
  });

  it('never throws from claimRefund, and takes it as done only with code 1 and no disagreeing status', async () => {
    for (const { key, value, body } of variants(ACK)) {
      const result = await answering(body).claimRefund({ referenceId: '12345678926', ackNo: '127', otp: '576719' });
      if (result.ok) expect(result.value.responseCode, `${key}=${JSON.stringify(value)}`).toBe('1');
    }
  });

  it('never throws from checkQrStatus, and says paid only for ₹10', async () => {
    for (const { key, value, body } of variants(STATUS)) {
      const result = await answering(body).checkQrStatus({ txnRefranceID: 'BOS554V221201', amountPaise: 1000 });
      expect(['paid', 'pending', 'unknown']).toContain(result.state);
      if (result.state === 'paid') expect(result.amountPaise, `${key}=${JSON.stringify(value)}`).toBe(1000);
      if (result.state === 'paid' && key === 'amount') expect(['10', 10]).toContain(value);
    }
  });
});
