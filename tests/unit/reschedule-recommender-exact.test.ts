import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveExact } from '../../src-main/domain/reschedule/exact';
import {
  type CompiledInstance,
  compareMetrics,
  compileInstance,
  evaluate,
  type Instance,
  type Metrics,
  movedCount,
  randomInstance,
  randomSchedule,
  referenceEvaluate,
  scheduleSequences,
} from '../../src-main/domain/reschedule/index';
import { labelSequences, orderClasses } from '../../src-main/domain/reschedule/recommender/exactClasses';
import {
  createTimeline,
  simulateSequences,
} from '../../src-main/domain/reschedule/recommender/exactTimeline';

// The exhaustive search must be right before it can judge the recommender: its time-ordered
// simulation equals the reference evaluator, and its optimum equals brute force over every schedule.

/** Every valid schedule: each unfrozen order inserted at every position of every eligible line. */
function* allSchedules(compiled: CompiledInstance): Generator<number[][]> {
  const free = compiled.orderIds.map((_, o) => o).filter((o) => !compiled.orderFrozen[o]);
  const sequences = compiled.frozenPrefix.map((prefix) => [...prefix]);
  function* insert(k: number): Generator<number[][]> {
    if (k === free.length) {
      yield sequences;
      return;
    }
    const order = free[k]!;
    for (const line of compiled.eligible[order]!) {
      const sequence = sequences[line]!;
      for (let at = compiled.frozenPrefix[line]!.length; at <= sequence.length; at++) {
        sequence.splice(at, 0, order);
        yield* insert(k + 1);
        sequence.splice(at, 1);
      }
    }
  }
  yield* insert(0);
}

function bruteForce(instance: Instance): { metrics: Metrics; count: number } {
  const compiled = compileInstance(instance);
  let best: Metrics | null = null;
  let count = 0;
  for (const sequences of allSchedules(compiled)) {
    count += 1;
    const { metrics } = evaluate(compiled, sequences);
    if (!best || compareMetrics(metrics, best) < 0) best = metrics;
  }
  return { metrics: best!, count };
}

const small = (seed: number, lines: number, orders: number) =>
  randomInstance(seed, { lines, orders, parts: 1 + (seed % 4), partsPerProduct: 2 });

