import { describe, expect, it } from 'vitest';
import { DEFAULT_CAP_PAISE, formatPaise, paiseToBosRupees, paiseToPlainRupees, parseAmount, rupeesToPaise } from '../../electron/contract/money';

describe('parseAmount accepts what a cashier types', () => {
  it.each([
    ['10', 1000],
    ['10.5', 1050],
    ['10.50', 1050],
    ['10.05', 1005],
    ['1,00,000', 10_000_000],
    ['1,000', 100_000],
    ['12,34,567.89', 123_456_789],
    ['₹ 250', 25_000],
    ['₹250', 25_000],
    ['Rs. 99', 9_900],
    ['  42  ', 4_200],
    ['१२५०', 125_000],
    ['1.', 100],
  ])('%s → %i paise', (input, paise) => {
    expect(parseAmount(input, { capPaise: 10_000_000_000 })).toEqual({ ok: true, value: paise });
  });
});

describe('parseAmount refuses with a reason', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['₹', 'empty'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['-10', 'negative'],
    ['−10', 'negative'],
    ['10.555', 'too_many_decimals'],
    ['1e3', 'exponent'],
    ['1E3', 'exponent'],
    ['12abc', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['10.5.5', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['+10', 'not_a_number'],
    ['10,5', 'bad_grouping'],
    ['1,0000', 'bad_grouping'],
    ['0.99', 'below_minimum'],
    ['0.5', 'below_minimum'],
    ['100000.01', 'above_cap'],
    ['99999999999999999999', 'above_cap'],
  ])('%j → %s', (input, code) => {
    const result = parseAmount(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('takes the cap from settings', () => {
    expect(parseAmount('1,00,000')).toEqual({ ok: true, value: DEFAULT_CAP_PAISE });
    const capped = parseAmount('600', { capPaise: 50_000 });
    expect(capped.ok).toBe(false);
    if (!capped.ok) expect(capped.error.message).toContain('₹500.00');
  });
});

describe('formatting', () => {
  it.each([
    [100, '₹1.00'],
    [1005, '₹10.05'],
    [125_000, '₹1,250.00'],
    [10_000_000, '₹1,00,000.00'],
    [123_456_789, '₹12,34,567.89'],
    [1_000_000_000, '₹1,00,00,000.00'],
  ])('formatPaise(%i) = %s', (paise, text) => {
    expect(formatPaise(paise)).toBe(text);
  });

  it.each([
    [1000, '10'],
    [1050, '10.5'],
    [1005, '10.05'],
    [10_000_000, '100000'],
    [101, '1.01'],
  ])('paiseToBosRupees(%i) = %s', (paise, text) => {
    expect(paiseToBosRupees(paise)).toBe(text);
  });

  it('plain rupees for files have two decimals and no grouping', () => {
    expect(paiseToPlainRupees(10_000_050)).toBe('100000.50');
  });

  it('refuses fractional paise rather than rounding money', () => {
    expect(() => formatPaise(10.5)).toThrow(RangeError);
    expect(() => paiseToBosRupees(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips every paise value through the BOS string', () => {
    for (let paise = 100; paise < 20_000; paise += 7) {
      expect(rupeesToPaise(paiseToBosRupees(paise))).toBe(paise);
    }
  });

  it('reads machine-written amounts strictly', () => {
    expect(rupeesToPaise('10')).toBe(1000);
    expect(rupeesToPaise(10.5)).toBe(1050);
    expect(rupeesToPaise('10.00')).toBe(1000);
    expect(rupeesToPaise('10.001')).toBeNull();
    expect(rupeesToPaise('1e3')).toBeNull();
    expect(rupeesToPaise('')).toBeNull();
    expect(rupeesToPaise(Number.NaN)).toBeNull();
    expect(rupeesToPaise('-1')).toBeNull();
  });
});
