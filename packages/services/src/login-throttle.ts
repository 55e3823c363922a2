/**
 * Counts failed sign-ins per key (a username, an IP address) in a sliding window and refuses
 * further attempts once a key has too many, until the oldest failure leaves the window. In
 * memory: one server process. A successful sign-in clears its username's failures.
 */
import { ParaatError } from "@paraat/core";

export interface ThrottleRule {
  /** Failures allowed within the window before attempts are refused. */
  failures: number;
  windowMs: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws RATE_LIMITED (details.retryAfter in seconds) if any key is over its limit. */
  check(keys: readonly string[]): void {
    const t = this.now();
    let wait = 0;
    for (const key of keys) {
      const list = this.recent(key, t);
      if (list.length >= this.rule.failures) wait = Math.max(wait, list[0]! + this.rule.windowMs - t);
    }
    if (wait > 0) {
      const retryAfter = Math.ceil(wait / 1000);
      throw new ParaatError("RATE_LIMITED", `too many failed sign-ins; try again in ${retryAfter} s`, { details: { retryAfter } });
    }
  }

  fail(keys: readonly string[]): void {
    const t = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, t), t]);
    if (this.failures.size > 10_000) this.prune(t);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > t - this.rule.windowMs);
  }

  private prune(t: number): void {
    for (const [key] of this.failures) if (this.recent(key, t).length === 0) this.failures.delete(key);
  }
}
