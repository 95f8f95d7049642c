import { EventBus } from '../api/events';
import { procedures } from '../api/procedures/index';
import { type Caller, callProcedure, type Logger } from '../api/registry';
import type { Result } from '../api/result';
import { openDatabase, type PlantDatabase } from '../db/connection';
import { resumeDemoClock } from '../demo/clockState';
import { loadDemoPlant, plantIsDemo, plantIsEmpty } from '../demo/load';
import { Simulator } from '../demo/simulator';
import { type PlanningServices, startPlanning } from '../services/recommendation/planningServices';
import { createRecommendationRunner } from '../services/recommendation/worker/runInWorker';
import { type PlantClock, wallClock } from './clock';
import type { AppContext } from './context';

export interface LeitstandOptions {
  dbPath: string;
  nativeBinding?: string;
  /** Start with an empty plant instead of loading the demo into an empty database. */
  empty?: boolean;
  /** Simulated minutes per real minute for the demo plant (default 1). */
  speed?: number;
  /** Seed of the demo plant; the same seed gives the same plant. */
  seed?: number;
  /** Run the demo simulator when the plant is a demo (default true). */
  simulate?: boolean;
  logger?: Logger;
  /** Real time source; tests pass their own. */
  wallNow?: () => number;
  /** The re-sequencing recommender: in a worker thread (default) or inline (tests), and its budget. */
  recommender?: {
    mode?: 'worker' | 'inline';
    timeLimitMs?: number;
    /** A fixed number of evaluations instead of a time limit: the same plant gives the same proposals. */
    maxEvaluations?: number;
    /** Recompute the proposals when the predicted stoppages change (default true). */
    autoRecompute?: boolean;
  };
}

/** The whole application core, without any transport: Electron and `serve` both wrap this. */
export interface Leitstand {
  ctx: AppContext;
  bus: EventBus;
  database: PlantDatabase;
  simulator: Simulator | null;
  /** The coverage projector and the recommender; null when assembled without them. */
  planning: PlanningServices | null;
  call(name: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_SEED = 20261127;

/**
 * A worker thread loads the built bundle's recommendWorker.js; running from the TypeScript sources
 * (tests, tools) there is none, so the search runs inline there.
 */
const defaultRecommenderMode = (): 'worker' | 'inline' =>
  import.meta.url.endsWith('.ts') ? 'inline' : 'worker';

export async function createLeitstand(options: LeitstandOptions): Promise<Leitstand> {
  const logger = options.logger ?? console;
  const wallNow = options.wallNow ?? Date.now;
  const database = await openDatabase({
    path: options.dbPath,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (!options.empty && (await plantIsEmpty(database))) {
      await loadDemoPlant(database, { seed: options.seed ?? DEFAULT_DEMO_SEED, now: wallNow() });
      logger.info(`[leitstand] loaded the demo plant into ${options.dbPath}`);
    }
    const demo = await plantIsDemo(database);
    const clock: PlantClock = demo ? await resumeDemoClock(database, options.speed ?? 1, wallNow) : wallClock;
    const ctx: AppContext = { database, bus: new EventBus(), clock };
    const simulator = demo && options.simulate !== false ? new Simulator(ctx, { logger }) : null;
    const planning = startPlanning(ctx, {
      logger,
      runner: createRecommendationRunner({ mode: options.recommender?.mode ?? defaultRecommenderMode() }),
      ...(options.recommender?.timeLimitMs !== undefined
        ? { timeLimitMs: options.recommender.timeLimitMs }
        : {}),
      ...(options.recommender?.maxEvaluations !== undefined
        ? { maxEvaluations: options.recommender.maxEvaluations }
        : {}),
      ...(options.recommender?.autoRecompute !== undefined
        ? { autoRecompute: options.recommender.autoRecompute }
        : {}),
    });
    simulator?.start();
    return assembleLeitstand(ctx, simulator, logger, planning);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Wraps a ready context (and its simulator, if any) into the application core. */
export function assembleLeitstand(
  ctx: AppContext,
  simulator: Simulator | null,
  logger: Logger = console,
  planning: PlanningServices | null = null,
): Leitstand {
  let closing: Promise<void> | null = null;
  // Procedures reach the simulator through the context (demo.disrupt); only a running one is shown.
  if (simulator) ctx.simulator = simulator;
  return {
    ctx,
    bus: ctx.bus,
    database: ctx.database,
    simulator,
    planning,
    call: (name, input, caller) => callProcedure(ctx, procedures, name, input, caller, logger),
    close() {
      closing ??= (async () => {
        await simulator?.stop();
        await planning?.close();
        await ctx.database.close();
      })();
      return closing;
    },
  };
}
