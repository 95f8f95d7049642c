import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, randomInstance } from '../../src-main/domain/reschedule/index';
import { buildCoverageState, withDeliveries } from '../../src-main/services/coverage/coverageState';
import { partCurve } from '../../src-main/services/coverage/partCurve';
import { deriveProjection } from '../../src-main/services/coverage/projection';
import { epochOf } from '../../src-main/services/coverage/supplyAvailability';
import { plantFromInstance, syntheticSupplyRow } from '../support/syntheticPlant';

// The projection is derived from a trace without stock curves (partEmpty instead); it must be the
// projection the full trace gives, coverageUntil computed from the curves as it was before, and
// partCurve() must give the full trace's curve.

const ORIGIN = Date.UTC(2026, 10, 27, 6, 0);

/** coverageUntil as computed from the stock curve (in instance minutes). */
function coverageEndFromCurve(
  onHand: number,
  points: readonly { t: number; stock: number }[],
  firstStoppage: number | undefined,
): number | null {
  let consumed = false;
  let previous = onHand;
  let emptyAt: number | null = null;
  for (const point of points) {
    if (point.stock < previous) consumed = true;
    previous = point.stock;
    if (consumed && point.stock <= 0) {
      emptyAt = point.t;
      break;
    }
  }
  if (firstStoppage === undefined) return emptyAt;
  return emptyAt === null ? firstStoppage : Math.min(emptyAt, firstStoppage);
}

describe('the coverage projection from the trace without stock curves', () => {
  it('equals the one the full trace gives, before and after an ETA change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        fc.integer({ min: -240 * 64, max: 240 * 64 }),
        (seed, pick, shift) => {
          const instance = randomInstance(seed, { lines: 3, orders: 14, parts: 8, horizon: 600 });
          let state = buildCoverageState(plantFromInstance(instance, ORIGIN));
          const states = [state];
          if (instance.supplies.length > 0) {
            const index = pick % instance.supplies.length;
            const at = Math.max(0, instance.supplies[index]!.at + shift / 64);
            const row = syntheticSupplyRow(instance, index, ORIGIN, at);
            state = withDeliveries(state, new Set([row.deliveryId]), [row]);
            states.push(state);
          }
          for (const current of states) {
            const { plant, compiled, projection } = current;
            expect(current.evaluation.trace!.stockCurves).toBeUndefined();
            const full = evaluate(compiled, compiled.planSequences, { trace: true });
            expect(deriveProjection(plant, full)).toEqual(projection);
            const trace = full.trace!;
            const firstStoppage = new Map<string, number>();
            for (const stoppage of trace.stoppages) {
              const known = firstStoppage.get(stoppage.part);
              if (known === undefined || stoppage.start < known)
                firstStoppage.set(stoppage.part, stoppage.start);
            }
            const expected = trace
              .stockCurves!.filter((curve) => plant.parts.has(curve.part))
              .map((curve) => {
                const until = coverageEndFromCurve(
                  plant.parts.get(curve.part)!.onHand,
                  curve.points,
                  firstStoppage.get(curve.part),
                );
                return [curve.part, until === null ? null : epochOf(until, plant.origin)] as const;
              })
              .sort((a, b) => a[0].localeCompare(b[0]));
            const actual = projection.parts
              .map((part) => [part.id, part.coverageUntil] as const)
              .sort((a, b) => a[0].localeCompare(b[0]));
            expect(actual).toEqual(expected);
            for (const curve of trace.stockCurves!) {
              const points = curve.points.map((point) => ({
                t: epochOf(point.t, plant.origin),
                stock: point.stock,
              }));
              expect(partCurve(current, curve.part)?.points).toEqual(points);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
