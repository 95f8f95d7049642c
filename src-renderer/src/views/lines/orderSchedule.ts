import type { ProcedureOutput } from '../../../../src-main/api/contract';

export type LineOverview = ProcedureOutput<'lines.overview'>;
export type ProductionLine = LineOverview['lines'][number];
export type ProductionOrder = ProductionLine['orders'][number];

export interface EstimatedOrder {
  order: ProductionOrder;
  /** Estimated start; for the running order, when it actually started. */
  start: number;
  end: number;
  /** Units still to make. */
  remaining: number;
  /** Minutes past the due time at the estimated end; ≤ 0 is on time. Null for finished orders. */
  minutesLate: number | null;
}

const MINUTE = 60_000;
/**
 * A first cut: the overview carries no setup matrix, so a product change costs a flat, small
 * changeover. Good enough to see where a sequence runs past 48 h or past a due time.
 */
export const CHANGEOVER_MINUTES = 20;
/** When a line has no rate for a product: its slowest known rate, else one unit a minute. */
function rateFor(line: ProductionLine, productId: string): number {
  const rate = line.minutesPerUnit[productId];
  if (rate !== undefined && rate > 0) return rate;
  const known = Object.values(line.minutesPerUnit).filter((value) => value > 0);
  return known.length ? Math.max(...known) : 1;
}

/**
 * Start and end of each order on a line: the running order finishes its remaining units from
 * now, the planned ones follow in sequence, each after a changeover when the product changes.
 * Orders finished in the last shift are kept with their actual times.
 */
export function estimateSchedule(line: ProductionLine, now: number): EstimatedOrder[] {
  const ordered = [...line.orders].sort((a, b) => a.sequence - b.sequence);
  const estimated: EstimatedOrder[] = [];
  let cursor = now;
  let product = line.currentProductId;
  for (const order of ordered) {
    const remaining = Math.max(0, order.quantity - order.producedUnits);
    if (order.status === 'done') {
      const end = order.completedAt ?? now;
      estimated.push({ order, start: order.startedAt ?? end, end, remaining: 0, minutesLate: null });
      continue;
    }
    const changeover = order.status !== 'running' && product !== null && product !== order.productId;
    const start =
      order.status === 'running'
        ? (order.startedAt ?? now)
        : cursor + (changeover ? CHANGEOVER_MINUTES * MINUTE : 0);
    const end =
      (order.status === 'running' ? now : start) + remaining * rateFor(line, order.productId) * MINUTE;
    estimated.push({ order, start, end, remaining, minutesLate: Math.round((end - order.dueAt) / MINUTE) });
    cursor = end;
    product = order.productId;
  }
  return estimated;
}
