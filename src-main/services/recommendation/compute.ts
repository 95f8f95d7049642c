import type { AppContext } from '../../app/context';
import { compareMetrics, evaluate, parseSchedule, scheduleSequences } from '../../domain/reschedule/index';
import { currentPlanning } from '../coverage/coverageAccess';
import type { CoverageState } from '../coverage/coverageState';
import { dockPriorityDrafts, expediteDrafts } from './dockLevers';
import { recommenderOf, serializedPlanning } from './recommenderAccess';
import { mostRelievedLine, resequenceDraft } from './resequenceProposal';
import { listRecommendations, type ProposalDraft, storeProposals } from './store';
import type { RecommendationList } from './types';

// Computing the proposals: the recommender searches a better sequence for the plant as it
// stands (in a worker thread, about a second), the dock levers are tried against the predicted
// stoppages, and the proposals replace the open ones. The same plant state gives the same
// proposals: the search is seeded.

const DEFAULT_TIME_LIMIT_MS = 1000;
const SEARCH_SEED = 1;

async function resequenceProposal(ctx: AppContext, state: CoverageState): Promise<ProposalDraft | null> {
  const { plant, evaluation, compiled } = state;
  if (plant.instance.orders.length === 0) return null;
  const setup = recommenderOf(ctx);
  const outcome = await setup.runner.runRecommendation(plant.instance, {
    seed: SEARCH_SEED,
    ...(setup.maxEvaluations !== undefined
      ? { maxEvaluations: setup.maxEvaluations }
      : { timeLimitMs: setup.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS }),
  });
  if (!outcome.improved) return null;
  // Checked here again: the schedule came from another thread, and it will be written to the plan.
  const schedule = parseSchedule(plant.instance, outcome.schedule);
  const after = evaluate(compiled, scheduleSequences(compiled, schedule), { trace: true });
  if (compareMetrics(after.metrics, evaluation.metrics) >= 0) return null;
  const focus = mostRelievedLine(evaluation.trace?.stoppages ?? [], after.trace?.stoppages ?? []);
  return resequenceDraft(plant, schedule.lines, evaluation.metrics, after.metrics, focus);
}

export async function computeRecommendations(ctx: AppContext): Promise<RecommendationList> {
  await serializedPlanning(ctx, async () => {
    const state = await currentPlanning(ctx);
    const drafts: ProposalDraft[] = [];
    const resequence = await resequenceProposal(ctx, state);
    if (resequence) drafts.push(resequence);
    drafts.push(...dockPriorityDrafts(state), ...expediteDrafts(state));
    const ids = await storeProposals(ctx.database.db, drafts, ctx.clock.now());
    if (ids.length > 0) ctx.bus.emit('recommendations.changed', { ids });
  });
  return listRecommendations(ctx);
}
