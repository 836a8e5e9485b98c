import { describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import { shopFetcher, type Timers } from '../../renderer/src/screens/shop/shopFetch';

/** Answers held until the test releases them, in whatever order it likes. */
function heldCalls() {
  const calls: Array<(answer: PosResult<string>) => void> = [];
  return { calls, load: () => new Promise<PosResult<string>>((resolve) => calls.push(resolve)) };
}

/** Timers the test runs by hand: no waiting, no clock. */
function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = { set: (run) => (due.set(++next, run), next), clear: (handle) => due.delete(handle as number) };
  return { timers, due, fire: () => [...due.entries()].forEach(([id, run]) => (due.delete(id), run())) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const broken = { code: 'internal', message: 'not answering' } as const;

describe('the whole shop read again on each change', () => {
  it('never lets an older answer overwrite a newer one, whichever comes back first', async () => {
    const held = heldCalls();
    const applied: string[] = [];
    const fetcher = shopFetcher({ load: held.load, apply: (a) => a.ok && applied.push(a.value), debounceMs: 200, broken, timers: manualTimers().timers });
    fetcher.now();
    fetcher.now();
    held.calls[1]!({ ok: true, value: 'newer' });
    await flush();
    held.calls[0]!({ ok: true, value: 'older' });
    await flush();
    expect(applied).toEqual(['newer']);
  });

  it('drops a failure of an older read too, so a newer good answer is not marked out of date', async () => {
    const held = heldCalls();
    const applied: PosResult<string>[] = [];
    const fetcher = shopFetcher({ load: held.load, apply: (a) => applied.push(a), debounceMs: 200, broken, timers: manualTimers().timers });
    fetcher.now();
    fetcher.now();
    held.calls[1]!({ ok: true, value: 'newer' });
    held.calls[0]!({ ok: false, error: { code: 'hub_unavailable', message: 'Cannot reach the shop hub.' } });
    await flush();
    expect(applied).toEqual([{ ok: true, value: 'newer' }]);
  });

  it('makes one read of a burst of changes, once they stop', async () => {
    const held = heldCalls();
    const clock = manualTimers();
    const fetcher = shopFetcher({ load: held.load, apply: () => undefined, debounceMs: 200, broken, timers: clock.timers });
    fetcher.soon();
    fetcher.soon();
    fetcher.soon();
    expect(clock.due.size).toBe(1);
    expect(held.calls).toHaveLength(0);
    clock.fire();
    expect(held.calls).toHaveLength(1);
  });

  it('applies nothing asked before it was disposed (another day or counter is shown now)', async () => {
    const held = heldCalls();
    const clock = manualTimers();
    const applied: unknown[] = [];
    const fetcher = shopFetcher({ load: held.load, apply: (a) => applied.push(a), debounceMs: 200, broken, timers: clock.timers });
    fetcher.now();
    fetcher.soon();
    fetcher.dispose();
    expect(clock.due.size).toBe(0);
    held.calls[0]!({ ok: true, value: 'for the old day' });
    await flush();
    expect(applied).toEqual([]);
  });

  it('turns a read that throws into the given error, not a screen stuck on its last answer', async () => {
    const applied: PosResult<string>[] = [];
    const fetcher = shopFetcher<string>({ load: () => Promise.reject(new Error('bridge gone')), apply: (a) => applied.push(a), debounceMs: 200, broken, timers: manualTimers().timers });
    fetcher.now();
    await flush();
    expect(applied).toEqual([{ ok: false, error: broken }]);
  });
});
