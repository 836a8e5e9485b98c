// The cashier window's first reads, asked before React's first render: handed once to the first
// follow that asks, never used when a push overtook them, and followed by pushes as any read is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { OwnerView } from '../../electron/contract/views';

type Listener = (value: unknown) => void;

function fakePos() {
  const reads: Array<{ op: string; answer: (value: unknown) => void }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const read = (op: string) => () => new Promise<PosResult<unknown>>((resolve) => reads.push({ op, answer: (value) => resolve({ ok: true, value }) }));
  const on = (event: string) => (listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return {
    pos: { ownerStatus: read('owner.status'), getSettings: read('settings.get'), onOwnerChanged: on('owner.changed'), onSettingsChanged: on('settings.changed') },
    reads,
    push: (event: string, value: unknown) => [...(listeners.get(event) ?? [])].forEach((l) => l(value)),
    listening: (event: string) => listeners.get(event)?.size ?? 0,
  };
}

const owner = (pinSet: boolean) => ({ pinSet }) as unknown as OwnerView;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let fake: ReturnType<typeof fakePos>;
beforeEach(() => {
  vi.resetModules();
  fake = fakePos();
  vi.stubGlobal('window', { pos: fake.pos });
});
afterEach(() => vi.unstubAllGlobals());

async function load() {
  const { primeFirstReads, firstRead } = await import('../../renderer/src/hooks/first-reads');
  const { follow } = await import('../../renderer/src/hooks/follow');
  return { primeFirstReads, firstRead, follow };
}

describe('the first reads, asked before the first render', () => {
  it('are asked at once, handed to the first follow without a second request, and the next one reads anew', async () => {
    const { primeFirstReads, firstRead, follow } = await load();
    primeFirstReads();
    expect(fake.reads.map((r) => r.op)).toEqual(['owner.status', 'settings.get']);
    fake.reads[0]!.answer(owner(true));

    const seen: OwnerView[] = [];
    follow(firstRead('owner'), window.pos.onOwnerChanged, (v) => seen.push(v));
    await tick();
    expect(seen).toEqual([owner(true)]);
    expect(fake.reads).toHaveLength(2);
    // Its own listener hears what comes next; the primed one is gone.
    fake.push('owner.changed', owner(false));
    expect(seen).toEqual([owner(true), owner(false)]);
    expect(fake.listening('owner.changed')).toBe(1);

    follow(firstRead('owner'), window.pos.onOwnerChanged, () => undefined);
    expect(fake.reads.map((r) => r.op)).toEqual(['owner.status', 'settings.get', 'owner.status']);
  });

  it('one a push overtook before any follow took it is not used: a fresh read is made, and its answer shown', async () => {
    const { primeFirstReads, firstRead, follow } = await load();
    primeFirstReads();
    // The owner locked (or set the PIN) in the moment after the read was asked; its answer comes later.
    fake.push('owner.changed', owner(false));
    fake.reads[0]!.answer(owner(true));

    const seen: OwnerView[] = [];
    follow(firstRead('owner'), window.pos.onOwnerChanged, (v) => seen.push(v));
    expect(fake.reads.map((r) => r.op)).toEqual(['owner.status', 'settings.get', 'owner.status']);
    fake.reads[2]!.answer(owner(false));
    await tick();
    expect(seen).toEqual([owner(false)]);
  });

  it('a read that throws at once is taken as a failed read: follow applies nothing and waits for a push', async () => {
    const { primeFirstReads, firstRead, follow } = await load();
    fake.pos.ownerStatus = () => {
      throw new Error('bridge gone');
    };
    primeFirstReads();
    const seen: OwnerView[] = [];
    follow(firstRead('owner'), window.pos.onOwnerChanged, (v) => seen.push(v));
    await tick();
    expect(seen).toEqual([]);
    fake.push('owner.changed', owner(true));
    expect(seen).toEqual([owner(true)]);
  });
});
