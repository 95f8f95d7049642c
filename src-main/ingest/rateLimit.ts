// A token bucket per partner token: a partner's system may send in bursts (a phone that was
// offline empties its buffer), but not more than the sustained rate for long. Counted in real
// time, not plant time: the demo clock may run sixty times faster than the requests arrive.

export interface RateLimitPolicy {
  /** Requests per second, sustained. */
  perSecond: number;
  /** How many may come at once after a quiet spell. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { perSecond: 50, burst: 200 };

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_BUCKETS = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly policy: RateLimitPolicy = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the key's bucket: 0 when allowed, else milliseconds until one is. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      bucket = { tokens: this.policy.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(
      this.policy.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.policy.perSecond,
    );
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.policy.perSecond) * 1000);
  }
}
