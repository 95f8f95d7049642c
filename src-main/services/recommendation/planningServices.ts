import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { attachProjector, detachProjector } from '../coverage/coverageAccess';
import { CoverageProjector } from '../coverage/projector';
import { RecommendationAutoRecompute } from './autoRecompute';
import { attachRecommender, inlineRunner, type RecommendationRunnerLike } from './recommenderAccess';

// The planning side of a running Leitstand: the coverage projector that follows the plant, the
// recommender's runner, and the automatic recompute of the proposals. Started with the
// application, closed before the database is.

export interface PlanningOptions {
  logger?: Logger;
  /** The recommender's runner (a worker thread in the app); inline when missing. */
  runner?: RecommendationRunnerLike & { close?(): unknown };
  timeLimitMs?: number;
  maxEvaluations?: number;
  /** Recompute proposals when the predicted stoppages change (default true). */
  autoRecompute?: boolean;
  /** Gathering window of the projector (default 250 ms). */
  coalesceMs?: number;
}

export interface PlanningServices {
  projector: CoverageProjector;
  close(): Promise<void>;
}

export function startPlanning(ctx: AppContext, options: PlanningOptions = {}): PlanningServices {
  const logger = options.logger ?? console;
  const projector = new CoverageProjector(ctx, {
    logger,
    ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
  });
  const runner = options.runner ?? inlineRunner;
  attachRecommender(ctx, {
    runner,
    ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
    ...(options.maxEvaluations !== undefined ? { maxEvaluations: options.maxEvaluations } : {}),
  });
  attachProjector(ctx, projector);
  projector.start();
  const auto =
    options.autoRecompute === false ? null : new RecommendationAutoRecompute(ctx, projector, { logger });
  auto?.start();
  let closing: Promise<void> | null = null;
  return {
    projector,
    close() {
      closing ??= (async () => {
        await auto?.close();
        await projector.close();
        detachProjector(ctx);
        await options.runner?.close?.();
      })();
      return closing;
    },
  };
}
