import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import type { CoverageProjector } from '../coverage/projector';
import { computeRecommendations } from './compute';

// Keeps the recommendation panel from going stale: when the predicted stoppages change, the
// proposals are computed again — at most every 30 seconds of real time, since each run keeps the
// recommender busy for about a second.

export interface AutoRecomputeOptions {
  minIntervalMs?: number;
  logger?: Logger;
  /** Real time; tests pass their own. */
  wallNow?: () => number;
}

export class RecommendationAutoRecompute {
  private readonly minIntervalMs: number;
  private readonly logger: Logger;
  private readonly wallNow: () => number;
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private wanted = false;
  private closed = false;
  private off: (() => void) | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly projector: CoverageProjector,
    options: AutoRecomputeOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 30_000;
    this.logger = options.logger ?? console;
    this.wallNow = options.wallNow ?? Date.now;
  }

  start(): void {
    this.off = this.projector.onStoppagesChanged(() => this.request());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.off?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private request(): void {
    if (this.closed) return;
    this.wanted = true;
    if (this.running || this.timer) return;
    const wait = Math.max(0, this.lastRun + this.minIntervalMs - this.wallNow());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
    this.timer.unref?.();
  }

  private run(): void {
    if (this.closed || !this.wanted) return;
    this.wanted = false;
    this.lastRun = this.wallNow();
    this.running = computeRecommendations(this.ctx)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error('[recommendations] recomputing failed:', error))
      .finally(() => {
        this.running = null;
        // Stoppages changed again while it ran: go again once the interval allows.
        if (this.wanted) this.request();
      });
  }
}
