import { useMemo } from 'react';
import type { TimeScale } from '../docks/timeScale';
import { type BandSegment, coverageBand, type Interval, intersect, intervalsBelow } from './coverageBand';
import { eligibleLinesOf, type OrderPlace } from './draftSequence';
import { type LineLayout, layoutDraft, layoutPlan, learnRates } from './ganttLayout';
import type { OrderHistory } from './orderHistory';
import type { CoverageOverview, PartCoverageCurve, PredictedStoppage } from './types';
import type { SequenceDraft } from './useSequenceDraft';

export interface BoardModel {
  layouts: Map<string, LineLayout>;
  stoppages: PredictedStoppage[];
  stoppagesByLine: Map<string, PredictedStoppage[]>;
  bands: Map<string, BandSegment[]>;
  frozenUntil: Map<string, number | null>;
  crossLine: boolean;
  /** Stoppages are the draft's (from its evaluation), not the plan's. */
  previewStoppages: boolean;
}

function byLine(stoppages: readonly PredictedStoppage[]): Map<string, PredictedStoppage[]> {
  const map = new Map<string, PredictedStoppage[]>();
  for (const stoppage of stoppages) {
    const list = map.get(stoppage.lineId) ?? [];
    list.push(stoppage);
    map.set(stoppage.lineId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.start - b.start);
  return map;
}

/**
 * Where everything on the board goes: the plan as evaluated, or the draft's preview with the
 * stoppages its evaluation predicts; the coverage band from the stoppages and the stock curves.
 */
export function useBoardModel(
  overview: CoverageOverview | undefined,
  draft: SequenceDraft,
  places: ReadonlyMap<string, OrderPlace>,
  curves: ReadonlyMap<string, PartCoverageCurve>,
  scale: TimeScale,
  history: OrderHistory,
): BoardModel {
  const lines = overview?.lines;
  const horizonEnd = overview?.horizonEnd ?? scale.to;
  const changes = draft.changes;
  const layouts = useMemo(() => {
    const map = new Map<string, LineLayout>();
    if (!overview) return map;
    const rates = learnRates(overview.lines, overview.stoppages, horizonEnd);
    const moved = new Set(changes.map((change) => change.orderId));
    for (const line of overview.lines) {
      map.set(
        line.id,
        draft.draft
          ? layoutDraft(line, draft.draft, draft.base, places, rates, moved, horizonEnd, history)
          : layoutPlan(line, horizonEnd, history),
      );
    }
    return map;
  }, [overview, draft.draft, draft.base, places, changes, horizonEnd, history]);

  const effect = draft.effect;
  // The draft's own stoppages once the server has evaluated it; until then (or when it refuses
  // the draft) the plan's, which are what happens if nothing is saved.
  const draftStoppages =
    draft.draft === null
      ? null
      : effect?.state === 'ready'
        ? effect.value.stoppagesAfter
        : effect?.state === 'evaluating' && effect.last
          ? effect.last.stoppagesAfter
          : null;
  const previewStoppages = draftStoppages !== null;
  const stoppages = useMemo(() => draftStoppages ?? overview?.stoppages ?? [], [draftStoppages, overview]);
  const stoppagesByLine = useMemo(() => byLine(stoppages), [stoppages]);

  const frozenUntil = useMemo(() => {
    const map = new Map<string, number | null>();
    for (const [lineId, layout] of layouts) {
      const ends = layout.placed.filter((placed) => placed.order.frozen).map((placed) => placed.end);
      map.set(lineId, ends.length ? Math.max(...ends) : null);
    }
    return map;
  }, [layouts]);

  const bands = useMemo(() => {
    const map = new Map<string, BandSegment[]>();
    for (const line of lines ?? []) {
      const placed = layouts.get(line.id)?.placed ?? [];
      const busy: Interval[] = placed.map((entry) => ({
        from: Math.max(entry.setupStart, scale.from),
        to: entry.end,
      }));
      const own = stoppagesByLine.get(line.id) ?? [];
      const low: Interval[] = [];
      for (const stoppage of own) {
        // A line stopping for a part uses it for every order of the waiting order's product.
        const curve = curves.get(stoppage.partId);
        const waiting = placed.find((entry) => entry.order.id === stoppage.orderId);
        if (!curve || !waiting) continue;
        const below = intervalsBelow(curve.points, curve.part.safetyStock, horizonEnd);
        const using = placed
          .filter((entry) => entry.order.productId === waiting.order.productId)
          .map((entry) => ({ from: entry.start, to: entry.end }));
        low.push(...intersect(below, using));
      }
      const stops = own.map((stoppage) => ({ from: stoppage.start, to: stoppage.end }));
      map.set(line.id, coverageBand(scale.from, scale.to, busy, low, stops));
    }
    return map;
  }, [lines, layouts, stoppagesByLine, curves, scale, horizonEnd]);

  const crossLine = useMemo(
    () => (lines ?? []).some((line) => line.orders.some((order) => eligibleLinesOf(order) !== null)),
    [lines],
  );

  return { layouts, stoppages, stoppagesByLine, bands, frozenUntil, crossLine, previewStoppages };
}
