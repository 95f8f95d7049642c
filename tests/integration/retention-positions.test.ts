import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  POSITION_RETENTION,
  retentionTiers,
  runPositionRetention,
} from '../../src-main/services/retention/positionRetention';
import { startPositionRetention } from '../../src-main/services/retention/retentionJob';
import { testContext } from '../support/testContext';
import { historyDeliveryId, writeYearOfHistory } from '../support/yearOfHistory';

// The retention pass on four months of history (6 trucks a day, 90 one-minute fixes a trip): what
// stays is exactly the policy of docs/history.md, computed here independently from the rows.

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// On a 30-minute boundary: no bucket straddles a tier's cutoff, so each fix's fate is its tier's.
const NOW = Date.UTC(2026, 10, 27, 10, 0);
const FINE_CUTOFF = NOW - POSITION_RETENTION.fullResolutionDays * DAY;
const COARSE_CUTOFF = NOW - POSITION_RETENTION.fiveMinuteDays * DAY;

interface Fix {
  id: number;
  deliveryId: string;
  at: number;
}

let t: Awaited<ReturnType<typeof testContext>>;
let openOldId: string;

beforeEach(async () => {
  t = await testContext(NOW);
  const { sqlite } = t.ctx.database;
  writeYearOfHistory(sqlite, { now: NOW, days: 120, perDay: 6, fixesPerTrip: 90 });
  // A forgotten truck: still "on the road" after 100 days. Its track is kept whole.
  openOldId = historyDeliveryId(20, 1);
  sqlite.prepare("UPDATE inbound_delivery SET status = 'in_transit' WHERE id = ?").run(openOldId);
  // A phone that sent the same old fix twice: the lower id stays.
  const twice = sqlite
    .prepare<[string], { at: number }>('SELECT at FROM position WHERE delivery_id = ? ORDER BY at LIMIT 1')
    .get(historyDeliveryId(40, 2))!;
  sqlite
    .prepare(`INSERT INTO position (delivery_id, at, lat, lon, source) VALUES (?, ?, 48, 11, 'gps')`)
    .run(historyDeliveryId(40, 2), twice.at);
});
afterEach(() => t.dispose());

const allFixes = (): Fix[] =>
  t.ctx.database.sqlite
    .prepare<[], Fix>('SELECT id, delivery_id AS deliveryId, at FROM position ORDER BY at, id')
    .all();

const openIds = () =>
  new Set(
    t.ctx.database.sqlite
      .prepare<[], { id: string }>(
        "SELECT id FROM inbound_delivery WHERE status IN ('announced', 'in_transit', 'at_gate', 'at_door', 'unloading')",
      )
      .all()
      .map((row) => row.id),
  );

