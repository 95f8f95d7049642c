import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../src-main/api/events';
import { attachRecommender, inlineRunner } from '../../src-main/services/recommendation/recommenderAccess';
import type { Recommendation } from '../../src-main/services/recommendation/types';
import { loadCoveragePlant } from '../support/coveragePlant';
import { callOn, okValue } from '../support/planningCalls';
import { testContext } from '../support/testContext';

let t: Awaited<ReturnType<typeof testContext>>;
const call = callOn(() => t.ctx);

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
  attachRecommender(t.ctx, { runner: inlineRunner, maxEvaluations: 2000 });
});
afterEach(() => t.dispose());

const sequences = async () => {
  const rows = await t.ctx.database.db
    .selectFrom('productionOrder')
    .select(['id', 'lineId', 'sequence'])
    .where('status', '!=', 'done')
    .orderBy('lineId')
    .orderBy('sequence')
    .execute();
  return rows.map((row) => `${row.lineId}:${row.id}`);
};
const audit = () =>
  t.ctx.database.db
    .selectFrom('eventLog')
    .selectAll()
    .where('entityType', '=', 'recommendation')
    .orderBy('id')
    .execute();
const eventsSince = (from: number) => t.events.slice(from).map((entry) => entry.event);
const payloads = <E extends EventName>(event: E, from = 0) =>
  t.events
    .slice(from)
    .filter((entry) => entry.event === event)
    .map((entry) => entry.payload as EventMap[E]);

