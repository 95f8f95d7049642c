import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomInstance } from '../../src-main/domain/reschedule/index';
import {
  buildCoverageState,
  withDeliveries,
  withStock,
} from '../../src-main/services/coverage/coverageState';
import { plantFromInstance, syntheticSupplyRow } from '../support/syntheticPlant';

// The projector patches its state for an ETA or a stock change instead of building it afresh;
// the patched projection must be exactly the one a fresh build gives.

const ORIGIN = Date.UTC(2026, 10, 27, 6, 0);

describe('the coverage projection patched in place', () => {
  it('equals a fresh build after ETA changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -240 * 64, max: 240 * 64 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (seed, changes) => {
          const instance = randomInstance(seed, { lines: 3, orders: 12, parts: 8, horizon: 600 });
          if (instance.supplies.length === 0) return;
          let state = buildCoverageState(plantFromInstance(instance, ORIGIN));
          const supplies = [...instance.supplies];
          for (const [pick, shift] of changes) {
            const index = pick % supplies.length;
            const at = Math.max(0, supplies[index]!.at + shift / 64);
            supplies[index] = { ...supplies[index]!, at };
            const row = syntheticSupplyRow(instance, index, ORIGIN, at);
            state = withDeliveries(state, new Set([row.deliveryId]), [row]);
          }
          // The same supplies in the order the patches leave them in (changed trucks last).
          const fresh = buildCoverageState(state.plant);
          expect(state.projection).toEqual(fresh.projection);
          expect(state.evaluation.metrics).toEqual(fresh.evaluation.metrics);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals a fresh build after stock changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat({ max: 400 }), (seed, stock) => {
        const instance = randomInstance(seed, { lines: 2, orders: 10, parts: 6, horizon: 480 });
        const part = instance.parts[seed % Math.max(1, instance.parts.length)];
        if (!part) return;
        const patched = withStock(
          buildCoverageState(plantFromInstance(instance, ORIGIN)),
          new Map([[part.id, stock]]),
        );
        const changed = {
          ...instance,
          parts: instance.parts.map((p) => (p.id === part.id ? { ...p, stock } : p)),
        };
        const fresh = buildCoverageState(plantFromInstance(changed, ORIGIN));
        expect(patched.projection).toEqual(fresh.projection);
      }),
      { numRuns: 150 },
    );
  });

  it('drops the supplies of a truck that was unloaded or cancelled', () => {
    let seed = 1;
    let instance = randomInstance(seed, { lines: 2, orders: 10, parts: 6, horizon: 480 });
    while (instance.supplies.length === 0)
      instance = randomInstance(++seed, { lines: 2, orders: 10, parts: 6, horizon: 480 });
    const state = buildCoverageState(plantFromInstance(instance, ORIGIN));
    const gone = state.plant.supplies[0]!.deliveryId;
    const next = withDeliveries(state, new Set([gone]), []);
    expect(next.plant.supplies.map((supply) => supply.deliveryId)).not.toContain(gone);
    expect(next.plant.instance.supplies).toHaveLength(instance.supplies.length - 1);
  });
});
