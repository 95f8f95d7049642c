import { describe, expect, it } from 'vitest';
import { solveExact } from '../../src-main/domain/reschedule/exact';
import { compareMetrics, type Instance, randomInstance } from '../../src-main/domain/reschedule/index';
import { recommend } from '../../src-main/domain/reschedule/recommender/index';

// How good the recommender is, measured against the proven optimum: on instances small enough for
// the exhaustive search it must find the optimum almost always, and on any instance it must never
// return something worse than the plan. The figures are printed so a run shows them.

/** Evaluations the recommender gets per small instance: a fixed budget keeps the test reproducible. */
const SMALL_BUDGET = 3000;

interface SmallCase {
  seed: number;
  instance: Instance;
}

/** 330 instances: 1 line × 4–8 orders and 2 lines × 3–8 orders, tightness from ample to short. */
function smallCases(): SmallCase[] {
  const cases: SmallCase[] = [];
  for (let seed = 1; seed <= 330; seed++) {
    const lines = seed % 3 === 0 ? 1 : 2;
    const orders = lines === 1 ? 4 + (seed % 5) : 3 + (seed % 6);
    const tightness = (seed % 10) / 10;
    cases.push({ seed, instance: randomInstance(seed, { lines, orders, parts: 1 + (seed % 5), tightness }) });
  }
  return cases;
}

describe('recommendation quality', () => {
  it('finds the proven optimum on at least 99 % of small instances, and is never worse than the plan', () => {
    let optimal = 0;
    let evaluations = 0;
    let exactMs = 0;
    let recommendMs = 0;
    const misses: string[] = [];
    const cases = smallCases();
    for (const { seed, instance } of cases) {
      let started = performance.now();
      const exact = solveExact(instance, { timeLimitMs: 20_000 });
      exactMs += performance.now() - started;
      expect(exact.status, `seed ${seed}: exhaustive search proves its optimum`).toBe('optimal');
      started = performance.now();
      const result = recommend(instance, { seed, maxEvaluations: SMALL_BUDGET });
      recommendMs += performance.now() - started;
      evaluations += result.evaluations;
      const gap = compareMetrics(result.metrics, exact.metrics);
      expect(gap, `seed ${seed}: nothing beats a proven optimum`).toBeGreaterThanOrEqual(0);
      expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
      if (gap === 0) optimal += 1;
      else
        misses.push(
          `seed ${seed}: ${JSON.stringify(result.metrics)} vs optimum ${JSON.stringify(exact.metrics)}`,
        );
    }
    const share = optimal / cases.length;
    console.info(
      `recommender found the proven optimum on ${optimal}/${cases.length} small instances (${(share * 100).toFixed(1)} %), ` +
        `mean ${(evaluations / cases.length).toFixed(0)} evaluations (budget ${SMALL_BUDGET}); ` +
        `${(recommendMs / 1000).toFixed(1)} s searching, ${(exactMs / 1000).toFixed(1)} s proving`,
    );
    if (misses.length > 0) console.info(`missed:\n${misses.join('\n')}`);
    expect(share).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it('is never worse than the plan on larger instances (5 lines × 60 orders)', () => {
    let improved = 0;
    let evaluations = 0;
    const count = 20;
    for (let seed = 1; seed <= count; seed++) {
      const instance = randomInstance(1000 + seed, { lines: 5, orders: 60, parts: 30, partsPerProduct: 6 });
      const result = recommend(instance, { seed, maxEvaluations: 400 });
      evaluations += result.evaluations;
      expect(compareMetrics(result.metrics, result.planMetrics)).toBeLessThanOrEqual(0);
      if (result.improved) improved += 1;
    }
    console.info(
      `5 × 60: better than the plan on ${improved}/${count}, never worse; mean ${(evaluations / count).toFixed(0)} evaluations`,
    );
  }, 30_000);
});