async function proposal(kind: Recommendation['kind']) {
  const list = okValue(await call('recommendations.compute', {}));
  const found = list.open.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} proposal among ${list.open.map((r) => r.kind).join(', ')}`);
  return found;
}

describe('recommendations.compute and list', () => {
  it('proposes running O-3 before O-2, in one sentence with before and after', async () => {
    const list = okValue(await call('recommendations.compute', {}));
    expect(list.open.map((r) => r.kind)).toEqual(['resequence', 'dock_priority', 'expedite']);
    const resequence = list.open[0]!;
    expect(resequence).toMatchObject({
      kind: 'resequence',
      status: 'open',
      summary: 'Run O-3 before O-2 on Linie 1: no stoppage instead of 45 min; one changeover fewer.',
      before: { unproducedUnits: 0, stoppageMinutes: 45, tardinessMinutes: 0, setups: 2, moved: 0 },
      after: { unproducedUnits: 0, stoppageMinutes: 0, tardinessMinutes: 0, setups: 1, moved: 1 },
      changes: [{ orderId: 'O-3', fromLine: 'L1', toLine: 'L1', fromIndex: 2, toIndex: 1 }],
      decidedAt: null,
    });
    expect(resequence.sentence).toEqual({
      key: 'resequence',
      params: {
        orderId: 'O-3',
        relation: 'before',
        referenceOrderId: 'O-2',
        lineName: 'Linie 1',
        toLineName: null,
        ordersMoved: 1,
        stoppageMinutesBefore: 45,
        stoppageMinutesAfter: 0,
        tardinessMinutesBefore: 0,
        tardinessMinutesAfter: 0,
        unproducedUnitsBefore: 0,
        unproducedUnitsAfter: 0,
        setupsDelta: -1,
        manual: false,
      },
    });
    if (resequence.kind !== 'resequence') throw new Error('resequence expected');
    expect(resequence.payload.lines).toEqual({ L1: ['O-1', 'O-3', 'O-2'] });
    expect(resequence.payload.previous).toEqual({ L1: ['O-1', 'O-2', 'O-3'], L2: [] });
    expect(list.open[1]!.summary).toBe(
      'Unload truck PZ D-6 (ASN-D-6, Kabelwerk Pilsen) first, at Tor 1: Linie 1 keeps running instead of waiting 45 min for 4711-002.',
    );
    expect(list.open[2]!.summary).toMatch(
      /^Ask Kabelwerk Pilsen to bring ASN-D-2 \(PZ D-2\) by \d\d:\d\d: Linie 1 keeps running instead of waiting 45 min for 4711-002\.$/,
    );
    expect(okValue(await call('recommendations.list', {}))).toEqual(list);
    expect(payloads('recommendations.changed')).toHaveLength(1);
  });

  it('keeps an unchanged proposal (same id) and supersedes those that no longer hold', async () => {
    const first = okValue(await call('recommendations.compute', {}));
    const again = okValue(await call('recommendations.compute', {}));
    expect(again.open.map((r) => r.id)).toEqual(first.open.map((r) => r.id));
    // The truck in the yard is gone: its dock proposal is superseded.
    await t.ctx.database.db
      .updateTable('inboundDelivery')
      .set({ status: 'cancelled' })
      .where('id', '=', 'D-6')
      .execute();
    const third = okValue(await call('recommendations.compute', {}));
    expect(third.open.map((r) => r.kind)).toEqual(['resequence', 'expedite']);
    const dock = await t.ctx.database.db
      .selectFrom('recommendation')
      .select('status')
      .where('id', '=', first.open[1]!.id)
      .executeTakeFirstOrThrow();
    expect(dock.status).toBe('superseded');
  });

  it('proposes nothing when the plan has no stoppage and no better sequence', async () => {
    await t.ctx.database.db.updateTable('stock').set({ onHand: 1000 }).execute();
    await t.ctx.database.db
      .updateTable('productionOrder')
      .set({ sequence: 9 })
      .where('id', '=', 'O-2')
      .execute();
    const list = okValue(await call('recommendations.compute', {}));
    expect(list.open).toEqual([]);
  });
});

describe('recommendations.apply and undo', () => {
  it('writes the new sequence in one transaction with its audit entry, then tells the views', async () => {
    const resequence = await proposal('resequence');
    const mark = t.events.length;
    const applied = okValue(await call('recommendations.apply', { id: resequence.id }));
    expect(applied).toMatchObject({
      id: resequence.id,
      status: 'applied',
      decidedBy: 'planner',
      decidedAt: t.clock.now(),
    });
    expect(await sequences()).toEqual(['L1:O-1', 'L1:O-3', 'L1:O-2']);
    const [entry] = await audit();
    expect(entry).toMatchObject({
      actor: 'planner',
      kind: 'sequence.applied',
      entityId: resequence.id,
      at: t.clock.now(),
    });
    expect(JSON.parse(entry!.payload!)).toMatchObject({
      previous: { L1: ['O-1', 'O-2', 'O-3'] },
      new: { L1: ['O-1', 'O-3', 'O-2'] },
    });
    expect(eventsSince(mark)).toEqual(['orders.changed', 'recommendations.changed']);
    expect(payloads('orders.changed', mark)).toEqual([{ lineIds: ['L1'] }]);
    expect(okValue(await call('coverage.overview', {})).stoppages).toEqual([]);
    const list = okValue(await call('recommendations.list', {}));
    expect(list.recent.map((r) => [r.id, r.status])).toEqual([[resequence.id, 'applied']]);
  });

  it('undoes an applied sequence with its audit entry, and the stoppage is back', async () => {
    const resequence = await proposal('resequence');
    okValue(await call('recommendations.apply', { id: resequence.id }));
    const undone = okValue(await call('recommendations.undo', { id: resequence.id }));
    expect(undone.status).toBe('undone');
    expect(await sequences()).toEqual(['L1:O-1', 'L1:O-2', 'L1:O-3']);
    const entries = await audit();
    expect(entries.map((entry) => entry.kind)).toEqual(['sequence.applied', 'sequence.undone']);
    expect(JSON.parse(entries[1]!.payload!)).toEqual({
      previous: { L1: ['O-1', 'O-3', 'O-2'] },
      new: { L1: ['O-1', 'O-2', 'O-3'] },
    });
    expect(okValue(await call('coverage.overview', {})).stoppages.map((s) => s.id)).toEqual([
      'L1:O-2:4711-002',
    ]);
    const again = await call('recommendations.undo', { id: resequence.id });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
  });

  it('refuses an apply when the plan moved on — an order finished — and changes nothing', async () => {
    const resequence = await proposal('resequence');
    await t.ctx.database.db
      .updateTable('productionOrder')
      .set({ status: 'done' })
      .where('id', '=', 'O-1')
      .execute();
    const before = await sequences();
    const auditBefore = (await audit()).length;
    const mark = t.events.length;
    const refused = await call('recommendations.apply', { id: resequence.id });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'CONFLICT',
      message:
        'The plan changed since this proposal was computed: order O-1 has finished. Nothing was changed.',
    });
    expect(await sequences()).toEqual(before);
    expect((await audit()).length).toBe(auditBefore);
    expect(eventsSince(mark)).toEqual([]);
    const stored = okValue(await call('recommendations.list', {})).open.find((r) => r.id === resequence.id);
    expect(stored?.status).toBe('open');
  });

  it('refuses an apply that would move an order now inside the frozen window', async () => {
    const resequence = await proposal('resequence');
    await t.ctx.database.db
      .insertInto('setting')
      .values({ key: 'planning.frozenWindowMinutes', value: '90', updatedAt: t.clock.now() })
      .execute();
    const refused = await call('recommendations.apply', { id: resequence.id });
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    expect(!refused.ok && refused.error.message).toMatch(
      /^The plan changed since this sequence was made: frozen orders O-1, O-2 must stay/,
    );
    expect(await sequences()).toEqual(['L1:O-1', 'L1:O-2', 'L1:O-3']);
  });

  it('refuses an undo once an order of the new sequence has started', async () => {
    const resequence = await proposal('resequence');
    okValue(await call('recommendations.apply', { id: resequence.id }));
    const { db } = t.ctx.database;
    await db.updateTable('productionOrder').set({ status: 'done' }).where('id', '=', 'O-1').execute();
    await db
      .updateTable('productionOrder')
      .set({ status: 'running', frozen: 1 })
      .where('id', '=', 'O-3')
      .execute();
    const refused = await call('recommendations.undo', { id: resequence.id });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'CONFLICT',
      message: 'The plan changed since it was applied: order O-1 has finished. Nothing was changed.',
    });
  });

  it('applies a dock priority by moving the truck to the free door, and undoes it', async () => {
    const dock = await proposal('dock_priority');
    const mark = t.events.length;
    okValue(await call('recommendations.apply', { id: dock.id }));
    const door = () =>
      t.ctx.database.db
        .selectFrom('inboundDelivery')
        .select('doorId')
        .where('id', '=', 'D-6')
        .executeTakeFirstOrThrow();
    expect((await door()).doorId).toBe('T1');
    expect(payloads('deliveries.changed', mark)).toEqual([{ ids: ['D-6'] }]);
    expect((await audit()).map((entry) => entry.kind)).toEqual(['recommendation.applied']);
    okValue(await call('recommendations.undo', { id: dock.id }));
    expect((await door()).doorId).toBe('T2');
  });

  it('records an applied expedite request', async () => {
    const expedite = await proposal('expedite');
    const applied = okValue(await call('recommendations.apply', { id: expedite.id }));
    expect(applied.status).toBe('applied');
    const [entry] = await audit();
    expect(JSON.parse(entry!.payload!)).toMatchObject({ kind: 'expedite', deliveryId: 'D-2' });
  });

  it('refuses unknown ids, proposals already decided, and input without an id', async () => {
    const missing = await call('recommendations.apply', { id: 'rec-nope' });
    expect(!missing.ok && missing.error).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no recommendation rec-nope.',
    });
    const noId = await call('recommendations.apply', {});
    expect(!noId.ok && noId.error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ field: 'id' }] },
    });
    const resequence = await proposal('resequence');
    okValue(await call('recommendations.apply', { id: resequence.id }));
    const twice = await call('recommendations.apply', { id: resequence.id });
    expect(!twice.ok && twice.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is applied'),
    });
    const viewer = await call(
      'recommendations.apply',
      { id: resequence.id },
      { transport: 'http', access: 'read' },
    );
    expect(!viewer.ok && viewer.error.code).toBe('FORBIDDEN');
  });
});

describe('recommendations.reject', () => {
  it('records the reason with an audit entry', async () => {
    const expedite = await proposal('expedite');
    const rejected = okValue(
      await call('recommendations.reject', { id: expedite.id, reason: '  Supplier cannot load earlier.  ' }),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      reason: 'Supplier cannot load earlier.',
      decidedBy: 'planner',
    });
    const [entry] = await audit();
    expect(entry).toMatchObject({ kind: 'recommendation.rejected', actor: 'planner', entityId: expedite.id });
    expect(JSON.parse(entry!.payload!)).toMatchObject({ reason: 'Supplier cannot load earlier.' });
  });

  it('needs a reason of at most 500 characters, and names the field', async () => {
    const expedite = await proposal('expedite');
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const result = await call('recommendations.reject', { id: expedite.id, reason });
      expect(!result.ok && result.error).toMatchObject({
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'reason' }] },
      });
    }
    const noReason = await call('recommendations.reject', { id: expedite.id });
    expect(!noReason.ok && noReason.error.message).toContain('reason');
    expect((await audit()).length).toBe(0);
  });
});
