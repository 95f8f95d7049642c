import type { AppContext } from '../../app/context';
import type { RecommendResult } from '../../domain/reschedule/recommender/index';
import type { Instance } from '../../domain/reschedule/types';
import { createRecommendationRunner } from './worker/runInWorker';

// How the recommendation service reaches the recommender. The application attaches a runner that
// searches in a worker thread (createLeitstand); without one — tests, tools — the search runs
// inline (worker/runInWorker.ts); this file names only the part of it the service uses.

export interface RecommendationRunOptions {
  timeLimitMs?: number;
  seed?: number;
  maxEvaluations?: number;
}

export interface RecommendationRunnerLike {
  runRecommendation(
    instance: Instance,
    options: RecommendationRunOptions,
    control?: { signal?: AbortSignal },
  ): Promise<RecommendResult>;
}

export interface RecommenderSetup {
  runner: RecommendationRunnerLike;
  /** Default 1000 ms: what a planner waits for a fresh proposal. */
  timeLimitMs?: number;
  /** Makes a run deterministic (tests): it stops after this many evaluations, not after a time. */
  maxEvaluations?: number;
}

/** The search in this thread: for tests and tools running from the TypeScript sources. */
export const inlineRunner: RecommendationRunnerLike = createRecommendationRunner({ mode: 'inline' });

const setups = new WeakMap<AppContext, RecommenderSetup>();

export function attachRecommender(ctx: AppContext, setup: RecommenderSetup): void {
  setups.set(ctx, setup);
}

export function recommenderOf(ctx: AppContext): RecommenderSetup {
  return setups.get(ctx) ?? { runner: inlineRunner };
}

const queues = new WeakMap<AppContext, Promise<unknown>>();

/**
 * Runs planning work (computing proposals, applying or undoing them) one at a time per plant: a
 * proposal is always computed against the plan it will be applied to.
 */
export function serializedPlanning<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const result = previous.then(work, work);
  queues.set(
    ctx,
    result.catch(() => undefined),
  );
  return result;
}