describe('the exhaustive search’s timeline', () => {
  it('gives the reference evaluator’s numbers for any schedule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 9 }),
        (seed, lines, orders) => {
          const instance = small(seed, lines, orders);
          const compiled = compileInstance(instance);
          const timeline = createTimeline(compiled, orderClasses(compiled));
          for (const style of ['shuffle', 'perturb'] as const) {
            const schedule = randomSchedule(instance, seed, style);
            const { moved: _moved, ...expected } = referenceEvaluate(instance, schedule);
            expect(simulateSequences(timeline, scheduleSequences(compiled, schedule))).toEqual(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('labelling interchangeable orders', () => {
  it('keeps the LCS with the plan: moved is as low as for the best concrete choice', () => {
    const instance: Instance = {
      horizon: 600,
      parts: [],
      products: [{ id: 'A', bom: {} }],
      lines: [{ id: 'L1', minutesPerUnit: { A: 1 } }],
      orders: ['O1', 'O2', 'O3'].map((id) => ({ id, product: 'A', quantity: 5, due: 100 })),
      plan: { L1: ['O1', 'O2', 'O3'] },
      supplies: [],
    };
    const compiled = compileInstance(instance);
    const classes = orderClasses(compiled);
    expect(classes.members).toEqual([[0, 1, 2]]);
    const labelled = labelSequences(classes, compiled.planSequences, [[0, 0, 0]]);
    expect(labelled).toEqual([[0, 1, 2]]);
    expect(movedCount(compiled, labelled)).toBe(0);
  });
});

describe('solveExact', () => {
  it('finds the brute-force optimum and proves it', () => {
    let schedules = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const lines = 1 + (seed % 2);
      const orders = 2 + (seed % 5);
      const instance = small(seed, lines, orders);
      const exact = solveExact(instance, { timeLimitMs: 20_000 });
      const brute = bruteForce(instance);
      schedules += brute.count;
      expect(exact.status).toBe('optimal');
      expect(exact.metrics, `seed ${seed}`).toEqual(brute.metrics);
      expect(referenceEvaluate(instance, exact.schedule)).toEqual(exact.metrics);
    }
    console.info(`solveExact matched brute force on 120 instances (${schedules} schedules enumerated)`);
  });

  it('branches once per group of interchangeable orders, yet finds the fewest moves', () => {
    // Four identical A orders and two identical B orders: swapping twins changes nothing but `moved`.
    const twin = (id: string, product: string, due: number) => ({
      id,
      product,
      quantity: 40,
      due,
      eligibleLines: ['L1', 'L2'],
    });
    const instance: Instance = {
      horizon: 400,
      parts: [{ id: 'P1', stock: 150 }],
      products: [
        { id: 'A', bom: { P1: 1 } },
        { id: 'B', bom: {} },
        { id: 'C', bom: {} },
      ],
      lines: [
        {
          id: 'L1',
          minutesPerUnit: { A: 1, B: 1.5, C: 1 },
          setup: { A: { B: 10 }, B: { A: 10 } },
          initialProduct: 'A',
        },
        { id: 'L2', minutesPerUnit: { A: 1.25, B: 1, C: 2 }, setup: { B: { A: 5 } }, initialProduct: 'B' },
      ],
      orders: [
        twin('O1', 'A', 120),
        twin('O2', 'B', 60),
        twin('O3', 'A', 120),
        twin('O4', 'A', 120),
        twin('O5', 'B', 60),
        twin('O6', 'A', 120),
        { id: 'O7', product: 'C', quantity: 30, due: 40, eligibleLines: ['L1'] },
      ],
      plan: { L1: ['O1', 'O2', 'O3', 'O7'], L2: ['O4', 'O5', 'O6'] },
      supplies: [{ part: 'P1', quantity: 60, at: 90 }],
    };
    const classes = orderClasses(compileInstance(instance));
    expect(classes.members.map((members) => members.length).sort()).toEqual([1, 2, 4]);
    const exact = solveExact(instance);
    expect(exact.status).toBe('optimal');
    expect(exact.metrics).toEqual(bruteForce(instance).metrics);
    expect(referenceEvaluate(instance, exact.schedule)).toEqual(exact.metrics);
  });

  it('matches brute force where most orders have twins', () => {
    let twins = 0;
    for (let seed = 300; seed < 340; seed++) {
      const drawn = randomInstance(seed, { lines: 2, orders: 7, parts: 2, products: 2, eligibleShare: 0.8 });
      // Every order of a product takes the quantity and due time of the product's first order.
      const first = new Map<string, { quantity: number; due: number }>();
      const orders = drawn.orders.map((order) => {
        const model = first.get(order.product) ?? { quantity: order.quantity, due: order.due };
        first.set(order.product, model);
        return { ...order, ...model };
      });
      const instance = { ...drawn, orders };
      const classes = orderClasses(compileInstance(instance));
      twins += orders.length - classes.members.length;
      const exact = solveExact(instance);
      expect(exact.metrics, `seed ${seed}`).toEqual(bruteForce(instance).metrics);
    }
    expect(twins).toBeGreaterThan(60);
  });

  it('keeps frozen prefixes and returns a valid schedule', () => {
    for (let seed = 200; seed < 240; seed++) {
      const instance = randomInstance(seed, { lines: 2, orders: 6, parts: 3, frozenShare: 0.6 });
      const exact = solveExact(instance);
      const compiled = compileInstance(instance);
      const sequences = scheduleSequences(compiled, exact.schedule);
      compiled.frozenPrefix.forEach((prefix, line) => {
        expect(sequences[line]!.slice(0, prefix.length)).toEqual(prefix);
      });
      expect(sequences.flat().sort((a, b) => a - b)).toEqual(compiled.orderIds.map((_, o) => o));
    }
  });

  it('says "limit" with the best so far when time runs out', () => {
    const instance = randomInstance(7, { lines: 2, orders: 14, parts: 4 });
    let clock = 0;
    const exact = solveExact(instance, { timeLimitMs: 50, now: () => (clock += 1) });
    expect(exact.status).toBe('limit');
    const plan = evaluate(compileInstance(instance), compileInstance(instance).planSequences).metrics;
    expect(compareMetrics(exact.metrics, plan)).toBeLessThanOrEqual(0);
  });
});
