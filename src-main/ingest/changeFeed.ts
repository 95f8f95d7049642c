import type { EventBus } from '../api/events';

// Tells the open views what the ingest changed, gathered: under load thousands of positions a
// second come in, and the views (and the coverage projector behind 'deliveries.changed') want a
// few updates a second, not one per request. Emitted only for committed writes.

export const DEFAULT_FEED_INTERVAL_MS = 250;

export class IngestChangeFeed {
  private positions = 0;
  private lastAt = 0;
  private readonly deliveryIds = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly intervalMs = DEFAULT_FEED_INTERVAL_MS,
  ) {}

  /** Positions stored (after commit), with the plant time of the newest. */
  positionsStored(count: number, at: number): void {
    if (count <= 0) return;
    this.positions += count;
    this.lastAt = Math.max(this.lastAt, at);
    this.schedule();
  }

  /** Deliveries whose status or ETA changed (after commit). */
  deliveriesChanged(ids: Iterable<string>): void {
    for (const id of ids) this.deliveryIds.add(id);
    if (this.deliveryIds.size > 0) this.schedule();
  }

  /** Sends what is pending now (tests, shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = performance.now();
    if (this.positions > 0) {
      this.bus.emit('positions.moved', { count: this.positions, at: this.lastAt });
      this.positions = 0;
    }
    if (this.deliveryIds.size > 0) {
      const ids = [...this.deliveryIds].sort();
      this.deliveryIds.clear();
      this.bus.emit('deliveries.changed', { ids });
    }
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    // A quiet feed answers at once; a busy one waits out its interval.
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
    this.timer.unref?.();
  }
}