/** The policy, from the rows: the earliest fix of each (delivery, bucket) of its tier. */
function expectedSurvivors(fixes: Fix[], open: Set<string>): Set<number> {
  const kept = new Set<number>();
  const taken = new Set<string>();
  for (const fix of fixes) {
    if (open.has(fix.deliveryId) || fix.at >= FINE_CUTOFF) {
      kept.add(fix.id);
      continue;
    }
    const bucketMs = fix.at < COARSE_CUTOFF ? 30 * MIN : 5 * MIN;
    const key = `${fix.deliveryId}|${bucketMs}|${Math.floor(fix.at / bucketMs)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    kept.add(fix.id);
  }
  return kept;
}

it('keeps every recent fix, one per 5 minutes from 14 days, one per 30 minutes from 90 days', async () => {
  const before = allFixes();
  const expected = expectedSurvivors(before, openIds());
  const result = await runPositionRetention(t.ctx.database.sqlite, NOW);
  const after = allFixes();
  expect(new Set(after.map((fix) => fix.id))).toEqual(expected);
  expect(result.deleted).toBe(before.length - after.length);
  // The history is big enough that the policy thins it a lot, and in many small transactions.
  expect(result.deleted).toBeGreaterThan(before.length / 2);
  expect(result.transactions).toBeGreaterThan(5);

  const recentBefore = before.filter((fix) => fix.at >= FINE_CUTOFF).length;
  expect(after.filter((fix) => fix.at >= FINE_CUTOFF)).toHaveLength(recentBefore);
  const perBucket = (fixes: Fix[], from: number, to: number, bucketMs: number) => {
    const counts = new Map<string, number>();
    for (const fix of fixes) {
      if (fix.at < from || fix.at >= to || fix.deliveryId === openOldId) continue;
      const key = `${fix.deliveryId}|${Math.floor(fix.at / bucketMs)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const fine = perBucket(after, COARSE_CUTOFF, FINE_CUTOFF, 5 * MIN);
  const coarse = perBucket(after, 0, COARSE_CUTOFF, 30 * MIN);
  expect(Math.max(...fine.values())).toBe(1);
  expect(Math.max(...coarse.values())).toBe(1);
  // No bucket that had a fix lost all of them: the track keeps its shape.
  expect(fine.size).toBe(perBucket(before, COARSE_CUTOFF, FINE_CUTOFF, 5 * MIN).size);
  expect(coarse.size).toBe(perBucket(before, 0, COARSE_CUTOFF, 30 * MIN).size);
});

it('never touches an open delivery, however old its fixes', async () => {
  const count = (id: string) =>
    t.ctx.database.sqlite
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM position WHERE delivery_id = ?')
      .get(id)!.n;
  const onTheRoad = t.ctx.database.sqlite
    .prepare<[string], { id: string }>(
      "SELECT id FROM inbound_delivery WHERE status = 'in_transit' AND id != ? LIMIT 1",
    )
    .get(openOldId)!.id;
  const [oldBefore, roadBefore] = [count(openOldId), count(onTheRoad)];
  expect(oldBefore).toBe(90);
  expect(roadBefore).toBeGreaterThan(0);
  await runPositionRetention(t.ctx.database.sqlite, NOW);
  expect(count(openOldId)).toBe(oldBefore);
  expect(count(onTheRoad)).toBe(roadBefore);
  // Once it is closed, the next pass thins it like any other.
  t.ctx.database.sqlite
    .prepare("UPDATE inbound_delivery SET status = 'departed' WHERE id = ?")
    .run(openOldId);
  const halfHours = new Set(
    t.ctx.database.sqlite
      .prepare<[string], { at: number }>('SELECT at FROM position WHERE delivery_id = ?')
      .all(openOldId)
      .map((fix) => Math.floor(fix.at / (30 * MIN))),
  );
  await runPositionRetention(t.ctx.database.sqlite, NOW);
  expect(count(openOldId)).toBe(halfHours.size);
  expect(halfHours.size).toBeLessThan(oldBefore);
});

it('is idempotent, and small slices give the same result as large ones', async () => {
  const first = await runPositionRetention(t.ctx.database.sqlite, NOW, { batchRows: 300 });
  const kept = allFixes().map((fix) => fix.id);
  const again = await runPositionRetention(t.ctx.database.sqlite, NOW);
  expect(again.deleted).toBe(0);
  expect(allFixes().map((fix) => fix.id)).toEqual(kept);
  const fromWatermark = await runPositionRetention(t.ctx.database.sqlite, NOW, { since: first.watermark });
  expect(fromWatermark.deleted).toBe(0);
  // The same policy applied with one big slice per tier keeps the same fixes.
  const other = await testContext(NOW);
  try {
    writeYearOfHistory(other.ctx.database.sqlite, { now: NOW, days: 120, perDay: 6, fixesPerTrip: 90 });
    other.ctx.database.sqlite
      .prepare("UPDATE inbound_delivery SET status = 'in_transit' WHERE id = ?")
      .run(openOldId);
    const big = await runPositionRetention(other.ctx.database.sqlite, NOW, { batchRows: 1_000_000 });
    expect(big.transactions).toBe(2);
    expect(first.transactions).toBeGreaterThan(big.transactions);
    // Same rows bar the duplicate fix added above (the only row the other database lacks).
    expect(big.deleted).toBe(first.deleted - 1);
  } finally {
    await other.dispose();
  }
});

it('resumes from its watermark as time passes, doing what a full pass would', async () => {
  const { sqlite } = t.ctx.database;
  const first = await runPositionRetention(sqlite, NOW);
  const later = NOW + 3 * DAY + 7 * MIN;
  const tiers = retentionTiers(later, first.watermark);
  // Only what aged since the last pass (and one bucket before it) is visited.
  expect(tiers.map((tier) => tier.to - tier.from)).toEqual([
    3 * DAY + 7 * MIN + 30 * MIN,
    3 * DAY + 7 * MIN + 5 * MIN,
  ]);
  const resumed = await runPositionRetention(sqlite, later, { since: first.watermark });
  expect(resumed.deleted).toBeGreaterThan(0);
  const full = await runPositionRetention(sqlite, later);
  expect(full.deleted).toBe(0);
});

it('stops between two transactions when asked, and the next pass finishes the work', async () => {
  const { sqlite } = t.ctx.database;
  const expected = expectedSurvivors(allFixes(), openIds());
  let slices = 0;
  const cut = await runPositionRetention(sqlite, NOW, { batchRows: 300, shouldStop: () => ++slices > 3 });
  expect(cut.transactions).toBe(3);
  expect(cut.deleted).toBeGreaterThan(0);
  expect(cut.longestTransactionMs).toBeGreaterThan(0);
  // Not finished: no watermark to resume from, the next pass visits everything again.
  expect(cut.watermark).toEqual({ fineUntil: 0, coarseUntil: 0 });
  expect(allFixes().length).toBeGreaterThan(expected.size);
  await runPositionRetention(sqlite, NOW);
  expect(new Set(allFixes().map((fix) => fix.id))).toEqual(expected);
});

it('runs as a job: on demand, a second pass finds nothing, none after stop', async () => {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const job = startPositionRetention(t.ctx, { logger, firstDelayMs: 3_600_000 });
  const result = await job.runNow();
  expect(result?.deleted).toBeGreaterThan(0);
  expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^\[retention\] thinned \d+ old positions/));
  expect((await job.runNow())?.deleted).toBe(0);
  await job.stop();
  expect(await job.runNow()).toBeNull();
  expect(logger.error).not.toHaveBeenCalled();
});
