/** A limit on failures: at most `limit` in a window of `windowMs`, then refused until the window ends. */
export interface FailureWindow {
  limit: number;
  windowMs: number;
}

interface Entry {
  count: number;
  startedAt: number;
}

// Beyond this many keys the expired go, then the oldest: keys made of junk cannot fill the memory.
const MAX_KEYS = 50_000;
const KEEP_AFTER_SWEEP = 45_000;

/**
 * Counts failures per key (an address, or a credential's hash) in fixed windows. In memory, per process:
 * with N hub processes a key may fail N times the limit.
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
    if (this.entries.size > MAX_KEYS) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (now >= entry.startedAt + this.window.windowMs) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= KEEP_AFTER_SWEEP) break;
      this.entries.delete(key);
    }
  }
}

export interface HubLimits {
  /** Wrong pairing codes from one client address (IPv6: one /64). */
  pairingPerAddress: FailureWindow;
  /** Failures of one presented credential or key (counted by its hash): a revoked counter's retries cost no lookups. */
  credentialFailures: FailureWindow;
}

const TEN_MINUTES = 10 * 60_000;

/**
 * No limit is hub-wide, so no stranger can stop another's pairing, and no limit is per address for
 * credentials, so junk from a shared address never refuses a valid one. Guessing a code stays
 * hopeless by its length: 10 tries an address per ten minutes against 10^15 codes.
 */
export const DEFAULT_LIMITS: HubLimits = {
  pairingPerAddress: { limit: 10, windowMs: TEN_MINUTES },
  credentialFailures: { limit: 20, windowMs: 60_000 },
};

const V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The eight groups of an IPv6 address, or null. */
function ipv6Groups(ip: string): string[] | null {
  if (!ip.includes(':')) return null;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (ip.split('::').length > 2) return null;
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')) : null;
}

/**
 * Whom an address limit counts: an IPv4 address, or an IPv6 address's /64 (one home or one server
 * holds a whole /64, and would otherwise have 2^64 fresh addresses to try from).
 */
export function addressKey(ip: string): string {
  const v4 = V4_MAPPED.exec(ip)?.[1];
  if (v4) return v4;
  const groups = ipv6Groups(ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}
