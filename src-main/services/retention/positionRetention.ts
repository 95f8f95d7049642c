import type BetterSqlite3 from 'better-sqlite3';
import { perDatabase } from '../../db/perDatabase';
import type { DeliveryStatus } from '../../db/schema';

// Retention and downsampling of truck positions (docs/history.md says why these numbers):
//
//   age < 14 days      every fix, as reported            (the map, the delivery detail's 12-h track)
//   14 to 90 days      one fix per 5 minutes per truck   (a trip looked up after a complaint)
//   older than 90 days one fix per 30 minutes per truck  (the road taken; reports need no positions)
//
// Of each epoch-aligned 5- or 30-minute bucket of a delivery the earliest fix stays (ties by id),
// so a second pass deletes nothing, and a 30-minute bucket's survivor is its first 5-minute
// bucket's survivor: the tiers nest. A delivery still open (announced, on the road, at the plant)
// keeps every fix, however old. The work is cut into slices of at most BATCH_ROWS scanned rows,
// one small transaction each, with the event loop free in between: the app stays responsive.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const POSITION_RETENTION = {
  fullResolutionDays: 14,
  fiveMinuteDays: 90,
  fineBucketMs: 5 * MINUTE,
  coarseBucketMs: 30 * MINUTE,
} as const;

/** Positions scanned per transaction: a few milliseconds of work each. */
export const BATCH_ROWS = 5000;

/** Deliveries whose track is still being written or watched: never downsampled. */
const OPEN_STATUSES: readonly DeliveryStatus[] = [
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
];
const OPEN_SQL = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

export interface RetentionTier {
  /** Fixes with `at` in [from, to) are thinned to one per bucket. */
  from: number;
  to: number;
  bucketMs: number;
}

/** How far a previous pass got, so the next one only visits what has aged since. */
export interface RetentionWatermark {
  fineUntil: number;
  coarseUntil: number;
}

export interface RetentionPassResult {
  deleted: number;
  transactions: number;
  /** The longest single transaction: how long the pass held the write lock at a stretch. */
  longestTransactionMs: number;
  watermark: RetentionWatermark;
}

/** The two downsampling windows at `now`; with a watermark, only the part that aged since it. */
export function retentionTiers(now: number, since?: RetentionWatermark): RetentionTier[] {
  const { fullResolutionDays, fiveMinuteDays, fineBucketMs, coarseBucketMs } = POSITION_RETENTION;
  const fineUntil = now - fullResolutionDays * DAY;
  const coarseUntil = now - fiveMinuteDays * DAY;
  // One bucket back from the watermark: a bucket that straddled it is finished now.
  return [
    { from: since ? since.coarseUntil - coarseBucketMs : 0, to: coarseUntil, bucketMs: coarseBucketMs },
    {
      from: Math.max(coarseUntil, since ? since.fineUntil - fineBucketMs : 0),
      to: fineUntil,
      bucketMs: fineBucketMs,
    },
  ].filter((tier) => tier.to > tier.from);
}

const statementsOf = perDatabase((sqlite: BetterSqlite3.Database) => ({
  // The `at` after which the next BATCH_ROWS positions end: the slice's end (position_at index).
  sliceEnd: sqlite.prepare<[from: number, to: number, skip: number], { at: number }>(
    'SELECT at FROM position WHERE at >= ? AND at < ? ORDER BY at LIMIT 1 OFFSET ?',
  ),
  // A fix goes when an earlier fix of the same delivery lies in its bucket (position_delivery_at).
  thin: sqlite.prepare<{ from: number; to: number; bucket: number }>(
    `DELETE FROM position WHERE id IN (
       SELECT p.id FROM position p
        WHERE p.at >= @from AND p.at < @to
          AND p.delivery_id NOT IN (SELECT id FROM inbound_delivery WHERE status IN (${OPEN_SQL}))
          AND EXISTS (SELECT 1 FROM position q
                       WHERE q.delivery_id = p.delivery_id
                         AND q.at >= p.at - (p.at % @bucket) AND q.at <= p.at
                         AND (q.at < p.at OR q.id < p.id)))`,
  ),
}));

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One retention pass at plant time `now`. Resolves with the rows deleted and the watermark the
 * next pass can start from; `shouldStop` is asked between transactions (the app is closing).
 */
export async function runPositionRetention(
  sqlite: BetterSqlite3.Database,
  now: number,
  options: { since?: RetentionWatermark; shouldStop?: () => boolean; batchRows?: number } = {},
): Promise<RetentionPassResult> {
  const statements = statementsOf(sqlite);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  let deleted = 0;
  let transactions = 0;
  let longestTransactionMs = 0;
  const thinSlice = sqlite.transaction((from: number, to: number, bucket: number) => {
    return statements.thin.run({ from, to, bucket }).changes;
  });
  for (const tier of retentionTiers(now, options.since)) {
    let cursor = tier.from;
    while (cursor < tier.to) {
      if (options.shouldStop?.()) {
        // Not finished: the next pass starts over from the previous watermark.
        return {
          deleted,
          transactions,
          longestTransactionMs,
          watermark: options.since ?? { fineUntil: 0, coarseUntil: 0 },
        };
      }
      const boundary = statements.sliceEnd.get(cursor, tier.to, batchRows)?.at ?? tier.to;
      // More than a batch of fixes at one instant: take that instant whole.
      const end = boundary > cursor ? boundary : cursor + 1;
      const started = performance.now();
      deleted += thinSlice(cursor, end, tier.bucketMs);
      longestTransactionMs = Math.max(longestTransactionMs, performance.now() - started);
      transactions += 1;
      cursor = end;
      await nextTurn();
    }
  }
  const { fullResolutionDays, fiveMinuteDays } = POSITION_RETENTION;
  return {
    deleted,
    transactions,
    longestTransactionMs,
    watermark: { fineUntil: now - fullResolutionDays * DAY, coarseUntil: now - fiveMinuteDays * DAY },
  };
}
