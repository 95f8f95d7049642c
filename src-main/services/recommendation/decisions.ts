import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { currentCoverage } from '../coverage/coverageAccess';
import { serializedPlanning } from './recommenderAccess';
import { checkSequence, logPlanning, requireSequences, writeSequences } from './sequenceWrite';
import { findRecommendation } from './store';
import type { Recommendation } from './types';

// What a planner does with a proposal: apply it, undo it, reject it. Each is one synchronous
// transaction with its audit entry (event_log, actor 'planner'); the change events follow the
// commit. A proposal computed against a plan that has moved on is refused, and nothing changes.

const PLANNER = 'planner';

async function load(ctx: AppContext, id: string): Promise<Recommendation> {
  const found = await findRecommendation(ctx.database.db, id);
  if (!found) throw new DomainError('NOT_FOUND', `There is no recommendation ${id}.`);
  return found;
}

function requireStatus(recommendation: Recommendation, wanted: Recommendation['status'], action: string) {
  if (recommendation.status !== wanted) {
    throw new DomainError(
      'CONFLICT',
      `Recommendation ${recommendation.id} is ${recommendation.status}; only ${wanted} ones can be ${action}.`,
    );
  }
}

const setDecision = `UPDATE recommendation SET status = ?, decided_at = ?, decided_by = ?, reason = coalesce(?, reason)
  WHERE id = ?`;

function pick(lines: Readonly<Record<string, readonly string[]>>, ids: readonly string[]) {
  return Object.fromEntries(ids.map((line) => [line, [...(lines[line] ?? [])]]));
}

async function applyResequence(ctx: AppContext, recommendation: Recommendation & { kind: 'resequence' }) {
  const { sqlite } = ctx.database;
  const { lines, previous } = recommendation.payload;
  const affected = Object.keys(lines);
  const expected = pick(previous, affected);
  requireSequences(sqlite, expected, 'this proposal was computed');
  const state = await currentCoverage(ctx);
  checkSequence(state.plant.instance, lines, 'conflict');
  const now = ctx.clock.now();
  const superseded = sqlite.transaction(() => {
    requireSequences(sqlite, expected, 'this proposal was computed');
    writeSequences(sqlite, lines);
    logPlanning(sqlite, {
      at: now,
      kind: 'sequence.applied',
      recommendationId: recommendation.id,
      payload: { previous: expected, new: lines, summary: recommendation.summary },
    });
    sqlite.prepare(setDecision).run('applied', now, PLANNER, null, recommendation.id);
    // Proposals computed against the old plan no longer fit it.
    const stale = sqlite
      .prepare("SELECT id FROM recommendation WHERE status = 'open' AND kind = 'resequence' AND id != ?")
      .all(recommendation.id) as { id: string }[];
    sqlite
      .prepare(
        "UPDATE recommendation SET status = 'superseded' WHERE status = 'open' AND kind = 'resequence'",
      )
      .run();
    return stale.map((row) => row.id);
  })();
  ctx.bus.emit('orders.changed', { lineIds: affected });
  ctx.bus.emit('recommendations.changed', { ids: [recommendation.id, ...superseded] });
}

function applyDockLever(
  ctx: AppContext,
  recommendation: Recommendation & { kind: 'dock_priority' | 'expedite' },
) {
  const { sqlite } = ctx.database;
  const { deliveryId } = recommendation.payload;
  const now = ctx.clock.now();
  const doorId = recommendation.kind === 'dock_priority' ? recommendation.payload.doorId : null;
  sqlite.transaction(() => {
    const delivery = sqlite
      .prepare('SELECT status, door_id FROM inbound_delivery WHERE id = ?')
      .get(deliveryId) as { status: string; door_id: string | null } | undefined;
    if (!delivery || ['unloading', 'unloaded', 'departed', 'cancelled'].includes(delivery.status)) {
      throw new DomainError(
        'CONFLICT',
        `Delivery ${deliveryId} is ${delivery?.status ?? 'gone'} now; the proposal no longer applies. Nothing was changed.`,
      );
    }
    if (doorId !== null && delivery.door_id !== doorId) {
      sqlite
        .prepare('UPDATE inbound_delivery SET door_id = ?, updated_at = ? WHERE id = ?')
        .run(doorId, now, deliveryId);
    }
    logPlanning(sqlite, {
      at: now,
      kind: 'recommendation.applied',
      recommendationId: recommendation.id,
      payload: {
        kind: recommendation.kind,
        deliveryId,
        doorId,
        previousDoorId: delivery.door_id,
        summary: recommendation.summary,
      },
    });
    sqlite.prepare(setDecision).run('applied', now, PLANNER, null, recommendation.id);
  })();
  if (doorId !== null) ctx.bus.emit('deliveries.changed', { ids: [deliveryId] });
  ctx.bus.emit('recommendations.changed', { ids: [recommendation.id] });
}

