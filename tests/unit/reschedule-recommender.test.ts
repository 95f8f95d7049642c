import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareMetrics,
  compileInstance,
  type Instance,
  parseSchedule,
  randomInstance,
  referenceEvaluate,
} from '../../src-main/domain/reschedule/index';
import { constructions } from '../../src-main/domain/reschedule/recommender/construct';
import { recommend } from '../../src-main/domain/reschedule/recommender/index';
import { improves } from '../../src-main/domain/reschedule/recommender/localSearch';

// The recommender's promises: a valid schedule, never worse than the plan, honest metrics, frozen
// orders untouched, the same answer for the same seed and evaluation budget, and every stop kept.

const line = (id: string, minutesPerUnit: Record<string, number>, extra: object = {}) => ({
  id,
  minutesPerUnit,
  ...extra,
});

/** One line, A and B, no material: only order and due times matter. */
const lateSecond: Instance = {
  horizon: 1000,
  parts: [],
  products: [
    { id: 'A', bom: {} },
    { id: 'B', bom: {} },
  ],
  lines: [line('L1', { A: 1, B: 1 })],
  orders: [
    { id: 'O1', product: 'A', quantity: 100, due: 400 },
    { id: 'O2', product: 'B', quantity: 100, due: 100 },
  ],
  plan: { L1: ['O1', 'O2'] },
  supplies: [],
};

describe('recommend on instances whose answer is known', () => {
  it('puts the urgent order first', () => {
    const result = recommend(lateSecond, { maxEvaluations: 100 });
    expect(result.planMetrics.tardinessMinutes).toBe(100);
    expect(result.schedule.lines).toEqual({ L1: ['O2', 'O1'] });
    expect(result.metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 0,
      setups: 1, // B then A: a change of product, though it takes no time
      moved: 1,
    });
    expect(result.improved).toBe(true);
  });

  it('lets an order whose material is there go before one that would wait for a truck', () => {
    const instance: Instance = {
      horizon: 600,
      parts: [
        { id: 'P1', stock: 0 },
        { id: 'P2', stock: 50 },
      ],
      products: [
        { id: 'A', bom: { P1: 1 } },
        { id: 'B', bom: { P2: 1 } },
      ],
      lines: [line('L1', { A: 1, B: 1 })],
      orders: [
        { id: 'O1', product: 'A', quantity: 50, due: 500 },
        { id: 'O2', product: 'B', quantity: 50, due: 500 },
      ],
      plan: { L1: ['O1', 'O2'] },
      supplies: [{ part: 'P1', quantity: 50, at: 50 }],
    };
    const result = recommend(instance, { maxEvaluations: 100 });
    expect(result.planMetrics.stoppageMinutes).toBe(50);
    expect(result.schedule.lines.L1).toEqual(['O2', 'O1']);
    expect(result.metrics.stoppageMinutes).toBe(0);
  });

  it('moves an order to an idle eligible line', () => {
    const instance: Instance = {
      ...lateSecond,
      lines: [line('L1', { A: 1, B: 1 }), line('L2', { B: 2 })],
      orders: [
        { id: 'O1', product: 'A', quantity: 100, due: 100 },
        { id: 'O2', product: 'B', quantity: 100, due: 200, eligibleLines: ['L1', 'L2'] },
      ],
      plan: { L1: ['O1', 'O2'], L2: [] },
    };
    const result = recommend(instance, { maxEvaluations: 100 });
    expect(result.planMetrics.tardinessMinutes).toBe(0);
    // Already on time: only a setup could be saved, and L2 makes B without one.
    expect(result.schedule.lines).toEqual({ L1: ['O1'], L2: ['O2'] });
  });

  it('never moves a frozen order, even when that would help', () => {
    const instance: Instance = {
      ...lateSecond,
      orders: [{ ...lateSecond.orders[0]!, frozen: true }, lateSecond.orders[1]!],
    };
    const result = recommend(instance, { maxEvaluations: 200 });
    expect(result.schedule.lines).toEqual({ L1: ['O1', 'O2'] });
    expect(result.improved).toBe(false);
    expect(result.metrics).toEqual(result.planMetrics);
  });

  it('keeps the plan when nothing beats it, and copes with no orders at all', () => {
    const optimal = recommend({ ...lateSecond, plan: { L1: ['O2', 'O1'] } }, { maxEvaluations: 200 });
    expect(optimal.schedule.lines).toEqual({ L1: ['O2', 'O1'] });
    expect(optimal.improved).toBe(false);
    const empty = recommend({ ...lateSecond, orders: [], plan: { L1: [] } }, { maxEvaluations: 50 });
    expect(empty.schedule.lines).toEqual({ L1: [] });
    expect(empty.metrics.moved).toBe(0);
  });
});

