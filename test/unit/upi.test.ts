import { describe, expect, it } from 'vitest';
import { parseUpiIntent, payeeKey, verifyUpiIntent } from '../../electron/core/upi';

const DOCUMENTED =
  'upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOSCENTERPRIVATELIMITED&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=PaymenttoBOSCENTERPRIVATELIMITED&am=10';

describe('parseUpiIntent', () => {
  it('reads the documented intent and keeps it byte for byte', () => {
    const result = parseUpiIntent(DOCUMENTED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.raw).toBe(DOCUMENTED);
    expect(result.value.payeeVpa).toBe('random@razorpay');
    expect(result.value.payeeName).toBe('BOSCENTERPRIVATELIMITED');
    expect(result.value.amountPaise).toBe(1000);
    expect(result.value.currency).toBe('INR');
    expect(result.value.transactionRef).toBe('RZPOe8y06oN0Kj1cxqrv2');
  });

  it('percent-decodes values', () => {
    const result = parseUpiIntent('upi://pay?pa=shop@ybl&pn=Sharma%20%26%20Sons&am=1.5&cu=INR');
    expect(result.ok && result.value.payeeName).toBe('Sharma & Sons');
  });

  it.each([
    ['https://pay?pa=a@b&am=10&cu=INR', 'not_upi_pay'],
    ['upi://collect?pa=a@ybl&am=10&cu=INR', 'not_upi_pay'],
    ['javascript:alert(1)//upi://pay?pa=a@ybl', 'not_upi_pay'],
    ['upi://pay?am=10&cu=INR', 'missing_payee'],
    ['upi://pay?pa=notavpa&am=10&cu=INR', 'missing_payee'],
    ['upi://pay?pa=a@ybl&am=%ZZ&cu=INR', 'malformed'],
    ['upi://pay?pa=a@ybl&am=10&am=1000&cu=INR', 'malformed'],
    ['upi://pay?pa=a@ybl&am=1e3&cu=INR', 'malformed'],
    ['upi://pay?pa=a@ybl&am=10 &cu=INR', 'malformed'],
    ['', 'malformed'],
    [`upi://pay?pa=a@ybl&tn=${'x'.repeat(3000)}`, 'malformed'],
  ])('%s → %s', (raw, code) => {
    const result = parseUpiIntent(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('is not fooled by prototype keys', () => {
    const result = parseUpiIntent('upi://pay?pa=a@ybl&__proto__=x&constructor=y&am=10&cu=INR');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.params.constructor).toBe('y');
  });
});

describe('verifyUpiIntent shows the QR only when the intent is for the amount asked, in INR', () => {
  it('accepts the documented intent for ₹10', () => {
    expect(verifyUpiIntent(DOCUMENTED, { amountPaise: 1000 }).ok).toBe(true);
  });

  it('accepts 10.00 for ₹10 and 10.5 for ₹10.50', () => {
    expect(verifyUpiIntent(DOCUMENTED.replace('am=10', 'am=10.00'), { amountPaise: 1000 }).ok).toBe(true);
    expect(verifyUpiIntent(DOCUMENTED.replace('am=10', 'am=10.5'), { amountPaise: 1050 }).ok).toBe(true);
  });

  it.each([
    [DOCUMENTED, 1001, 'amount_mismatch'],
    [DOCUMENTED.replace('am=10', 'am=100'), 1000, 'amount_mismatch'],
    [DOCUMENTED.replace('&am=10', ''), 1000, 'missing_amount'],
    [DOCUMENTED.replace('cu=INR', 'cu=USD'), 1000, 'currency_not_inr'],
    [DOCUMENTED.replace('cu=INR&', ''), 1000, 'currency_not_inr'],
    [DOCUMENTED.replace('cu=INR', 'cu=inr'), 1000, 'currency_not_inr'],
  ])('refuses %s for %i paise (%s)', (raw, amountPaise, code) => {
    const result = verifyUpiIntent(raw, { amountPaise });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('names both amounts when they differ', () => {
    const result = verifyUpiIntent(DOCUMENTED, { amountPaise: 125_000 });
    expect(!result.ok && result.error.message).toContain('₹10.00');
    expect(!result.ok && result.error.message).toContain('₹1,250.00');
  });
});

describe('an intent that lets the payer app change the amount is refused', () => {
  it.each([
    ['mam below am', `${DOCUMENTED}&mam=1`],
    ['mam above am', `${DOCUMENTED}&mam=100`],
    ['mam unreadable', `${DOCUMENTED}&mam=ten`],
    ['mam empty', `${DOCUMENTED}&mam=`],
    ['AM beside am', `${DOCUMENTED}&AM=1`],
    ['Am in place of am', DOCUMENTED.replace('am=10', 'Am=10')],
    ['AM in place of am', DOCUMENTED.replace('am=10', 'AM=10')],
    ['am written twice with the same value', `${DOCUMENTED}&am=10`],
    ['am percent-encoded beside am', `${DOCUMENTED}&%61m=1`],
    ['am with a space after the key', `${DOCUMENTED}&am%20=1`],
    ['CU beside cu', `${DOCUMENTED}&CU=USD`],
    ['Cu in place of cu', DOCUMENTED.replace('cu=INR', 'Cu=INR')],
    ['cu twice', `${DOCUMENTED}&cu=INR`],
    ['MAM beside am', `${DOCUMENTED}&MAM=1`],
    ['PA beside pa', `${DOCUMENTED}&PA=attacker@ybl`],
  ])('refuses an intent with %s', (_name, raw) => {
    const result = verifyUpiIntent(raw, { amountPaise: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The payment code from BOS .*\.$/);
  });

  it('names the minimum amount when mam differs from am', () => {
    const result = verifyUpiIntent(`${DOCUMENTED}&mam=1`, { amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'minimum_amount' } });
    if (!result.ok) expect(result.error.message).toContain('₹1.00');
  });

  it('accepts mam equal to am, and keeps the intent byte for byte', () => {
    for (const raw of [`${DOCUMENTED}&mam=10`, `${DOCUMENTED}&mam=10.00`]) {
      const result = verifyUpiIntent(raw, { amountPaise: 1000 });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.raw).toBe(raw);
    }
  });

  it('still accepts the documented camel-case qrMedium key', () => {
    expect(verifyUpiIntent(DOCUMENTED, { amountPaise: 1000 }).ok).toBe(true);
  });
});

describe('the payee', () => {
  it('is the intent\'s pa and pn, percent-decoded', () => {
    const result = parseUpiIntent('upi://pay?pa=sharma.store%40okaxis&pn=Sharma+%26+Sons&am=10&cu=INR');
    expect(result).toMatchObject({ ok: true, value: { payeeVpa: 'sharma.store@okaxis', payeeName: 'Sharma & Sons' } });
  });

  it('compares by payeeKey: case and surrounding space do not make another payee', () => {
    expect(payeeKey('Sharma.Store@OKAXIS')).toBe(payeeKey('sharma.store@okaxis'));
    expect(payeeKey(' shop@ybl ')).toBe('shop@ybl');
    expect(payeeKey('shop@ybl')).not.toBe(payeeKey('shop1@ybl'));
  });
});
