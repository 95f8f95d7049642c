import { describe, expect, it } from 'vitest';
import {
  compileInstance,
  movedCount,
  parseInstance,
  parseSchedule,
  randomInstance,
  randomSchedule,
  referenceEvaluate,
} from '../../src-main/domain/reschedule';

// The generator the property test, the recommender's quality test and the benchmarks rely on.

const plantScale = { lines: 20, orders: 600, parts: 400, partsPerProduct: 12, horizon: 2880 };

describe('randomInstance', () => {
  it('is deterministic in its seed', () => {
    expect(randomInstance(42, { lines: 3, orders: 10, parts: 5 })).toEqual(
      randomInstance(42, { lines: 3, orders: 10, parts: 5 }),
    );
    expect(randomInstance(42, { lines: 3, orders: 10, parts: 5 })).not.toEqual(
      randomInstance(43, { lines: 3, orders: 10, parts: 5 }),
    );
  });

  it('builds a valid plant-scale instance of the requested size', () => {
    const instance = parseInstance(randomInstance(1, plantScale));
    expect(instance.lines).toHaveLength(20);
    expect(instance.orders).toHaveLength(600);
    expect(instance.parts).toHaveLength(400);
    expect(instance.horizon).toBe(2880);
    for (const product of instance.products) expect(Object.keys(product.bom).length).toBeLessThanOrEqual(13);
    const allTimes = [
      ...instance.orders.map((order) => order.due),
      ...instance.supplies.map((supply) => supply.at),
      ...instance.lines.flatMap((line) => [
        ...Object.values(line.minutesPerUnit),
        ...Object.values(line.setup ?? {}).flatMap((row) => Object.values(row)),
      ]),
    ];
    for (const time of allTimes) expect(Number.isInteger(time * 64)).toBe(true);
  });

  it('varies difficulty: shortages with supplies during the horizon, setups, shared parts, eligibility, frozen heads', () => {
    let stopped = 0;
    let suppliedInHorizon = 0;
    let setups = 0;
    let multiEligible = 0;
    let frozen = 0;
    let unlistedParts = 0;
    let sharedParts = 0;
    for (let seed = 0; seed < 200; seed++) {
      const instance = randomInstance(seed, {
        lines: 1 + (seed % 4),
        orders: 1 + (seed % 12),
        parts: 1 + (seed % 8),
      });
      const metrics = referenceEvaluate(instance, { lines: instance.plan });
      if (metrics.stoppageMinutes > 0) stopped++;
      if (metrics.setups > 0) setups++;
      if (instance.supplies.some((supply) => supply.at < instance.horizon)) suppliedInHorizon++;
      if (instance.orders.some((order) => (order.eligibleLines?.length ?? 1) > 1)) multiEligible++;
      if (instance.orders.some((order) => order.frozen)) frozen++;
      const listed = new Set(instance.parts.map((part) => part.id));
      if (instance.products.some((product) => Object.keys(product.bom).some((part) => !listed.has(part)))) {
        unlistedParts++;
      }
      const usage = new Map<string, number>();
      for (const product of instance.products) {
        for (const part of Object.keys(product.bom)) usage.set(part, (usage.get(part) ?? 0) + 1);
      }
      if ([...usage.values()].some((count) => count > 1)) sharedParts++;
    }
    expect(stopped).toBeGreaterThan(40);
    expect(stopped).toBeLessThan(180);
    expect(suppliedInHorizon).toBeGreaterThan(100);
    expect(setups).toBeGreaterThan(60);
    expect(multiEligible).toBeGreaterThan(60);
    expect(frozen).toBeGreaterThan(30);
    expect(unlistedParts).toBeGreaterThan(2);
    expect(sharedParts).toBeGreaterThan(100);
  });
});

describe('randomSchedule', () => {
  it('draws valid schedules that move orders', () => {
    for (let seed = 0; seed < 100; seed++) {
      const instance = randomInstance(seed, { lines: 3, orders: 12, parts: 4, eligibleShare: 0.8 });
      const compiled = compileInstance(instance);
      for (const style of ['shuffle', 'perturb'] as const) {
        const schedule = parseSchedule(instance, randomSchedule(instance, seed, style));
        const sequences = compiled.lineIds.map((id) =>
          schedule.lines[id]!.map((o) => compiled.orderIndex.get(o)!),
        );
        const moved = movedCount(compiled, sequences);
        expect(moved).toBe(referenceEvaluate(instance, schedule).moved);
        if (style === 'perturb') expect(moved).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('compileInstance', () => {
  it('numbers orders, lines and parts, with unlisted parts after the listed ones', () => {
    const instance = parseInstance({
      horizon: 10,
      parts: [{ id: 'P1', stock: 1 }],
      products: [{ id: 'A', bom: { Q: 1, P1: 2 } }],
      lines: [
        { id: 'L1', minutesPerUnit: { A: 1 } },
        { id: 'L2', minutesPerUnit: { A: 1 } },
      ],
      orders: [
        { id: 'O1', product: 'A', quantity: 1, due: 0, frozen: true },
        { id: 'O2', product: 'A', quantity: 1, due: 0, eligibleLines: ['L2', 'L1'] },
      ],
      plan: { L2: ['O2'], L1: ['O1'] },
      supplies: [{ part: 'R', quantity: 1, at: 0 }],
    });
    const compiled = compileInstance(instance);
    expect(compiled.orderIds).toEqual(['O1', 'O2']);
    expect(compiled.lineIds).toEqual(['L1', 'L2']);
    expect(compiled.partIds).toEqual(['P1', 'Q', 'R']);
    expect(compiled.partIndex.get('R')).toBe(2);
    expect(compiled.eligible).toEqual([[0], [0, 1]]);
    expect(compiled.frozenPrefix).toEqual([[0], []]);
    expect(compiled.planSequences).toEqual([[0], [1]]);
    expect(movedCount(compiled, [[0, 1], []])).toBe(1);
  });

  it('refuses times too large to order events exactly by one packed key', () => {
    const instance = randomInstance(3, { lines: 2, orders: 3, parts: 2, horizon: 2 ** 48 });
    expect(() => compileInstance(instance)).toThrow(RangeError);
  });
});
