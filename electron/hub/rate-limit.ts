/** A limit on failures: at most `limit` in a window of `windowMs`, then refused until the window ends. */
export interface FailureWindow {
  limit: number;
  windowMs: number;
}

interface Entry {
  count: number;
  startedAt: number;
}

const SWEEP_ABOVE = 10_000;

/**
 * Counts failures per key (an address, or one key for the whole hub) in fixed windows. In memory, per
 * process: with N hub processes the hub-wide bound is N times the limit (said where the limits are set).
 */
export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly window: FailureWindow,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until this key may try again; 0 when it may now. */
  waitFor(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const endsAt = entry.startedAt + this.window.windowMs;
    const now = this.now();
    if (now >= endsAt) {
      this.entries.delete(key);
      return 0;
    }
    return entry.count >= this.window.limit ? endsAt - now : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const entry = this.entries.get(key);
    if (!entry || now >= entry.startedAt + this.window.windowMs) this.entries.set(key, { count: 1, startedAt: now });
    else entry.count += 1;
    if (this.entries.size > SWEEP_ABOVE) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (now >= entry.startedAt + this.window.windowMs) this.entries.delete(key);
  }
}

export interface HubLimits {
  /** Wrong pairing codes from one address. */
  pairingPerAddress: FailureWindow;
  /** Wrong pairing codes from anywhere: what bounds guessing a six-digit code in its ten minutes. */
  pairingTotal: FailureWindow;
  /** Missing, unknown or revoked credentials from one address. */
  credentialPerAddress: FailureWindow;
}

const TEN_MINUTES = 10 * 60_000;

/**
 * With these, one process takes at most 50 wrong codes in any ten minutes: the chance that guessing
 * finds a given live code during its life is at most 2 × 50 / 1,000,000 = 0.01 % (two windows can
 * overlap one code's ten minutes).
 */
export const DEFAULT_LIMITS: HubLimits = {
  pairingPerAddress: { limit: 10, windowMs: TEN_MINUTES },
  pairingTotal: { limit: 50, windowMs: TEN_MINUTES },
  credentialPerAddress: { limit: 20, windowMs: 60_000 },
};
