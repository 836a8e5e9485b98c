import { JOURNAL_STUCK } from '../../contract/hub';

/**
 * Calls to the hub that it answered with a failure, in a row, and since when: stuck once they reach
 * `JOURNAL_STUCK` (so many, or for so long), until one succeeds. The hub being away (no answer at all)
 * is not counted: the top bar says so already.
 */
export class FailureStreak {
  private count = 0;
  private since: number | null = null;
  private stuck: number | null = null;

  constructor(
    private readonly now: () => number,
    /** Told when the stuck state begins or ends. */
    private readonly onChange: (stuckSince: string | null) => void,
  ) {}

  failed(): void {
    const now = this.now();
    this.since ??= now;
    this.count += 1;
    if (this.stuck === null && (this.count >= JOURNAL_STUCK.failures || now - this.since >= JOURNAL_STUCK.afterMs)) {
      this.stuck = this.since;
      this.onChange(this.stuckSince());
    }
  }

  /** A call went through, or the pairing changed: no longer failing. */
  reset(): void {
    const wasStuck = this.stuck !== null;
    this.count = 0;
    this.since = null;
    this.stuck = null;
    if (wasStuck) this.onChange(null);
  }

  /** ISO 8601, or null while not stuck. */
  stuckSince(): string | null {
    return this.stuck === null ? null : new Date(this.stuck).toISOString();
  }
}
