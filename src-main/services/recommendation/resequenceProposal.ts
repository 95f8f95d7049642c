import type { EvaluationTrace } from '../../domain/reschedule/index';
import type { Metrics } from '../../domain/reschedule/types';
import type { PlantInstance } from '../coverage/instanceFromPlant';
import { resequenceSummary } from './sentences';
import type { ProposalDraft } from './store';
import type { ResequencePayload, ResequenceSentence, SequenceChange } from './types';

// A new sequence as a proposal: which orders a planner has to pick up and re-insert (those
// outside the longest common subsequence of each line, as the `moved` metric counts them), the
// biggest of those moves in one sentence, and the lines the new sequence changes.

type Sequences = Readonly<Record<string, readonly string[]>>;

/** Indices into `sequence` of one longest subsequence whose plan positions increase. */
function keptIndices(sequence: readonly string[], planPosition: ReadonlyMap<string, number>): Set<number> {
  const items = sequence
    .map((orderId, index) => ({ index, position: planPosition.get(orderId) }))
    .filter((item): item is { index: number; position: number } => item.position !== undefined);
  const tails: number[] = [];
  const previous: number[] = new Array(items.length).fill(-1);
  items.forEach((item, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (items[tails[middle]!]!.position < item.position) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!)
    kept.add(items[i]!.index);
  return kept;
}

export function sequenceChanges(previous: Sequences, next: Sequences): SequenceChange[] {
  const from = new Map<string, { line: string; index: number }>();
  for (const [line, sequence] of Object.entries(previous)) {
    sequence.forEach((orderId, index) => {
      from.set(orderId, { line, index });
    });
  }
  const changes: SequenceChange[] = [];
  for (const [line, sequence] of Object.entries(next)) {
    const planPosition = new Map((previous[line] ?? []).map((orderId, index) => [orderId, index]));
    const kept = keptIndices(sequence, planPosition);
    sequence.forEach((orderId, index) => {
      if (kept.has(index)) return;
      const origin = from.get(orderId);
      changes.push({
        orderId,
        fromLine: origin?.line ?? line,
        toLine: line,
        fromIndex: origin?.index ?? -1,
        toIndex: index,
      });
    });
  }
  return changes;
}

/** The lines whose sequence differs, with their new sequence. */
export function changedLines(previous: Sequences, next: Sequences): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  for (const [line, sequence] of Object.entries(next)) {
    const before = previous[line] ?? [];
    if (before.length !== sequence.length || before.some((orderId, index) => sequence[index] !== orderId)) {
      lines[line] = [...sequence];
    }
  }
  return lines;
}

/** The move to name: one on the line it helps most (if given), else the farthest. */
function biggestChange(changes: readonly SequenceChange[], focusLineId: string | undefined) {
  const weight = (change: SequenceChange) =>
    (change.fromLine !== change.toLine ? 1000 : Math.abs(change.toIndex - change.fromIndex)) +
    (focusLineId !== undefined && change.toLine === focusLineId ? 10_000 : 0);
  return [...changes].sort((a, b) => weight(b) - weight(a))[0];
}

export function resequenceSentence(
  plant: PlantInstance,
  next: Sequences,
  changes: readonly SequenceChange[],
  before: Metrics,
  after: Metrics,
  focusLineId: string | undefined,
  manual: boolean,
): ResequenceSentence {
  const lineName = (id: string) => plant.lines.find((line) => line.id === id)?.name ?? id;
  const change = biggestChange(changes, focusLineId);
  let relation: ResequenceSentence['params']['relation'] = 'before';
  let reference: string | null = null;
  if (change) {
    const sequence = next[change.toLine] ?? [];
    if (change.fromLine !== change.toLine) {
      relation = 'onto';
      reference = sequence[change.toIndex + 1] ?? null;
    } else if (change.toIndex < change.fromIndex) {
      reference = sequence[change.toIndex + 1] ?? null;
    } else {
      relation = 'after';
      reference = sequence[change.toIndex - 1] ?? null;
    }
    if (reference === null && relation !== 'onto') relation = 'onto';
  }
  return {
    key: 'resequence',
    params: {
      orderId: change?.orderId ?? '',
      relation,
      referenceOrderId: reference,
      lineName: lineName(change?.fromLine ?? ''),
      toLineName: change && change.fromLine !== change.toLine ? lineName(change.toLine) : null,
      ordersMoved: changes.length,
      stoppageMinutesBefore: before.stoppageMinutes,
      stoppageMinutesAfter: after.stoppageMinutes,
      tardinessMinutesBefore: before.tardinessMinutes,
      tardinessMinutesAfter: after.tardinessMinutes,
      unproducedUnitsBefore: before.unproducedUnits,
      unproducedUnitsAfter: after.unproducedUnits,
      setupsDelta: after.setups - before.setups,
      manual,
    },
  };
}

type Stoppages = EvaluationTrace['stoppages'];

/** The line whose waiting time drops most from `before` to `after`; undefined when none drops. */
export function mostRelievedLine(before: Stoppages, after: Stoppages): string | undefined {
  const minutes = new Map<string, number>();
  for (const stoppage of before)
    minutes.set(stoppage.line, (minutes.get(stoppage.line) ?? 0) + stoppage.end - stoppage.start);
  for (const stoppage of after)
    minutes.set(stoppage.line, (minutes.get(stoppage.line) ?? 0) - (stoppage.end - stoppage.start));
  let best: string | undefined;
  let relief = 0.5;
  for (const [line, saved] of minutes) {
    if (saved > relief) {
      best = line;
      relief = saved;
    }
  }
  return best;
}

/** A resequence proposal from the plan and a better schedule of the same instance. */
export function resequenceDraft(
  plant: PlantInstance,
  schedule: Sequences,
  before: Metrics,
  after: Metrics,
  /** The line whose stoppages the new sequence cuts most, if any: its move is the one named. */
  focusLineId: string | undefined,
  manual = false,
): ProposalDraft {
  const previous = plant.instance.plan;
  const lines = changedLines(previous, schedule);
  const changes = sequenceChanges(previous, lines);
  const sentence = resequenceSentence(plant, lines, changes, before, after, focusLineId, manual);
  const payload: ResequencePayload = {
    sentence,
    lines,
    changes,
    previous: Object.fromEntries(Object.entries(previous).map(([line, sequence]) => [line, [...sequence]])),
  };
  return { kind: 'resequence', summary: resequenceSummary(sentence, before, after), before, after, payload };
}
