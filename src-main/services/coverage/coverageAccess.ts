import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { buildCoverageState, type CoverageState } from './coverageState';
import { buildPlantInstance } from './instanceFromPlant';
import { partCurve } from './partCurve';
import { planningState, projectionOf } from './planningState';
import type { CoverageProjector } from './projector';
import type { CoverageProjection, PartCurve } from './types';

// How procedures and services reach the coverage projection. The running application attaches
// its projector to the context (createLeitstand); without one — a test context, a one-off tool —
// the projection is computed from the database on each call, with the same result.

const projectors = new WeakMap<AppContext, CoverageProjector>();

export function attachProjector(ctx: AppContext, projector: CoverageProjector): void {
  projectors.set(ctx, projector);
}

export function detachProjector(ctx: AppContext): void {
  projectors.delete(ctx);
}

export function projectorOf(ctx: AppContext): CoverageProjector | null {
  return projectors.get(ctx) ?? null;
}

export async function currentCoverage(ctx: AppContext): Promise<CoverageState> {
  const projector = projectors.get(ctx);
  if (projector) return projector.snapshot();
  return buildCoverageState(await buildPlantInstance(ctx));
}

/** The state the recommender and the planner's what-ifs use: the whole plan's horizon. */
export async function currentPlanning(ctx: AppContext): Promise<CoverageState> {
  return planningState(await currentCoverage(ctx));
}

export async function coverageOverview(ctx: AppContext): Promise<CoverageProjection> {
  return projectionOf(await currentCoverage(ctx));
}

export async function partCoverageCurve(ctx: AppContext, partId: string): Promise<PartCurve> {
  const curve = partCurve(await currentCoverage(ctx), partId);
  if (!curve) throw new DomainError('NOT_FOUND', `There is no part ${partId}.`);
  return curve;
}
