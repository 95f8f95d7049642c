/**
 * Counts failed token checks per peer address and locks an address out for a while after too
 * many, so a viewer token cannot be guessed by trying (it could not anyway at 256 bits, but a
 * flood of attempts should not cost a database lookup each, nor go unnoticed).
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 10, windowMs: 5 * 60_000, lockMs: 5 * 60_000 };

/** Beyond this many tracked addresses the oldest are forgotten: memory stays bounded under a flood. */
const MAX_TRACKED = 10_000;

export class FailureLockout {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the address may try again; 0 when it may now. */
  retryAfterMs(address: string): number {
    const until = this.lockedUntil.get(address);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.lockedUntil.delete(address);
    return 0;
  }

  recordFailure(address: string): void {
    const now = this.now();
    const recent = (this.failures.get(address) ?? []).filter((at) => now - at < this.policy.windowMs);
    recent.push(now);
    this.failures.delete(address);
    if (recent.length >= this.policy.maxFailures) {
      this.lockedUntil.set(address, now + this.policy.lockMs);
      return;
    }
    this.failures.set(address, recent);
    if (this.failures.size > MAX_TRACKED) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}
