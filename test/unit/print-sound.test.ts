import { describe, expect, it, vi } from 'vitest';
import type { QrView, SaleView } from '../../electron/contract';
import { PAPER, moduleMm, pageRule, paperOf } from '../../renderer/src/print/paper';
import { PRINT_STRINGS } from '../../renderer/src/print/strings';
import { expiryForPrint } from '../../renderer/src/print/time';
import { volumeOf } from '../../renderer/src/sound/sounds';
import { saleSoundFor } from '../../renderer/src/sound/useSaleSounds';
import type { SalePhase } from '../../renderer/src/state/saleReducer';

describe('paper', () => {
  it('fits the QR in each paper\'s printable width, in whole 203 dpi dots per module', () => {
    for (const spec of Object.values(PAPER)) {
      expect(spec.qrMaxMm).toBeLessThanOrEqual(spec.printableMm);
      expect(spec.printableMm).toBeLessThanOrEqual(spec.widthMm);
      for (const modules of [29, 33, 37, 41, 45, 49, 53]) {
        const module = moduleMm(modules, spec.qrMaxMm);
        expect(Number.isInteger(module / 0.125)).toBe(true);
        expect(module).toBeGreaterThanOrEqual(0.5);
        if (module > 0.5) expect(module * modules).toBeLessThanOrEqual(spec.qrMaxMm);
      }
    }
    // A typical UPI intent at level M: 37 modules + quiet zone = 45; 1 mm modules on 58 mm paper.
    expect(moduleMm(45, PAPER['58mm'].qrMaxMm)).toBe(1);
  });

  it('makes a roll page exactly as long as the slip plus feed, and A4 a sheet with margins', () => {
    expect(pageRule('58mm', 300)).toBe('@page { size: 58mm 88mm; margin: 0; }');
    expect(pageRule('80mm', null)).toBe('@page { size: 80mm 200mm; margin: 0; }');
    expect(pageRule('a4', 500)).toBe('@page { size: A4 portrait; margin: 12mm; }');
    expect(paperOf(null)).toBe('80mm');
    expect(paperOf({ paperWidth: '58mm' })).toBe('58mm');
  });
});

describe('printed expiry', () => {
  it('is now plus the countdown\'s time left, rounded down to whole minutes', () => {
    const wall = Date.UTC(2026, 10, 23, 9, 0, 0);
    const expiry = expiryForPrint(10_000 + 4 * 60_000 + 59_000, 10_000, wall);
    expect(expiry.at.getTime()).toBe(wall + 4 * 60_000 + 59_000);
    expect(expiry.minutesLeft).toBe(4);
    expect(expiryForPrint(5_000, 9_000, wall)).toEqual({ at: new Date(wall), minutesLeft: 0 });
  });
});

describe('print strings', () => {
  it('has every entry in English and Hindi, and the button names the tests rely on', () => {
    expect(Object.keys(PRINT_STRINGS.hi).sort()).toEqual(Object.keys(PRINT_STRINGS.en).sort());
    expect(PRINT_STRINGS.en.printQr).toBe('Print QR');
    expect(PRINT_STRINGS.en.printReceipt).toBe('Print receipt');
  });
});

describe('sale sounds', () => {
  const qr = { intent: 'upi://pay', payeeName: '', payeeVpa: 'a@b', txnRef: 'T', qrId: 'Q', remainingMs: 1, ttlMs: 1, expiryStated: true, expiresAt: null } satisfies QrView;
  const sale = (saleId: string, state: SaleView['state']): SaleView => ({ saleId, state, amountPaise: 100, requestedAt: '2026-11-23T10:00:00.000Z', qr, reference: null, utr: null, paidAt: null, paidAfterExpiry: false, paidAfterCancel: false, confirmedBy: null, payment: null, reported: null, error: null });
  const entry: SalePhase = { kind: 'entry', error: null, notice: null };
  const creating: SalePhase = { kind: 'creating', saleId: 's1', amountPaise: 100 };
  const showing = (saleId: string, expired = false): SalePhase => ({ kind: 'showing', sale: sale(saleId, 'showing'), qr, deadline: 1, expired });
  const paid = (saleId: string): SalePhase => ({ kind: 'paid', sale: sale(saleId, 'paid') });

  it('picks the tone for each live transition and none for the rest', () => {
    expect(saleSoundFor(creating, showing('s1'))).toBe('qr');
    expect(saleSoundFor(showing('s1'), showing('s1', true))).toBe('expired');
    expect(saleSoundFor(showing('s1'), paid('s1'))).toBe('paid');
    expect(saleSoundFor(showing('s1', true), paid('s1'))).toBe('paid');
    expect(saleSoundFor({ kind: 'unresolved', sale: sale('s1', 'unresolved'), error: null }, paid('s1'))).toBe('paid');
    // A sale resumed after a reload, a QR already expired on arrival, another sale, a cancel: silent.
    expect(saleSoundFor(entry, showing('s1'))).toBeNull();
    expect(saleSoundFor(creating, showing('s1', true))).toBeNull();
    expect(saleSoundFor(showing('s1'), showing('s2', true))).toBeNull();
    expect(saleSoundFor(showing('s1'), paid('s2'))).toBeNull();
    expect(saleSoundFor(showing('s1'), entry)).toBeNull();
    expect(saleSoundFor(showing('s1', true), showing('s1', true))).toBeNull();
  });

  it('maps the 0–100 setting to the element\'s 0–1 volume', () => {
    expect(volumeOf({ soundVolume: 40 })).toBe(0.4);
    expect(volumeOf({ soundVolume: 0 })).toBe(0);
    expect(volumeOf({ soundVolume: 100 })).toBe(1);
  });
});

describe('printed times', () => {
  it('are en-IN: 12-hour with the month named in English, 24-hour and numeric in Hindi', async () => {
    const { setLanguage } = await import('../../renderer/src/i18n');
    const { formatDateTime, formatTime } = await import('../../renderer/src/i18n/dates');
    const at = new Date(2026, 10, 23, 14, 35, 59);
    // setLanguage also sets <html lang>; a bare stand-in for the node environment.
    vi.stubGlobal('document', { documentElement: {} });
    try {
      setLanguage('en');
      expect(formatTime(at)).toMatch(/^2:35\s?pm$/i);
      expect(formatDateTime(at)).toMatch(/^23 Nov 2026, 2:35\s?pm$/i);
      setLanguage('hi');
      expect(formatTime(at)).toBe('14:35');
      expect(formatDateTime(at)).toBe('23/11/2026, 14:35');
    } finally {
      setLanguage('en');
      vi.unstubAllGlobals();
    }
  });
});
