import { describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import { follow } from '../../renderer/src/hooks/follow';

function harness() {
  let push: ((value: string) => void) | null = null;
  let answer: ((result: PosResult<string>) => void) | null = null;
  const applied: string[] = [];
  const stop = follow(
    () => new Promise<PosResult<string>>((resolve) => (answer = resolve)),
    (listener) => {
      push = listener;
      return () => (push = null);
    },
    (value) => applied.push(value),
  );
  return { applied, stop, push: (v: string) => push?.(v), answer: (v: string) => answer?.({ ok: true, value: v }), subscribed: () => push !== null };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('follow: a value from main, then its pushes', () => {
  it('applies the first read, then each push', async () => {
    const h = harness();
    h.answer('en');
    await tick();
    h.push('hi');
    expect(h.applied).toEqual(['en', 'hi']);
  });

  it('drops a first read that arrives after a push: the push is newer', async () => {
    const h = harness();
    h.push('hi');
    h.answer('en');
    await tick();
    expect(h.applied).toEqual(['hi']);
  });

  it('after clean-up nothing is applied and the subscription is gone', async () => {
    const h = harness();
    h.stop();
    h.answer('en');
    await tick();
    expect(h.applied).toEqual([]);
    expect(h.subscribed()).toBe(false);
  });
});
