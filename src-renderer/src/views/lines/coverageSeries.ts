import { type Interval, intervalsBelow } from './coverageBand';
import type { PartCoverageCurve } from './types';

export interface StockPoint {
  t: number;
  stock: number;
}

export interface SupplyMark {
  t: number;
  /** Which label row above the chart carries its plate; null when no row has room (the table lists it). */
  labelRow: number | null;
  /** Stock right after the goods are put away: where the marker sits on the curve. */
  stock: number;
  quantity: number;
  label: string;
  deliveryId: string;
}

/** Rows of plate labels above the chart, and how much of the time axis one label needs. */
export const LABEL_ROWS = 2;
const LABEL_SHARE = 0.14;

function labelRowFor(rowEnds: number[], at: number, gap: number): number | null {
  const row = rowEnds.findIndex((end) => at - end >= gap);
  if (row < 0) return null;
  rowEnds[row] = at;
  return row;
}

/** 938 → 1000, 412 → 500: a y-axis top that reads as a round number. */
export function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Stock at time `at` on a step curve (the last point at or before it). */
export function stockAt(points: readonly StockPoint[], at: number): number {
  let stock = points[0]?.stock ?? 0;
  for (const point of points) {
    if (point.t > at) break;
    stock = point.stock;
  }
  return stock;
}

/**
 * What the chart draws: the step curve carried to both edges of the window, the spans at zero,
 * and one marker per supply on the curve.
 */
export function coverageSeries(curve: PartCoverageCurve, from: number, to: number) {
  const sorted = [...curve.points].sort((a, b) => a.t - b.t);
  const points: StockPoint[] = sorted.filter((point) => point.t >= from && point.t <= to);
  if (
    sorted.length > 0 &&
    (points[0]?.t ?? Number.POSITIVE_INFINITY) > from &&
    (sorted[0]?.t ?? to) <= from
  ) {
    points.unshift({ t: from, stock: stockAt(sorted, from) });
  }
  const last = points.at(-1);
  if (last && last.t < to) points.push({ t: to, stock: last.stock });
  const empty: Interval[] = intervalsBelow(points, Number.EPSILON, to);
  const rowEnds: number[] = new Array(LABEL_ROWS).fill(Number.NEGATIVE_INFINITY);
  const gap = (to - from) * LABEL_SHARE;
  const supplies: SupplyMark[] = curve.supplies
    .filter((supply) => supply.at >= from && supply.at <= to)
    .sort((a, b) => a.at - b.at)
    .map((supply) => ({
      t: supply.at,
      labelRow: labelRowFor(rowEnds, supply.at, gap),
      stock: stockAt(sorted, supply.at),
      quantity: supply.quantity,
      label: supply.truckPlate ?? supply.noticeNumber ?? supply.deliveryId,
      deliveryId: supply.deliveryId,
    }));
  const peak = niceCeiling(Math.max(curve.part.safetyStock, ...points.map((point) => point.stock), 1) * 1.1);
  return { points, empty, supplies, peak };
}
