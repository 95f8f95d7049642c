import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledInstance,
  compileInstance,
  evaluate,
  type Instance,
  type Metrics,
  parseInstance,
  parseSchedule,
  type RandomInstanceSize,
  randomInstance,
  randomSchedule,
  referenceEvaluate,
  type Schedule,
  scheduleSequences,
} from '../../src-main/domain/reschedule';

// The fast evaluator against the plain one on thousands of random instances and schedules: every
// metric equal (counts exactly, minutes within 1e-6), and the trace consistent with the metrics.

function expectSameMetrics(fast: Metrics, reference: Metrics, context: string): void {
  const message = `${context}\nfast ${JSON.stringify(fast)}\nreference ${JSON.stringify(reference)}`;
  expect(fast.unproducedUnits, message).toBe(reference.unproducedUnits);
  expect(fast.setups, message).toBe(reference.setups);
  expect(fast.moved, message).toBe(reference.moved);
  expect(Math.abs(fast.stoppageMinutes - reference.stoppageMinutes), message).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(fast.tardinessMinutes - reference.tardinessMinutes), message).toBeLessThanOrEqual(1e-6);
}

/** The trace tells the same story as the metrics. */
function expectTraceConsistent(compiled: CompiledInstance, sequences: number[][], metrics: Metrics): void {
  const { trace } = evaluate(compiled, sequences, { trace: true });
  expect(trace).toBeDefined();
  const total = compiled.instance.orders.reduce((sum, order) => sum + order.quantity, 0);
  const started = trace!.orders.reduce((sum, order) => sum + order.startedUnits, 0);
  expect(total - started).toBe(metrics.unproducedUnits);
  const stopped = trace!.stoppages.reduce((sum, stoppage) => sum + stoppage.end - stoppage.start, 0);
  expect(stopped).toBeCloseTo(metrics.stoppageMinutes, 6);
  const tardiness = trace!.orders.reduce((sum, order) => sum + order.tardiness, 0);
  expect(tardiness).toBeCloseTo(metrics.tardinessMinutes, 6);
  expect(trace!.orders.filter((order) => order.setupStart !== null)).toHaveLength(metrics.setups);
  for (const stoppage of trace!.stoppages) {
    if (stoppage.resumedBySupply !== null) {
      const supply = compiled.instance.supplies[stoppage.resumedBySupply]!;
      expect(supply.at).toBe(stoppage.end);
      const order = compiled.instance.orders[compiled.orderIndex.get(stoppage.order)!]!;
      const bom = compiled.instance.products.find((product) => product.id === order.product)!.bom;
      expect(Object.keys(bom)).toContain(supply.part);
      expect(Object.keys(bom)).toContain(stoppage.part);
    } else {
      expect(stoppage.end).toBe(compiled.horizon);
    }
  }
}

interface Checked {
  units: number;
  stopped: number;
}

/** Checks the plan and `schedules` random valid schedules of one instance. */
function checkInstance(
  seed: number,
  size: RandomInstanceSize,
  schedules: number,
  withTrace: boolean,
): Checked {
  const generated = randomInstance(seed, size);
  // The generator's instances are valid and survive a JSON round trip unchanged.
  const instance: Instance = parseInstance(JSON.parse(JSON.stringify(generated)));
  expect(instance).toEqual(generated);
  const compiled = compileInstance(instance);
  const candidates: Schedule[] = [{ lines: instance.plan }];
  for (let k = 0; k < schedules; k++) {
    candidates.push(randomSchedule(instance, seed * 31 + k, k % 2 === 0 ? 'shuffle' : 'perturb'));
  }
  let stopped = 0;
  for (const [k, candidate] of candidates.entries()) {
    const schedule = parseSchedule(instance, candidate);
    const sequences = scheduleSequences(compiled, schedule);
    const fast = evaluate(compiled, sequences).metrics;
    const reference = referenceEvaluate(instance, schedule);
    expectSameMetrics(fast, reference, `seed ${seed}, size ${JSON.stringify(size)}, schedule ${k}`);
    if (withTrace) expectTraceConsistent(compiled, sequences, fast);
    if (reference.stoppageMinutes > 0) stopped += 1;
  }
  return { units: instance.orders.reduce((sum, order) => sum + order.quantity, 0), stopped };
}

describe('fast evaluator equals the reference evaluator', () => {
  it('on 5,000 small random instances (1–4 lines, 1–12 orders), each with the plan and 3 random schedules', () => {
    let instances = 0;
    let large = 0;
    let stopped = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.record({
          lines: fc.integer({ min: 1, max: 4 }),
          orders: fc.integer({ min: 1, max: 12 }),
          parts: fc.integer({ min: 0, max: 8 }),
          partsPerProduct: fc.integer({ min: 1, max: 4 }),
          products: fc.integer({ min: 1, max: 5 }),
          horizon: fc.oneof(
            fc.integer({ min: 1, max: 64 * 60 }).map((ticks) => ticks / 64),
            fc.integer({ min: 1, max: 48 }).map((quarters) => quarters * 15),
          ),
          tightness: fc.double({ min: 0, max: 1, noNaN: true }),
          coarse: fc.boolean(),
        }),
        (seed, size) => {
          const checked = checkInstance(seed, size, 3, seed % 4 === 0);
          instances += 1;
          if (checked.units >= 200) large += 1;
          stopped += checked.stopped;
        },
      ),
      { seed: 0x5eed, numRuns: 5000 },
    );
    expect(instances).toBe(5000);
    // The draw covers both small runs and runs of hundreds of units, and material shortages.
    expect(large).toBeGreaterThan(500);
    expect(stopped).toBeGreaterThan(2000);
  });

  it('on medium instances (5–8 lines, 40–80 orders, thousands of units)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const size = {
        lines: 5 + (seed % 4),
        orders: 40 + 2 * seed,
        parts: 30,
        partsPerProduct: 6,
        horizon: 960,
      };
      checkInstance(seed, size, 3, seed % 3 === 0);
    }
  });

  it('on plant-scale instances (20 lines, 600 orders, 400 parts)', () => {
    for (const seed of [1, 2]) {
      checkInstance(
        seed,
        { lines: 20, orders: 600, parts: 400, partsPerProduct: 12, horizon: 2880 },
        1,
        true,
      );
    }
  });

  it('gives the same numbers when one compiled instance evaluates many schedules in turn', () => {
    const instance = randomInstance(7, { lines: 4, orders: 30, parts: 10 });
    const compiled = compileInstance(instance);
    const schedules = Array.from({ length: 20 }, (_, k) => randomSchedule(instance, k));
    const first = schedules.map(
      (schedule) => evaluate(compiled, scheduleSequences(compiled, schedule)).metrics,
    );
    const again = [...schedules]
      .reverse()
      .map((schedule) => evaluate(compiled, scheduleSequences(compiled, schedule)).metrics)
      .reverse();
    expect(again).toEqual(first);
  });
});