describe('recommend on random instances', () => {
  it('returns a valid schedule, never worse than the plan, with the reference evaluator’s metrics', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 24 }),
        (seed, lines, orders) => {
          const instance = randomInstance(seed, { lines, orders, parts: 1 + (seed % 6) });
          const result = recommend(instance, { seed, maxEvaluations: 150 });
          const plan = { lines: instance.plan };
          expect(() => parseSchedule(instance, result.schedule)).not.toThrow();
          expect(referenceEvaluate(instance, result.schedule)).toEqual(result.metrics);
          expect(referenceEvaluate(instance, plan)).toEqual(result.planMetrics);
          expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
          expect(result.improved).toBe(compareMetrics(result.metrics, result.planMetrics) < 0);
          expect(result.evaluations).toBeLessThanOrEqual(150);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps schedules valid and metrics honest in the sampled search of larger instances', () => {
    for (let seed = 50; seed < 62; seed++) {
      const instance = randomInstance(seed, {
        lines: 3 + (seed % 3),
        orders: 70 + seed,
        parts: 12,
        frozenShare: 0.3,
      });
      const result = recommend(instance, { seed, maxEvaluations: 120 });
      expect(() => parseSchedule(instance, result.schedule)).not.toThrow();
      expect(referenceEvaluate(instance, result.schedule)).toEqual(result.metrics);
      expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
    }
  });

  it('gives the same answer for the same seed and evaluation budget', () => {
    for (const seed of [3, 17, 29]) {
      const instance = randomInstance(seed, { lines: 3, orders: 30, parts: 5 });
      const first = recommend(instance, { seed, maxEvaluations: 400 });
      const second = recommend(instance, { seed, maxEvaluations: 400 });
      expect(second.schedule).toEqual(first.schedule);
      expect(second.metrics).toEqual(first.metrics);
      expect(second.evaluations).toBe(first.evaluations);
    }
  });

  it('keeps the time limit on the injected clock', () => {
    const instance = randomInstance(11, { lines: 3, orders: 40, parts: 6 });
    let clock = 0;
    // Every look at the clock is 0.25 ms later: a run of 40 ms, whatever the machine.
    const result = recommend(instance, { timeLimitMs: 40, now: () => (clock += 0.25) });
    expect(result.elapsedMs).toBeLessThanOrEqual(41);
    expect(result.elapsedMs).toBeGreaterThan(35);
    expect(result.evaluations).toBeGreaterThan(5);
  });

  it('stops when asked, with the best found so far', () => {
    const instance = randomInstance(12, { lines: 3, orders: 40, parts: 6 });
    let asked = 0;
    const result = recommend(instance, { timeLimitMs: 60_000, shouldStop: () => ++asked > 30 });
    expect(result.evaluations).toBeLessThanOrEqual(31);
    expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
  });

  it('evaluates only the plan when the budget is a single evaluation', () => {
    const instance = randomInstance(13, { lines: 2, orders: 10, parts: 3 });
    const result = recommend(instance, { maxEvaluations: 1 });
    expect(result.evaluations).toBe(1);
    expect(result.schedule.lines).toEqual(instance.plan);
    expect(result.improved).toBe(false);
  });
});

describe('starting schedules', () => {
  it('are all valid: every order once, on an eligible line, frozen heads kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        (seed, lines, orders) => {
          const instance = randomInstance(seed, { lines, orders, parts: 1 + (seed % 5), frozenShare: 0.3 });
          const compiled = compileInstance(instance);
          for (const construct of constructions(compiled)) {
            const sequences = construct();
            const schedule = {
              lines: Object.fromEntries(
                compiled.lineIds.map((id, l) => [id, sequences[l]!.map((o) => compiled.orderIds[o]!)]),
              ),
            };
            expect(() => parseSchedule(instance, schedule)).not.toThrow();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the search’s unrolled comparison', () => {
  it('agrees with compareMetrics', () => {
    const minutes = fc.oneof(
      fc.constantFrom(0, 1, 1 + 5e-7, 1 + 2e-6, 2.5),
      fc.double({ min: 0, max: 10, noNaN: true }),
    );
    const metrics = fc.record({
      unproducedUnits: fc.integer({ min: 0, max: 3 }),
      stoppageMinutes: minutes,
      tardinessMinutes: minutes,
      setups: fc.integer({ min: 0, max: 3 }),
      moved: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(metrics, metrics, (a, b) => {
        expect(improves(a, b)).toBe(compareMetrics(a, b) < 0);
      }),
      { numRuns: 2000 },
    );
  });
});
