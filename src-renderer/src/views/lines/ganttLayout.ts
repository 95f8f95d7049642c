import type { OrderPlace, Sequence } from './draftSequence';
import type { OrderHistory } from './orderHistory';
import type { CoverageLine, CoverageOrder, PredictedStoppage } from './types';

/** An order where the Gantt draws it: evaluated times, or for a draft a preview of them. */
export interface PlacedOrder {
  order: CoverageOrder;
  setupStart: number;
  start: number;
  end: number;
  /** Not every unit starts within the horizon: the bar runs off the right edge. */
  open: boolean;
  /** Times are a preview of a draft (the server's metrics are exact; these bars are not). */
  preview: boolean;
  /** The draft put this order somewhere else than the plan. */
  moved: boolean;
}

export interface LineLayout {
  placed: PlacedOrder[];
  /** Orders that do not start within the horizon. */
  beyond: number;
}

function overlap(from: number, to: number, stoppages: readonly PredictedStoppage[]): number {
  let total = 0;
  for (const stoppage of stoppages) {
    total += Math.max(0, Math.min(to, stoppage.end) - Math.max(from, stoppage.start));
  }
  return total;
}

const asPlaced = (order: CoverageOrder): PlacedOrder => ({
  order,
  setupStart: order.setupStart,
  start: order.start,
  end: order.end,
  open: false,
  preview: false,
  moved: false,
});

/**
 * The plan as the server evaluated it: real setup, start and end of every order. The running
 * order's bar reaches back to when it really started, and orders finished lately stay in view.
 */
export function layoutPlan(line: CoverageLine, horizonEnd: number, history: OrderHistory): LineLayout {
  const placed: PlacedOrder[] = (history.finished.get(line.id) ?? []).map(asPlaced);
  let beyond = 0;
  for (const order of line.orders) {
    // The projection clips an order the horizon cuts to the horizon end: nothing of it to draw.
    if (order.setupStart >= horizonEnd) {
      beyond++;
      continue;
    }
    const startedAt = order.status === 'running' ? history.startedAt.get(order.id) : undefined;
    placed.push({
      order,
      setupStart: startedAt ?? order.setupStart,
      start: startedAt ?? order.start,
      end: order.end,
      open: order.beyondHorizon,
      preview: false,
      moved: false,
    });
  }
  return { placed, beyond };
}

interface Rates {
  /** Working milliseconds per unit, by line and product, learnt from the evaluated plan. */
  unitMs: Map<string, number>;
  /** Setup milliseconds a line typically takes. */
  setupMs: Map<string, number>;
}

export function learnRates(
  lines: readonly CoverageLine[],
  stoppages: readonly PredictedStoppage[],
  horizonEnd: number,
): Rates {
  const unitMs = new Map<string, number>();
  const setupMs = new Map<string, number>();
  for (const line of lines) {
    const own = stoppages.filter((stoppage) => stoppage.lineId === line.id);
    const setups: number[] = [];
    for (const order of line.orders) {
      if (order.setupStart >= horizonEnd) continue;
      if (order.start > order.setupStart) setups.push(order.start - order.setupStart);
      const units = order.quantity - (order.status === 'running' ? order.producedUnits : 0);
      if (order.beyondHorizon || units <= 0) continue;
      const key = `${line.id}|${order.productId}`;
      if (!unitMs.has(key)) {
        unitMs.set(key, (order.end - order.start - overlap(order.start, order.end, own)) / units);
      }
    }
    setups.sort((a, b) => a - b);
    setupMs.set(line.id, setups[Math.floor(setups.length / 2)] ?? 0);
  }
  return { unitMs, setupMs };
}

function unitTime(rates: Rates, lineId: string, order: CoverageOrder, fallbackLine: string): number {
  return (
    rates.unitMs.get(`${lineId}|${order.productId}`) ??
    rates.unitMs.get(`${fallbackLine}|${order.productId}`) ??
    // Unknown anywhere: the median of what this line makes.
    [...rates.unitMs.entries()].find(([key]) => key.startsWith(`${lineId}|`))?.[1] ??
    60_000
  );
}

/**
 * A draft laid out for the eye: the unchanged head of the line keeps its evaluated times, the
 * rest follow each other with their working time (waiting for material taken out) and a setup
 * where the product changes. Only the metrics the server returns for the draft are exact.
 */
export function layoutDraft(
  line: CoverageLine,
  draft: Sequence,
  base: Sequence,
  places: ReadonlyMap<string, OrderPlace>,
  rates: Rates,
  movedIds: ReadonlySet<string>,
  horizonEnd: number,
  history: OrderHistory,
): LineLayout {
  const plan = layoutPlan(line, horizonEnd, history);
  const placed = plan.placed.filter((entry) => entry.order.status === 'done');
  const ids = draft[line.id] ?? [];
  const baseIds = base[line.id] ?? [];
  let cursor = line.orders.find((order) => order.status !== 'done')?.setupStart ?? null;
  let product: string | null = placed.at(-1)?.order.productId ?? null;
  let intact = true;
  let beyond = 0;
  for (const [index, id] of ids.entries()) {
    const place = places.get(id);
    if (!place) continue;
    const { order } = place;
    intact = intact && baseIds[index] === id;
    const exact = plan.placed.find((entry) => entry.order.id === id);
    if ((intact || order.frozen) && exact) {
      placed.push(exact);
      cursor = exact.end;
      product = order.productId;
      continue;
    }
    if (cursor === null || cursor >= horizonEnd) {
      beyond++;
      continue;
    }
    const setup = product === null || product === order.productId ? 0 : (rates.setupMs.get(line.id) ?? 0);
    const units = order.quantity - (order.status === 'running' ? order.producedUnits : 0);
    const start = cursor + setup;
    const end = start + units * unitTime(rates, line.id, order, place.lineId);
    placed.push({
      order,
      setupStart: cursor,
      start,
      end: Math.min(end, horizonEnd),
      open: end > horizonEnd,
      preview: true,
      moved: movedIds.has(id),
    });
    cursor = end;
    product = order.productId;
  }
  return { placed, beyond };
}
