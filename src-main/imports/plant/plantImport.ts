import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app/context';
import { readSettings } from '../../services/settings/readSettings';
import { type CommitResult, commitPlan, type DataSetCounts, ImportRefused } from './commit';
import type { DataSetName } from './dataSet';
import { type ImportIssue, issue } from './issues';
import { type PlantFile, readPlantFiles } from './readFiles';
import { type ImportMode, MAX_ISSUES, planImport } from './validate';

// The use cases: a dry run that reports what an import would do (and everything wrong with the
// files), and the import itself, which repeats the dry run and commits only when it is clean.

export interface ImportOutcome {
  jobId: string;
  /** True when the import was written; false when nothing changed (see issues). */
  committed: boolean;
  dataSets: DataSetCounts[];
  issues: ImportIssue[];
  /** How many issues there were (only the first MAX_ISSUES are listed). */
  issueCount: number;
}

function isDemoPlant(ctx: AppContext): boolean {
  return ctx.database.sqlite.prepare('SELECT 1 FROM site WHERE is_demo = 1 LIMIT 1').get() !== undefined;
}

const DEMO_REFUSAL =
  'the plant is the demo plant: remove the demo first (Settings), then import your own plant';

/** Marks the end of a dry run's trial write so the transaction rolls back. */
class TrialDone extends Error {
  constructor(readonly result: CommitResult) {
    super('trial write done');
  }
}

interface RunOptions {
  mode: ImportMode;
  jobId?: string;
  /** Where the files came from, for the stock movements' note ("import", "sync"). */
  origin?: string;
  /** The data sets this way in may bring (the sync folder: stock and orders). */
  only?: readonly DataSetName[];
  dryRun: boolean;
}

async function run(
  ctx: AppContext,
  files: readonly PlantFile[],
  options: RunOptions,
): Promise<ImportOutcome> {
  const jobId = options.jobId ?? randomUUID();
  const { sqlite } = ctx.database;
  const emit = (phase: 'validate' | 'write' | 'remove' | 'done', done: number, total: number) => {
    if (!options.dryRun) ctx.bus.emit('import.progress', { jobId, phase, done, total });
  };
  emit('validate', 0, files.length);
  const read = await readPlantFiles(files);
  // A part without its own put-away time gets the plant's default (settings: lead times).
  const defaults = { 'parts.put_away_minutes': String(readSettings(sqlite).putAwayMinutes) };
  const plan = planImport(sqlite, read.tables, options.mode, read.issues, defaults);
  for (const table of read.tables) {
    if (options.only && !options.only.includes(table.dataSet)) {
      plan.issues.push(
        issue(
          table.source,
          table.dataSet,
          null,
          null,
          `only ${options.only.join(' and ')} may come this way`,
        ),
      );
    }
  }
  if (isDemoPlant(ctx)) plan.issues.unshift(issue('(plant)', null, null, null, DEMO_REFUSAL));
  const outcome = (committed: boolean, dataSets: DataSetCounts[], issues: ImportIssue[]): ImportOutcome => ({
    jobId,
    committed,
    dataSets,
    issues: issues.slice(0, MAX_ISSUES),
    issueCount: issues.length,
  });
  const planned = plan.sets.map((set) => ({
    dataSet: set.def.name,
    source: set.source,
    rows: set.rows.length,
    inserted: 0,
    updated: 0,
    deleted: 0,
  }));
  if (plan.issues.length > 0) {
    emit('done', 0, 0);
    return outcome(false, planned, plan.issues);
  }
  const commitOptions = {
    mode: options.mode,
    now: ctx.clock.now(),
    note: options.origin ?? 'import',
    progress: (progress: { phase: 'write' | 'remove' | 'done'; done: number; total: number }) =>
      emit(progress.phase, progress.done, progress.total),
  };
  try {
    if (options.dryRun) {
      // The trial write lets SQLite's own checks speak in the preview too; it is always undone.
      try {
        sqlite.transaction(() => {
          throw new TrialDone(commitPlan(sqlite, plan, commitOptions));
        })();
      } catch (error) {
        if (error instanceof TrialDone) return outcome(false, error.result.counts, []);
        throw error;
      }
      return outcome(false, planned, []);
    }
    const result = commitPlan(sqlite, plan, commitOptions);
    announce(ctx, result);
    return outcome(true, result.counts, []);
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    emit('done', 0, 0);
    return outcome(false, planned, error.issues);
  }
}

/** After commit: every view refetches what it shows. */
function announce(ctx: AppContext, result: CommitResult) {
  const master = result.counts.some((count) => count.dataSet !== 'stock' && count.dataSet !== 'orders');
  if (master) ctx.bus.emit('plant.reset', { demo: false });
  ctx.bus.emit('deliveries.changed', { ids: [] });
  if (result.counts.some((count) => count.dataSet === 'orders'))
    ctx.bus.emit('orders.changed', { lineIds: result.lineIds });
  if (result.partIds.length > 0 || result.counts.some((count) => count.dataSet === 'stock')) {
    ctx.bus.emit('stock.changed', { partIds: result.partIds });
  }
}

/** The dry run: what the import would write, or what is wrong with the files. Changes nothing. */
export function previewPlantImport(ctx: AppContext, files: readonly PlantFile[], mode: ImportMode) {
  return run(ctx, files, { mode, dryRun: true });
}

/** Checks the files and, when they are clean, writes them all in one transaction. */
export function importPlantFiles(
  ctx: AppContext,
  files: readonly PlantFile[],
  options: { mode: ImportMode; jobId?: string; origin?: string; only?: readonly DataSetName[] },
) {
  return run(ctx, files, { ...options, dryRun: false });
}
