import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import { attachProjector, detachProjector } from '../../src-main/services/coverage/coverageAccess';
import { CoverageProjector } from '../../src-main/services/coverage/projector';
import { refreshEta } from '../../src-main/services/eta/refreshEta';
import { coveragePlantContext } from '../support/coveragePlant';

const MINUTE = 60_000;
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof coveragePlantContext>>;
beforeEach(async () => {
  t = await coveragePlantContext();
});
afterEach(() => t.dispose());

const call = async <N extends ProcedureName>(name: N, input: unknown) => {
  const result = (await callProcedure(t.ctx, procedures, name, input, viewer, silent)) as Result<
    ProcedureOutput<N>
  >;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
};

describe('deliveries.eta', () => {
  it('explains the estimate of a truck on its way, beside what is stored', async () => {
    const now = t.clock.now();
    const written = refreshEta(t.ctx.database.sqlite, 'D-1', now, {
      kind: 'gps',
      at: now,
      lat: 49.2,
      lon: 12.5,
      speedKmh: 80,
    })!;
    const answer = await call('deliveries.eta', { id: 'D-1' });
    expect(answer.stored).toEqual({
      eta: written.eta,
      source: 'gps',
      confidenceMinutes: written.confidenceMinutes,
    });
    expect(answer.estimate).toEqual(written);
    expect(answer.estimate!.remainingKm).toBeGreaterThan(100);
  });

  it('has nothing to estimate for a truck at the gate, and refuses an unknown delivery', async () => {
    expect((await call('deliveries.eta', { id: 'D-6' })).estimate).toBeNull();
    const missing = await callProcedure(t.ctx, procedures, 'deliveries.eta', { id: 'D-404' }, viewer, silent);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no delivery D-404.' },
    });
    const bad = await callProcedure(t.ctx, procedures, 'deliveries.eta', { id: '' }, viewer, silent);
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('the coverage projection follows the ETA engine', () => {
  let projector: CoverageProjector;
  beforeEach(() => {
    projector = new CoverageProjector(t.ctx, { coalesceMs: 10 });
    attachProjector(t.ctx, projector);
    projector.start();
  });
  afterEach(async () => {
    await projector.close();
    detachProjector(t.ctx);
  });

  it('shows a predicted stoppage once the truck bringing a part is reported too far away to make it', async () => {
    const now = t.clock.now();
    const before = await call('coverage.overview', {});
    // Only the planned shortage of 4711-002; D-1's 200 × 4711-001 (ETA +70) come long before
    // Linie 1's O-3 uses up the 50 left on stock at +235.
    expect(before.stoppages.map((s) => s.partId)).toEqual(['4711-002']);

    // D-1's driver reports from Praha, about 350 km of road away: over four and a half hours.
    const estimate = refreshEta(t.ctx.database.sqlite, 'D-1', now, {
      kind: 'gps',
      at: now,
      lat: 50.08,
      lon: 14.43,
      speedKmh: 82,
    })!;
    expect(estimate.source).toBe('gps');
    expect(estimate.eta).toBeGreaterThan(now + 240 * MINUTE);
    expect(estimate.breakMinutes).toBe(45);
    const changed = new Promise((resolve) => t.ctx.bus.on('coverage.changed', resolve));
    t.ctx.bus.emit('deliveries.changed', { ids: ['D-1'] }); // what the ingest server does after commit
    await changed;

    const after = await call('coverage.overview', {});
    const runOut = after.stoppages.find((s) => s.partId === '4711-001');
    expect(runOut).toMatchObject({ lineId: 'L1', orderId: 'O-3', start: now + 235 * MINUTE });
    expect(runOut!.endingDelivery).toMatchObject({ id: 'D-1', eta: estimate.eta });
  });
});
