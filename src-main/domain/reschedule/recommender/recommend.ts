import { randomStream } from '../../seededRandom';
import { compareMetrics } from '../compare';
import { compileInstance } from '../compile';
import { evaluate } from '../fastEvaluator';
import type { Instance, Metrics, Schedule } from '../types';
import { Budget } from './budget';
import { constructions } from './construct';
import { type SearchRun, sampledSearch, scanningSearch } from './localSearch';
import { moveContext, neighbourhoodSize } from './moves';

export interface RecommendOptions {
  /** Default 1000 ms, or none when maxEvaluations is given (then the run is deterministic). */
  timeLimitMs?: number;
  /** Seeds the search's random draws (default 0). */
  seed?: number;
  /** Clock in milliseconds (default performance.now): injected, the domain reads no clock itself. */
  now?: () => number;
  /** Asked before every evaluation; true ends the search with the best found so far. */
  shouldStop?: () => boolean;
  /** Stop after this many evaluations of a schedule. */
  maxEvaluations?: number;
}

export interface RecommendResult {
  schedule: Schedule;
  metrics: Metrics;
  planMetrics: Metrics;
  /** Schedules evaluated, the plan and the starting constructions included. */
  evaluations: number;
  elapsedMs: number;
  /** Whether the recommendation is strictly better than the plan. */
  improved: boolean;
}

/**
 * Up to this many single-order moves, the search scans the whole neighbourhood (first improvement in
 * a random order); beyond it, it samples moves aimed at the orders the trace blames.
 */
const SCAN_LIMIT = 2500;

/**
 * A re-sequencing recommendation: the best schedule found within the budget, compared
 * lexicographically (RESCHEDULING.md). The plan is the first candidate, so the result is never
 * worse than it; then heuristic constructions, then local search with perturbation from the best.
 */
export function recommend(instance: Instance, options: RecommendOptions = {}): RecommendResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = new Budget({
    now,
    started,
    timeLimitMs:
      options.timeLimitMs ?? (options.maxEvaluations === undefined ? 1000 : Number.POSITIVE_INFINITY),
    maxEvaluations: options.maxEvaluations ?? Number.POSITIVE_INFINITY,
    shouldStop: options.shouldStop,
  });
  const compiled = compileInstance(instance);
  // The plan is evaluated whatever the budget: it is the answer when nothing else fits.
  const planMetrics = budget.spend(() => evaluate(compiled, compiled.planSequences).metrics);
  const run: SearchRun = {
    compiled,
    ctx: moveContext(compiled),
    random: randomStream('recommend', options.seed ?? 0),
    budget,
    best: compiled.planSequences.map((sequence) => [...sequence]),
    bestMetrics: planMetrics,
  };
  for (const construct of constructions(compiled)) {
    if (!budget.allows()) break;
    const start = construct();
    const metrics = budget.spend(() => evaluate(compiled, start).metrics);
    if (compareMetrics(metrics, run.bestMetrics) < 0) {
      run.best = start;
      run.bestMetrics = metrics;
    }
  }
  if (neighbourhoodSize(run.ctx, run.best) <= SCAN_LIMIT) scanningSearch(run);
  else sampledSearch(run);

  const schedule: Schedule = { lines: {} };
  compiled.lineIds.forEach((id, line) => {
    schedule.lines[id] = run.best[line]!.map((order) => compiled.orderIds[order]!);
  });
  return {
    schedule,
    metrics: run.bestMetrics,
    planMetrics,
    evaluations: budget.evaluations,
    elapsedMs: budget.elapsedMs(),
    improved: compareMetrics(run.bestMetrics, planMetrics) < 0,
  };
}
