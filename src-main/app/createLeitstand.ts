import { EventBus } from '../api/events';
import { procedures } from '../api/procedures/index';
import { type Caller, callProcedure, type Logger } from '../api/registry';
import type { Result } from '../api/result';
import { startBackups } from '../db/backup/backupService';
import { applyPendingRestore } from '../db/backup/pendingRestore';
import { openDatabase, type PlantDatabase } from '../db/connection';
import { keepWalInCheck } from '../db/walCheckpoint';
import { resumeDemoClock } from '../demo/clockState';
import { loadDemoPlant, plantIsDemo, plantIsEmpty } from '../demo/load';
import type { Simulator } from '../demo/simulator';
import { startFolderSync } from '../imports/plant/folderWatch';
import { demoWasRemoved } from '../imports/plant/removeDemo';
import { startAutoExport } from '../reports/autoExport';
import { startPartnerNotices } from '../services/partnerNotices/dispatcher';
import { type PlanningServices, startPlanning } from '../services/recommendation/planningServices';
import { createRecommendationRunner } from '../services/recommendation/worker/runInWorker';
import { startPositionRetention } from '../services/retention/retentionJob';
import { wallClock } from './clock';
import type { AppContext } from './context';
import { DemoRuntime, SwitchableClock } from './demoRuntime';

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
  /** Send partner notices from the outbox (default true). */
  partnerNotices?: boolean;
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
  /** The demo simulator while the plant is the demo and it runs (it follows loadDemo/removeDemo). */
  simulator: Simulator | null;
  /** Starts and stops the demo's simulator and clock as the plant changes; absent when assembled by hand. */
  demoRuntime?: DemoRuntime;
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
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // A restore asked for in the app (backup.restore) replaces the file before it is opened.
  await applyPendingRestore(options.dbPath, { logger, now: wallNow(), ...native });
  const database = await openDatabase({ path: options.dbPath, ...native });
  try {
    // A plant whose demo a person removed stays empty: they chose their own (first run).
    if (!options.empty && (await plantIsEmpty(database)) && !demoWasRemoved(database.sqlite)) {
      await loadDemoPlant(database, { seed: options.seed ?? DEFAULT_DEMO_SEED, now: wallNow() });
      logger.info(`[leitstand] loaded the demo plant into ${options.dbPath}`);
    }
    const demo = await plantIsDemo(database);
    const speed = options.speed ?? 1;
    // One clock object for the whole run: the demo runtime swaps its source when the demo is
    // loaded or removed (first run, settings), and every service follows without a restart.
    const clock = new SwitchableClock(demo ? await resumeDemoClock(database, speed, wallNow) : wallClock);
    const ctx: AppContext = { database, bus: new EventBus(), clock };
    const demoRuntime = new DemoRuntime(ctx, clock, {
      speed,
      simulate: options.simulate !== false,
      wallNow,
      logger,
    });
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
    // Notices out: the outbox dispatcher follows the event log (from here on) and the projection.
    const notices =
      options.partnerNotices === false ? null : await startPartnerNotices(ctx, { logger, wallNow });
    // The demo's simulator starts here for a demo plant, later when the first run loads the demo.
    await demoRuntime.follow();
    // Background jobs, stopped in this order on close:
    const jobs: { stop(): unknown }[] = [
      // old truck positions thinned to the retention policy (docs/history.md), in small transactions;
      startPositionRetention(ctx, { logger }),
      // each shift's report into the export folder at the shift's end, by the plant clock;
      startAutoExport(ctx, { logger }),
      // scheduled online backups (setting backup.*) and a bounded write-ahead log;
      startBackups(ctx, { logger, wallNow, ...native }),
      keepWalInCheck(database.sqlite, database.path),
      // stock and order files the ERP drops into the sync folder (setting sync.folder), if one is set.
      startFolderSync(ctx, { logger }),
    ];
    const leitstand = assembleLeitstand(ctx, null, logger, planning, notices);
    let closing: Promise<void> | null = null;
    return {
      ...leitstand,
      get simulator() {
        return demoRuntime.simulator;
      },
      demoRuntime,
      close() {
        closing ??= (async () => {
          for (const job of jobs) await job.stop();
          await demoRuntime.close();
          await leitstand.close();
        })();
        return closing;
      },
    };
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
  notices: { close(): Promise<void> } | null = null,
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
        await notices?.close();
        await planning?.close();
        await ctx.database.close();
      })();
      return closing;
    },
  };
}
