import { describe, expect, it } from 'vitest';
import type { CounterDay, DaySummaryAnswer } from '../../electron/contract/hub';
import type { Result } from '../../electron/contract/result';
import { shopHandlers } from '../../electron/core/hub-link/owner-calls';
import type { HubRuntime } from '../../electron/core/hub-link';
import type { HubFailure } from '../../electron/core/hub-link/client';

const zero = { count: 0, paise: 0 };
const totals = { sales: { creating: zero, showing: zero, paid: zero, cancelled: zero, expired: zero, failed: zero }, collectedPaise: 0, confirmedByBos: 0, markedByHand: 0, claimedByCounter: 0, collectedByHour: [], latePayments: 0 };
const counter = (terminalId: string): CounterDay => ({ terminalId, name: terminalId, totals, reported: null, differs: false, lastContactAt: null, journal: { bytes: 0, bytesQuota: null, stuckSince: null } });
const SUMMARY: DaySummaryAnswer = { day: '2026-12-01', shop: { id: 'shop_1', name: 'Sharma Stores' }, all: totals, counters: [counter('t_1'), counter('t_2')] };

function fakeHub(answer: (path: string) => Result<unknown, HubFailure>): HubRuntime {
  return {
    pairing: () => ({ role: 'owner', shopName: 'Sharma Stores' }),
    call: async (_method: string, path: string, _body: unknown, read: (value: unknown) => unknown) => {
      const got = answer(path);
      return got.ok ? { ok: true, value: read(got.value) } : got;
    },
  } as unknown as HubRuntime;
}

describe('shop.day on the owner\'s Counter', () => {
  it('says the unmatched payments were not read (null), never "none", when the hub did not give them', async () => {
    const hub = fakeHub((path) => {
      if (path.endsWith('/summary')) return { ok: true, value: SUMMARY };
      if (path.includes('/sales')) return { ok: true, value: { day: '2026-12-01', sales: [] } };
      return { ok: false, error: { kind: 'unreachable', message: 'Cannot reach the shop hub.' } };
    });
    expect(await shopHandlers(hub, {})['shop.day']({ day: '2026-12-01' })).toMatchObject({ ok: true, value: { unmatched: null, counters: [{ terminalId: 't_1' }, { terminalId: 't_2' }] } });
  });

  it('gives the chosen counter\'s line alone, and the hub\'s failure in plain words', async () => {
    const hub = fakeHub((path) => (path.endsWith('/summary') ? { ok: true, value: SUMMARY } : path.includes('/sales') ? { ok: true, value: { day: '2026-12-01', sales: [] } } : { ok: true, value: { payments: [] } }));
    expect(await shopHandlers(hub, {})['shop.day']({ day: '2026-12-01', terminalId: 't_2' })).toMatchObject({ ok: true, value: { unmatched: [], counters: [{ terminalId: 't_2' }] } });
    const down = fakeHub(() => ({ ok: false, error: { kind: 'unreachable', message: 'Cannot reach the shop hub. Check the address and the network.' } }));
    expect(await shopHandlers(down, {})['shop.day']({ day: '2026-12-01' })).toEqual({ ok: false, error: { code: 'hub_unavailable', message: 'Cannot reach the shop hub. Check the address and the network.' } });
  });
});
