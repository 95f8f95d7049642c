import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { evaluate, scheduleSequences } from '../../domain/reschedule/index';
import { currentCoverage } from '../coverage/coverageAccess';
import type { CoverageState } from '../coverage/coverageState';
import { planningState } from '../coverage/planningState';
import { predictedStoppages } from '../coverage/projection';
import type { Metrics, PredictedStoppage } from '../coverage/types';
import { serializedPlanning } from './recommenderAccess';
import { changedLines, mostRelievedLine, resequenceDraft } from './resequenceProposal';
import { checkSequence, logPlanning, requireSequences, writeSequences } from './sequenceWrite';
import { findRecommendation, insertValues, newRecommendationId } from './store';
import type { Recommendation } from './types';

// A planner's own sequence (drag and drop in the Lines view): its predicted effect before it is
// saved, and saving it like an applied proposal — one transaction with its audit entry, kept as a
// 'resequence' recommendation so that recommendations.undo takes it back.

export interface SequenceEvaluation {
  before: Metrics;
  after: Metrics;
  stoppagesAfter: PredictedStoppage[];
  valid: true;
}

type Lines = Readonly<Record<string, readonly string[]>>;

function evaluateLines(state: CoverageState, lines: Lines) {
  const { plant, compiled } = state;
  const schedule = checkSequence(plant.instance, lines, 'input');
  const evaluation = evaluate(compiled, scheduleSequences(compiled, { lines: schedule }), { trace: true });
  return { schedule, evaluation };
}

/**
 * Before/after metrics over the whole plan (as proposals have them); the stoppages after, within
 * the coverage horizon the view shows.
 */
export async function evaluateSequence(ctx: AppContext, lines: Lines): Promise<SequenceEvaluation> {
  const coverage = await currentCoverage(ctx);
  const state = planningState(coverage);
  const { schedule, evaluation } = evaluateLines(state, lines);
  const stoppages = evaluation.trace ? predictedStoppages(state.plant, evaluation.trace, schedule) : [];
  return {
    before: state.evaluation.metrics,
    after: evaluation.metrics,
    stoppagesAfter: stoppages.filter((stoppage) => stoppage.start < coverage.projection.horizonEnd),
    valid: true,
  };
}

export function saveSequence(ctx: AppContext, lines: Lines): Promise<Recommendation> {
  return serializedPlanning(ctx, async () => {
    const state = planningState(await currentCoverage(ctx));
    const { schedule, evaluation } = evaluateLines(state, lines);
    const changed = changedLines(state.plant.instance.plan, schedule);
    if (Object.keys(changed).length === 0) {
      throw new DomainError('INVALID_INPUT', 'lines: the sequence is the same as the plan; nothing to save', {
        issues: [{ field: 'lines', message: 'the sequence is the same as the plan' }],
      });
    }
    const draft = resequenceDraft(
      state.plant,
      schedule,
      state.evaluation.metrics,
      evaluation.metrics,
      mostRelievedLine(state.evaluation.trace?.stoppages ?? [], evaluation.trace?.stoppages ?? []),
      true,
    );
    if (draft.kind !== 'resequence') throw new Error('a manual sequence is a resequence');
    const { sqlite } = ctx.database;
    const now = ctx.clock.now();
    const id = newRecommendationId(now);
    const expected = Object.fromEntries(
      Object.keys(changed).map((line) => [line, [...(state.plant.instance.plan[line] ?? [])]]),
    );
    const values = insertValues(id, draft, now);
    const superseded = sqlite.transaction(() => {
      requireSequences(sqlite, expected, 'the sequence was loaded');
      writeSequences(sqlite, changed);
      sqlite
        .prepare(
          `INSERT INTO recommendation (id, created_at, kind, summary, payload, before_metrics, after_metrics, status,
             decided_at, decided_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, 'applied', ?, 'planner', NULL)`,
        )
        .run(
          id,
          now,
          values.kind,
          values.summary,
          values.payload,
          values.beforeMetrics,
          values.afterMetrics,
          now,
        );
      logPlanning(sqlite, {
        at: now,
        kind: 'sequence.applied',
        recommendationId: id,
        payload: { previous: expected, new: changed, summary: draft.summary, manual: true },
      });
      const stale = sqlite
        .prepare("SELECT id FROM recommendation WHERE status = 'open' AND kind = 'resequence'")
        .all() as { id: string }[];
      sqlite
        .prepare(
          "UPDATE recommendation SET status = 'superseded' WHERE status = 'open' AND kind = 'resequence'",
        )
        .run();
      return stale.map((row) => row.id);
    })();
    ctx.bus.emit('orders.changed', { lineIds: Object.keys(changed) });
    ctx.bus.emit('recommendations.changed', { ids: [id, ...superseded] });
    const saved = await findRecommendation(ctx.database.db, id);
    if (!saved) throw new Error(`recommendation ${id} was not stored`);
    return saved;
  });
}
