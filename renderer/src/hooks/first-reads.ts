import type { PosResult } from '../../../electron/contract/errors';

type Read<T> = () => Promise<PosResult<T>>;
type Subscribe<T> = (listener: (value: T) => void) => () => void;

interface Primed {
  result: Promise<PosResult<unknown>>;
  /** A push came after it was asked: its answer may be older than what main now holds. */
  overtaken: boolean;
  off: () => void;
}

const primed = new Map<string, Primed>();

function prime<T>(key: string, read: Read<T>, subscribe: Subscribe<T>): void {
  const entry = { overtaken: false } as Primed;
  entry.off = subscribe(() => {
    entry.overtaken = true;
  });
  entry.result = (async () => read())();
  // Handled by whoever takes it; never an unhandled rejection if nobody does.
  entry.result.catch(() => undefined);
  primed.set(key, entry);
}

type Key = 'owner' | 'settings';
const READS = {
  owner: () => window.pos.ownerStatus(),
  settings: () => window.pos.getSettings(),
} satisfies Record<Key, Read<unknown>>;

/**
 * The reads the first screen waits on (the owner's state, the settings), asked the moment window.pos
 * exists and before React's first render, so their round trip overlaps that render instead of
 * following it. Called once, by the cashier window's entry.
 */
export function primeFirstReads(): void {
  prime('owner', READS.owner, window.pos.onOwnerChanged);
  prime('settings', READS.settings, window.pos.onSettingsChanged);
}

/**
 * The read of `key`, for `follow`; the first call gets the read already under way. `follow` subscribes
 * before reading: from then on its own listener hears every push. A primed read a push overtook
 * before that is not used (it may hold the state from before the change): a fresh read is made instead.
 */
export function firstRead<K extends Key>(key: K): (typeof READS)[K] {
  const read = READS[key];
  return (() => {
    const entry = primed.get(key);
    if (!entry) return read();
    primed.delete(key);
    entry.off();
    return entry.overtaken ? read() : entry.result;
  }) as (typeof READS)[K];
}
