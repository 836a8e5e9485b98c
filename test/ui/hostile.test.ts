import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/contract/errors';
import type { POS_METHODS } from '../../electron/contract/operations';
import { launchChromium } from '../support/chromium';
import { actAsOwner, startPreview, type RunningPreview } from '../support/preview';

const TOKEN = 'tok_live_SECRET_value_0042';
let browser: Browser;
let running: RunningPreview;

beforeAll(async () => {
  browser = await launchChromium();
  running = await startPreview();
  await actAsOwner(running);
  await running.services.handle('settings.update', { registrationId: 'BOS-554', token: TOKEN });
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Valid input for every window.pos function (the walk also sends hostile input to each). */
const VALID: Record<keyof typeof POS_METHODS, unknown> = {
  appInfo: undefined,
  currentSale: undefined,
  createSale: { amountPaise: 1_000 },
  cancelSale: { saleId: 's_unknown' },
  markPaid: { saleId: 's_unknown', utr: '123456789012' },
  markPaidLate: { saleId: 's_unknown', utr: '123456789012', overrides: ['utr_reused'] },
  requestRefundOtp: { referenceId: '77777777777', ackNo: '77' },
  claimRefund: { referenceId: '77777777777', ackNo: '77', otp: '123456' },
  sandboxOtp: { referenceId: '77777777777', ackNo: '77' },
  dayHistory: { day: '2026-11-23' },
  exportHistory: { fromDay: '2026-11-23', toDay: '2026-11-23' },
  ownerStatus: undefined,
  setOwnerPin: { pin: '2468' },
  unlockOwner: { pin: '2468' },
  lockOwner: undefined,
  testConnection: undefined,
  acceptPayee: { vpa: 'counter.demo@sandbox' },
  hubStatus: undefined,
  connectHub: { url: 'http://127.0.0.1:9/', code: '1234 5678 9012 3450' },
  disconnectHub: undefined,
  latePayments: undefined,
  settleLatePayment: { saleId: 's_unknown', action: 'refunded' },
  simulatePayment: { saleId: 's_unknown' },
  shopDay: { day: '2026-11-23' },
  exportShop: { fromDay: '2026-11-22', toDay: '2026-11-23', format: 'csv' },
  makePairingCode: { role: 'counter', name: 'Counter 2' },
  makeOwnerKey: { label: 'Accounts', kind: 'read' },
  ownerKeys: undefined,
  revokeOwnerKey: { keyId: 'key_unknown' },
  hubTerminals: undefined,
  revokeTerminal: { terminalId: 't_unknown' },
  listDisplays: undefined,
  getSettings: undefined,
  updateSettings: { terminalName: 'Till 9' },
  openCustomerDisplay: undefined,
};

describe('window.pos under hostile input', () => {
  it('every operation answers valid and hostile input with a result or a typed error, never a throw, never a secret', async () => {
    const page = await browser.newPage();
    await page.goto(running.preview.url);
    await page.getByLabel('Amount').waitFor();
    const results = await page.evaluate(async (valid) => {
      const huge = 'x'.repeat(200_000);
      const polluted = JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "amountPaise": 100}') as unknown;
      const hostile: unknown[] = [null, 42, Number.NaN, 'text', huge, [], [1, 2], { amountPaise: Number.NaN }, { amountPaise: '1000' }, { saleId: { $gt: '' } }, { pin: ['2468'] }, { day: '../../etc/passwd' }, polluted, { nested: { deeper: { deepest: [huge] } } }, { referenceId: '1e400', ackNo: '-1' }];
      const out: Array<{ name: string; input: string; result: unknown; threw: string | null }> = [];
      const api = window.pos as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
      for (const name of Object.keys(valid)) {
        for (const input of [valid[name], ...hostile]) {
          try {
            out.push({ name, input: JSON.stringify(input)?.slice(0, 60) ?? 'undefined', result: await api[name]!(input), threw: null });
          } catch (error) {
            out.push({ name, input: String(input).slice(0, 60), result: null, threw: String(error) });
          }
        }
      }
      const operations = Object.keys(api).filter((key) => !/^on[A-Z]/.test(key));
      return { out, operations, polluted: ({} as Record<string, unknown>).admin ?? null };
    }, VALID as Record<string, unknown>);

    expect(results.out.length).toBe(Object.keys(VALID).length * 16);
    // Every operation window.pos really has is walked, no more and no fewer.
    expect(Object.keys(VALID).sort()).toEqual(results.operations.sort());
    for (const { name, input, result, threw } of results.out) {
      expect(threw, `${name}(${input}) threw`).toBeNull();
      const r = result as { ok: boolean; error?: { code: string; message: string } };
      expect(typeof r.ok, `${name}(${input})`).toBe('boolean');
      if (!r.ok) {
        expect(ERROR_CODES as readonly string[], `${name}(${input}) code`).toContain(r.error!.code);
        expect(r.error!.message, `${name}(${input}) message`).toMatch(/^\S.*[.?!)]$/);
      }
    }
    const text = JSON.stringify(results.out);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SECRET');
    expect(text).not.toMatch(/scrypt\$/);
    expect(results.polluted).toBeNull();
    // The app still works afterwards.
    expect(await running.services.handle('app.info', undefined)).toMatchObject({ ok: true });
    await page.close();
  });
});
