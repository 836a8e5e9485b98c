import { describe, expect, it } from 'vitest';
import { readForm, readWebhookBody } from '../../electron/hub/webhook/body';
import { readWebhook } from '../../electron/hub/webhook/parse';
import { razorpayBody, upiqrBody } from './hub-support';

const json = (value: unknown) => readWebhookBody(Buffer.from(JSON.stringify(value)), 'application/json');
const read = (value: unknown) => {
  const body = json(value);
  if (!body.ok) throw new Error(body.reason);
  return readWebhook(body.value);
};

describe('reading a webhook body', () => {
  it('takes JSON whatever the content type says, and a form by its type or its look', () => {
    expect(readWebhookBody(Buffer.from('{"event":"x"}'), 'text/plain')).toEqual({ ok: true, value: { event: 'x' } });
    expect(readWebhookBody(Buffer.from('\uFEFF{"event":"x"}'), null)).toEqual({ ok: true, value: { event: 'x' } });
    const form = readWebhookBody(Buffer.from('event=UPIQR_SUCCESS&refid=R1'), null);
    expect(form.ok && { ...form.value }).toEqual({ event: 'UPIQR_SUCCESS', refid: 'R1' });
  });

  it.each([
    [Buffer.alloc(0), 'application/json', /empty/],
    [Buffer.from([0x7b, 0xff, 0x7d]), 'application/json', /not UTF-8/],
    [Buffer.from('{"event":'), 'application/json', /not valid JSON/],
    [Buffer.from('[1,2]'), 'application/json', /neither JSON nor a form/],
    [Buffer.from('"just a string"'), 'application/json', /neither/],
    [Buffer.from('a=1&a=2'), 'application/x-www-form-urlencoded', /twice with different values/],
    [Buffer.from('__proto__[x]=1'), 'application/x-www-form-urlencoded', /does not take/],
    [Buffer.from('a[b]=1&a=2'), 'application/x-www-form-urlencoded', /twice|both/],
  ])('refuses %s (%s) with a reason', (body, type, reason) => {
    const result = readWebhookBody(body, type);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('finds the JSON a form carries in one field', () => {
    const inner = JSON.stringify(razorpayBody({ paymentId: 'pay_form1' }));
    const result = readForm(new URLSearchParams({ payload: inner }).toString());
    expect(result.ok && readWebhook(result.value)).toMatchObject({ ok: true, payment: { paymentId: 'pay_form1' } });
    const other = readForm(new URLSearchParams({ anything: inner }).toString());
    expect(other.ok && readWebhook(other.value)).toMatchObject({ ok: true, payment: { paymentId: 'pay_form1' } });
  });

  it('reads bracketed and dotted form names as nested fields', () => {
    const result = readForm('event=UPIQR_SUCCESS&param[upi_txn_id]=4123&param[amount]=10.5&param.refid=R9&param[txnstatus]=1');
    expect(result.ok && readWebhook(result.value)).toMatchObject({ ok: true, payment: { paymentId: '4123', amountPaise: 1050, txnRef: 'R9', succeeded: true } });
  });
});

describe('reading qr_code.credited (Razorpay shape)', () => {
  it('takes the documented payload: paise, captured, QR id, UTR, payer', () => {
    expect(read(razorpayBody({ paymentId: 'pay_1', qrId: 'qr_1', amount: 12_050 }))).toEqual({
      ok: true,
      payment: { paymentId: 'pay_1', event: 'qr_code.credited', succeeded: true, status: 'captured', qrId: 'qr_1', txnRef: null, tr: null, amountPaise: 12_050, currency: 'INR', utr: '412345678901', payerVpa: 'customer@okaxis' },
    });
  });

  it('absorbs ASP.NET: an amount as a string, nulls, nested JSON as a string, notes carrying the references', () => {
    const body = razorpayBody({ paymentId: 'pay_2', amount: '500', currency: null, notes: { txnRefranceID: 'TXN2', tr: 'TR2' } });
    const payload = { ...body, payload: JSON.stringify(body.payload) };
    expect(read(payload)).toMatchObject({ ok: true, payment: { amountPaise: 500, currency: 'INR', txnRef: 'TXN2', tr: 'TR2' } });
  });

  it('takes a payment that is not captured as failed, never as paid', () => {
    expect(read(razorpayBody({ status: 'failed', amount: 0 }))).toMatchObject({ ok: true, payment: { succeeded: false, status: 'failed' } });
    expect(read(razorpayBody({ status: 'authorized' }))).toMatchObject({ ok: true, payment: { succeeded: false } });
  });

  it.each([
    ['no payment entity', { event: 'qr_code.credited', payload: {} }, /payload.payment.entity/],
    ['an id with spaces', razorpayBody({ paymentId: 'pay 1' }), /payment id/],
    ['rupees where paise belong', razorpayBody({ amount: '120.50' }), /whole paise/],
    ['a negative amount', razorpayBody({ amount: -5 }), /whole paise/],
    ['a fractional amount', razorpayBody({ amount: 12.5 }), /whole paise/],
    ['another event', { ...razorpayBody(), event: 'payment.captured' }, /unknown event/],
    ['no event at all', { payload: {} }, /no event/],
  ])('refuses %s', (_what, body, reason) => {
    const result = read(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('reading UPIQR_SUCCESS (PaySprint shape)', () => {
  it('takes rupees as a string or a number, the UPI id as the payment id, refid as the reference', () => {
    expect(read(upiqrBody({ upiTxnId: '412300001', amount: '120.50', refid: 'TXN9' }))).toMatchObject({ ok: true, payment: { paymentId: '412300001', amountPaise: 12_050, txnRef: 'TXN9', tr: 'TXN9', qrId: null, utr: '412300001', payerVpa: 'customer@okicici', succeeded: true, currency: 'INR' } });
    expect(read(upiqrBody({ amount: 99.9 }))).toMatchObject({ ok: true, payment: { amountPaise: 9_990 } });
  });

  it('falls back to ackno when there is no upi_txn_id, and reads a param sent as a JSON string', () => {
    const body = upiqrBody({ upiTxnId: null, ackno: 777 });
    expect(read({ ...body, param: JSON.stringify(body.param) })).toMatchObject({ ok: true, payment: { paymentId: '777', utr: null } });
  });

  it.each([
    ['txnstatus 2', { txnstatus: 2 }],
    ['txnstatus "0"', { txnstatus: '0' }],
    ['status false', { status: false }],
    ['status "FAILED" beside txnstatus 1', { status: 'FAILED', txnstatus: 1 }],
    ['no txnstatus and no status', { txnstatus: null, status: null }],
  ])('takes %s as not paid', (_what, o) => {
    expect(read(upiqrBody(o))).toMatchObject({ ok: true, payment: { succeeded: false } });
  });

  it('takes "success" without a txnstatus as paid', () => {
    expect(read(upiqrBody({ txnstatus: null, status: 'SUCCESS' }))).toMatchObject({ ok: true, payment: { succeeded: true } });
  });

  it.each([
    ['a paid payment with three decimals', upiqrBody({ amount: '10.505' }), /amount in rupees/],
    ['a paid payment with an amount in words', upiqrBody({ amount: 'ten' }), /amount in rupees/],
    ['no id at all', upiqrBody({ upiTxnId: null, ackno: '' }), /upi_txn_id or ackno/],
    ['a param that is a number', { event: 'UPIQR_SUCCESS', param: 5 }, /param/],
  ])('refuses %s', (_what, body, reason) => {
    const result = read(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('reads own properties only: a __proto__ key in JSON is data', () => {
    const body = JSON.parse('{"event":"UPIQR_SUCCESS","param":{"__proto__":{"txnstatus":1,"amount":"5","upi_txn_id":"x1"}}}') as unknown;
    const result = read(body);
    expect(result.ok).toBe(false);
  });
});
