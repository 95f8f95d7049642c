import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCoveragePlant } from '../support/coveragePlant';
import { callOn, okValue } from '../support/planningCalls';
import { testContext } from '../support/testContext';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let t: Awaited<ReturnType<typeof testContext>>;
const call = callOn(() => t.ctx);

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
});
afterEach(() => t.dispose());

describe('coverage procedures', () => {
  it('coverage.overview gives the projection', async () => {
    const overview = okValue(await call('coverage.overview', {}));
    expect(overview.stoppages.map((s) => s.id)).toEqual(['L1:O-2:4711-002']);
    expect(overview.lines.map((line) => line.id)).toEqual(['L1', 'L2']);
    const bad = await call('coverage.overview', { extra: 1 });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });

  it('coverage.part gives one part’s curve, names the field it misses and refuses an unknown part', async () => {
    const curve = okValue(await call('coverage.part', { partId: '4711-002' }));
    expect(curve.part.id).toBe('4711-002');
    expect(curve.supplies.map((supply) => supply.deliveryId)).toEqual(['D-2', 'D-6']);
    const missing = await call('coverage.part', {});
    expect(!missing.ok && missing.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('partId'),
    });
    const unknown = await call('coverage.part', { partId: '9999-999' });
    expect(!unknown.ok && unknown.error).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no part 9999-999.',
    });
  });
});

describe('predicted stoppages as alerts', () => {
  it('raises a critical alert for a stoppage within four hours, naming line, part, time and truck', async () => {
    const alerts = okValue(await call('alerts.list', {}));
    const alert = alerts.find((candidate) => candidate.kind === 'stoppage_predicted');
    const now = t.clock.now();
    expect(alert).toEqual({
      id: 'stoppage_predicted:L1:O-2:4711-002',
      kind: 'stoppage_predicted',
      severity: 'critical',
      at: now + 95 * MINUTE,
      partId: '4711-002',
      deliveryId: 'D-2',
      params: {
        line: 'Linie 1',
        lineId: 'L1',
        part: '4711-002',
        description: 'Kabelbaum Tür rechts',
        startsAt: now + 95 * MINUTE,
        inMinutes: 95,
        minutes: 45,
        plate: 'PZ D-2',
        notice: 'ASN-D-2',
        supplier: 'Kabelwerk Pilsen',
      },
    });
  });

  it('warns about a stoppage further out, and clears the alert when its cause is gone', async () => {
    const { db } = t.ctx.database;
    const now = t.clock.now();
    // O-1 runs five hours longer, and the trucks with 4711-002 come later still.
    await db.updateTable('productionOrder').set({ quantity: 400 }).where('id', '=', 'O-1').execute();
    await db
      .updateTable('inboundDelivery')
      .set({ eta: now + 8 * HOUR })
      .where('id', '=', 'D-2')
      .execute();
    await db.updateTable('inboundDelivery').set({ status: 'cancelled' }).where('id', '=', 'D-6').execute();
    const later = okValue(await call('alerts.list', {})).find((alert) => alert.kind === 'stoppage_predicted');
    expect(later).toMatchObject({ severity: 'warning' });
    expect(later!.at - now).toBeGreaterThan(4 * HOUR);
    await db
      .updateTable('stock')
      .set({ onHand: 1000 })
      .where('partId', 'in', ['4711-001', '4711-002'])
      .execute();
    const cleared = okValue(await call('alerts.list', {}));
    expect(cleared.some((alert) => alert.kind === 'stoppage_predicted')).toBe(false);
  });
});

describe('the plan judged over its whole length', () => {
  it('gives the metrics the proposals compare with, free of the horizon’s cut', async () => {
    await t.ctx.database.db
      .insertInto('setting')
      .values({ key: 'planning.horizonMinutes', value: '120', updatedAt: t.clock.now() })
      .execute();
    const overview = okValue(await call('coverage.overview', {}));
    expect(overview.horizonEnd).toBe(t.clock.now() + 120 * MINUTE);
    // Within two hours O-2 is half made and O-3 not begun: units "unproduced" that the plan makes later.
    expect(overview.metrics.unproducedUnits).toBeGreaterThan(100);
    expect(overview.planMetrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 45,
      tardinessMinutes: 0,
      setups: 2,
      moved: 0,
    });
  });
});
