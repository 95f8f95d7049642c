import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/api/events';
import { attachProjector, detachProjector } from '../../src-main/services/coverage/coverageAccess';
import { CoverageProjector } from '../../src-main/services/coverage/projector';
import { RecommendationAutoRecompute } from '../../src-main/services/recommendation/autoRecompute';
import { startPlanning } from '../../src-main/services/recommendation/planningServices';
import { attachRecommender, inlineRunner } from '../../src-main/services/recommendation/recommenderAccess';
import { listRecommendations } from '../../src-main/services/recommendation/store';
import { loadCoveragePlant } from '../support/coveragePlant';
import { silent } from '../support/planningCalls';
import { testContext } from '../support/testContext';

let t: Awaited<ReturnType<typeof testContext>>;

beforeEach(async () => {
  t = await testContext();
  await loadCoveragePlant(t.ctx);
});
afterEach(() => t.dispose());

const next = <E extends keyof EventMap>(event: E) =>
  new Promise<EventMap[E]>((resolve) => {
    const off = t.ctx.bus.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });

describe('proposals that keep up with the plant', () => {
  it('are computed when the application starts and the projection shows stoppages', async () => {
    const changed = next('recommendations.changed');
    const planning = startPlanning(t.ctx, { logger: silent, coalesceMs: 10, maxEvaluations: 500 });
    try {
      expect((await changed).ids.length).toBeGreaterThan(0);
      const list = await listRecommendations(t.ctx);
      expect(list.open.map((proposal) => proposal.kind)).toContain('resequence');
    } finally {
      await planning.close();
    }
  });

  it('are computed again when the predicted stoppages change, and stop with the application', async () => {
    const projector = new CoverageProjector(t.ctx, { coalesceMs: 10, logger: silent });
    attachProjector(t.ctx, projector);
    attachRecommender(t.ctx, { runner: inlineRunner, maxEvaluations: 500 });
    const auto = new RecommendationAutoRecompute(t.ctx, projector, { minIntervalMs: 0, logger: silent });
    auto.start();
    projector.start();
    try {
      await next('recommendations.changed');
      // The truck arrives early enough: no stoppage, so the proposals go.
      await t.ctx.database.db
        .updateTable('inboundDelivery')
        .set({ eta: t.clock.now() + 30 * 60_000 })
        .where('id', '=', 'D-2')
        .execute();
      const again = next('recommendations.changed');
      t.ctx.bus.emit('deliveries.changed', { ids: ['D-2'] });
      await again;
      expect((await listRecommendations(t.ctx)).open.filter((p) => p.kind === 'expedite')).toEqual([]);
    } finally {
      await auto.close();
      await projector.close();
      detachProjector(t.ctx);
    }
  });
});