export function applyRecommendation(ctx: AppContext, id: string): Promise<Recommendation> {
  return serializedPlanning(ctx, async () => {
    const recommendation = await load(ctx, id);
    requireStatus(recommendation, 'open', 'applied');
    if (recommendation.kind === 'resequence') await applyResequence(ctx, recommendation);
    else applyDockLever(ctx, recommendation);
    return load(ctx, id);
  });
}

async function undoResequence(ctx: AppContext, recommendation: Recommendation & { kind: 'resequence' }) {
  const { sqlite } = ctx.database;
  const { lines, previous } = recommendation.payload;
  const affected = Object.keys(lines);
  const restore = pick(previous, affected);
  requireSequences(sqlite, lines, 'it was applied');
  const state = await currentCoverage(ctx);
  checkSequence(state.plant.instance, restore, 'conflict');
  const now = ctx.clock.now();
  sqlite.transaction(() => {
    requireSequences(sqlite, lines, 'it was applied');
    writeSequences(sqlite, restore);
    logPlanning(sqlite, {
      at: now,
      kind: 'sequence.undone',
      recommendationId: recommendation.id,
      payload: { previous: lines, new: restore },
    });
    sqlite.prepare(setDecision).run('undone', now, PLANNER, null, recommendation.id);
  })();
  ctx.bus.emit('orders.changed', { lineIds: affected });
}

function undoDockLever(
  ctx: AppContext,
  recommendation: Recommendation & { kind: 'dock_priority' | 'expedite' },
) {
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const { deliveryId } = recommendation.payload;
  const door =
    recommendation.kind === 'dock_priority' && recommendation.payload.doorId !== null
      ? { proposed: recommendation.payload.doorId, previous: recommendation.payload.previousDoorId }
      : null;
  sqlite.transaction(() => {
    if (door) {
      const row = sqlite
        .prepare('SELECT status, door_id FROM inbound_delivery WHERE id = ?')
        .get(deliveryId) as { status: string; door_id: string | null } | undefined;
      if (row?.door_id !== door.proposed || !['announced', 'in_transit', 'at_gate'].includes(row.status)) {
        throw new DomainError(
          'CONFLICT',
          `Delivery ${deliveryId} has moved on since the proposal was applied (${row?.status ?? 'gone'}); its door stays. Nothing was changed.`,
        );
      }
      sqlite
        .prepare('UPDATE inbound_delivery SET door_id = ?, updated_at = ? WHERE id = ?')
        .run(door.previous, now, deliveryId);
    }
    logPlanning(sqlite, {
      at: now,
      kind: 'recommendation.undone',
      recommendationId: recommendation.id,
      payload: { kind: recommendation.kind, deliveryId, doorId: door?.previous ?? null },
    });
    sqlite.prepare(setDecision).run('undone', now, PLANNER, null, recommendation.id);
  })();
  if (door) ctx.bus.emit('deliveries.changed', { ids: [deliveryId] });
}

export function undoRecommendation(ctx: AppContext, id: string): Promise<Recommendation> {
  return serializedPlanning(ctx, async () => {
    const recommendation = await load(ctx, id);
    requireStatus(recommendation, 'applied', 'undone');
    if (recommendation.kind === 'resequence') await undoResequence(ctx, recommendation);
    else undoDockLever(ctx, recommendation);
    ctx.bus.emit('recommendations.changed', { ids: [id] });
    return load(ctx, id);
  });
}

export function rejectRecommendation(ctx: AppContext, id: string, reason: string): Promise<Recommendation> {
  return serializedPlanning(ctx, async () => {
    const recommendation = await load(ctx, id);
    requireStatus(recommendation, 'open', 'rejected');
    const { sqlite } = ctx.database;
    const now = ctx.clock.now();
    sqlite.transaction(() => {
      logPlanning(sqlite, {
        at: now,
        kind: 'recommendation.rejected',
        recommendationId: id,
        payload: { kind: recommendation.kind, reason, summary: recommendation.summary },
      });
      sqlite.prepare(setDecision).run('rejected', now, PLANNER, reason, id);
    })();
    ctx.bus.emit('recommendations.changed', { ids: [id] });
    return load(ctx, id);
  });
}
