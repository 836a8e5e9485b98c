import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { OwnerView } from '../contract/views';

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
 */
export class OwnerLock {
  private unlockedUntil = 0;

  constructor(
    private readonly store: PinStore,
    /** Monotonic ms for the session (the PC's clock cannot extend it). */
    private readonly now: () => number,
    /** Wall-clock ms for the lockout, which must outlive a restart. */
    private readonly wallClock: () => number = Date.now,
  ) {}

  view(): OwnerView {
    const pin = this.store.read();
    const lockedForMs = Math.max(0, pin.lockedUntil - this.wallClock());
    return { pinSet: pin.hash !== null, unlocked: this.isUnlocked(), lockedForMs, triesLeft: lockedForMs > 0 ? 0 : MAX_TRIES - pin.failures };
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

  /** Sets the first PIN, or replaces it while unlocked. Leaves the owner unlocked. */
  async setPin(pin: string): Promise<boolean> {
    const current = this.store.read();
    if (current.hash !== null && !this.isUnlocked()) return false;
    this.store.write({ hash: await hashPin(pin), failures: 0, lockedUntil: 0 });
    this.unlockedUntil = this.now() + OWNER_SESSION_MS;
    return true;
  }

  async unlock(pin: string): Promise<UnlockOutcome> {
    const stored = this.store.read();
    if (stored.hash === null) return { ok: false, reason: 'no_pin', triesLeft: MAX_TRIES };
    const lockedForMs = stored.lockedUntil - this.wallClock();
    if (lockedForMs > 0) return { ok: false, reason: 'locked', lockedForMs };
    if (await pinMatches(pin, stored.hash)) {
      this.store.write({ ...stored, failures: 0, lockedUntil: 0 });
      this.unlockedUntil = this.now() + OWNER_SESSION_MS;
      return { ok: true };
    }
    const failures = stored.failures + 1;
    if (failures >= MAX_TRIES) {
      this.store.write({ ...stored, failures: 0, lockedUntil: this.wallClock() + LOCK_MS });
      this.lock();
      return { ok: false, reason: 'locked', lockedForMs: LOCK_MS };
    }
    this.store.write({ ...stored, failures });
    return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
  }
}
