import type { Logger } from '../api/registry';
import type { IngestChangeFeed } from './changeFeed';
import type { PositionItem, PositionOutcome, PositionStore } from './positionStore';

// Gathers the position reports that arrive within one turn of the event loop and commits them in
// one transaction before any of them is answered: under load one commit serves dozens of
// requests, and still nothing is acknowledged that is not on disk (in the WAL).

interface Waiting {
  items: PositionItem[];
  resolve(outcomes: PositionOutcome[]): void;
}

/** Beyond this many reports in the queue a batch is committed without waiting for the turn. */
const MAX_BATCH = 500;

export class PositionBatcher {
  private queue: Waiting[] = [];
  private queued = 0;
  private scheduled = false;

  constructor(
    private readonly store: PositionStore,
    private readonly feed: IngestChangeFeed,
    private readonly logger: Logger,
  ) {}

  /** Resolves with each report's outcome once the batch holding them is committed. */
  submit(items: PositionItem[]): Promise<PositionOutcome[]> {
    return new Promise((resolve) => {
      this.queue.push({ items, resolve });
      this.queued += items.length;
      if (this.queued >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const waiting = this.queue;
    if (waiting.length === 0) return;
    this.queue = [];
    this.queued = 0;
    const items = waiting.flatMap((w) => w.items);
    let outcomes: PositionOutcome[];
    try {
      const { batch, errors } = this.store.storeBatch(items);
      for (const [index, error] of errors) {
        this.logger.error(
          `[ingest] storing the position of device ${items[index]!.report.deviceId} failed`,
          error,
        );
      }
      outcomes = batch.outcomes;
      this.feed.positionsStored(batch.stored, batch.newestAt);
      this.feed.deliveriesChanged(batch.changedDeliveryIds);
    } catch (error) {
      this.logger.error('[ingest] the position batch could not be committed', error);
      outcomes = items.map(() => 'failed');
    }
    let offset = 0;
    for (const w of waiting) {
      w.resolve(outcomes.slice(offset, offset + w.items.length));
      offset += w.items.length;
    }
  }
}
