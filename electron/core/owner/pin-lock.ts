import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { OwnerView } from '../../contract/views';

/** What is kept on disk about the PIN: a salted scrypt hash, and the wrong-PIN count that survives a restart. */
export interface StoredPin {
  /** `scrypt$N$r$p$salt$hash`, base64 parts; null until the owner sets a PIN. */
  hash: string | null;
  failures: number;
  /** Wall-clock ms until which the PIN is locked after too many wrong tries (0: not locked). */
  lockedUntil: number;
}

export interface PinStore {
  read(): StoredPin;
  write(pin: StoredPin): void;
}

export const MAX_TRIES = 5;
export const LOCK_MS = 5 * 60_000;
/** An unlocked owner session ends this long after the owner's last guarded action. */
export const OWNER_SESSION_MS = 5 * 60_000;

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function scrypt(pin: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(pin, salt, KEY_BYTES, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type UnlockOutcome = { ok: true } | { ok: false; reason: 'no_pin' | 'wrong'; triesLeft: number } | { ok: false; reason: 'locked'; lockedForMs: number };

/**
 * The owner PIN: set once (then changed only by the unlocked owner), five wrong tries lock it
 * for five minutes (kept across restarts), and an unlock lasts while the owner keeps using it.
 *
 * Tries are taken one at a time and counted on disk before the PIN is hashed, so guesses sent
 * together cannot all read the same count. The lockout runs on the monotonic clock; the wall-clock
 * `lockedUntil` on disk only carries it across a restart, capped at its own length so a clock set
 * back (CMOS reset) cannot stretch five minutes into a day.
 */
export class OwnerLock {
  private unlockedUntil = 0;
  /** Monotonic ms until which the PIN is locked; taken from the disk's wall-clock time once, at first use. */
  private lockedUntilMono: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: PinStore,
    /** Monotonic ms for the session and the lockout (the PC's clock cannot extend them). */
    private readonly now: () => number,
    /** Wall-clock ms, written down so a lockout outlives a restart. */
    private readonly wallClock: () => number = Date.now,
  ) {}

  view(): OwnerView {
    const pin = this.store.read();
    const lockedForMs = this.lockedForMs(pin);
    return { pinSet: pin.hash !== null, unlocked: this.isUnlocked(), lockedForMs, triesLeft: lockedForMs > 0 ? 0 : Math.max(0, MAX_TRIES - pin.failures) };
  }

  isUnlocked(): boolean {
    return this.now() < this.unlockedUntil;
  }

  /** A guarded action was allowed: the session runs on from here. */
  touch(): void {
    if (this.isUnlocked()) this.unlockedUntil = this.now() + OWNER_SESSION_MS;
  }

  lock(): void {
    this.unlockedUntil = 0;
  }

  /** Sets the first PIN, or replaces it while unlocked. Leaves the owner unlocked. Throws when the store cannot write (nothing changes then). */
  setPin(pin: string): Promise<boolean> {
    return this.oneAtATime(async () => {
      const current = this.store.read();
      if (current.hash !== null && !this.isUnlocked()) return false;
      this.store.write({ hash: await hashPin(pin), failures: 0, lockedUntil: 0 });
      this.lockedUntilMono = null;
      this.unlockedUntil = this.now() + OWNER_SESSION_MS;
      return true;
    });
  }

  unlock(pin: string): Promise<UnlockOutcome> {
    return this.oneAtATime(async (): Promise<UnlockOutcome> => {
      const stored = this.store.read();
      if (stored.hash === null) return { ok: false, reason: 'no_pin', triesLeft: MAX_TRIES };
      const lockedForMs = this.lockedForMs(stored);
      if (lockedForMs > 0) return { ok: false, reason: 'locked', lockedForMs };
      // Counted before hashing: a guess that crashes or races the next one has still used a try.
      const failures = stored.failures + 1;
      const lockNow = failures >= MAX_TRIES;
      this.store.write({ ...stored, failures: lockNow ? 0 : failures, lockedUntil: lockNow ? this.wallClock() + LOCK_MS : 0 });
      if (lockNow) this.lockedUntilMono = this.now() + LOCK_MS;
      if (await pinMatches(pin, stored.hash)) {
        this.store.write({ ...stored, failures: 0, lockedUntil: 0 });
        this.lockedUntilMono = null;
        this.unlockedUntil = this.now() + OWNER_SESSION_MS;
        return { ok: true };
      }
      if (lockNow) {
        this.lock();
        return { ok: false, reason: 'locked', lockedForMs: LOCK_MS };
      }
      return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
    });
  }

  private lockedForMs(pin: StoredPin): number {
    if (this.lockedUntilMono === null && pin.lockedUntil > 0) {
      // First sight of a lockout written before a restart: its wall-clock rest, never more than one lockout.
      this.lockedUntilMono = this.now() + Math.min(LOCK_MS, Math.max(0, pin.lockedUntil - this.wallClock()));
    }
    return this.lockedUntilMono === null ? 0 : Math.max(0, this.lockedUntilMono - this.now());
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
