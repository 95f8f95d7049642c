import type { ProcedureOutput } from '../../../../src-main/api/contract';
import type { CoverageOrder } from './types';

type LineOverview = ProcedureOutput<'lines.overview'>;

/** What the projection leaves out because it lies in the past: when orders actually ran. */
export interface OrderHistory {
  /** When the running order of each line really started. */
  startedAt: Map<string, number>;
  /** Orders finished recently, per line, shaped like projected orders so the Gantt draws them alike. */
  finished: Map<string, CoverageOrder[]>;
}

export const NO_HISTORY: OrderHistory = { startedAt: new Map(), finished: new Map() };

export function orderHistory(overview: LineOverview | undefined): OrderHistory {
  if (!overview) return NO_HISTORY;
  const startedAt = new Map<string, number>();
  const finished = new Map<string, CoverageOrder[]>();
  for (const line of overview.lines) {
    const done: CoverageOrder[] = [];
    for (const order of line.orders) {
      if (order.status === 'running' && order.startedAt !== null) startedAt.set(order.id, order.startedAt);
      if (order.status !== 'done' || order.completedAt === null) continue;
      const start = order.startedAt ?? order.completedAt;
      done.push({
        id: order.id,
        productId: order.productId,
        productName: order.productName,
        quantity: order.quantity,
        producedUnits: order.producedUnits,
        status: 'done',
        frozen: false,
        dueAt: order.dueAt,
        setupStart: start,
        start,
        end: order.completedAt,
        beyondHorizon: false,
        completion: order.completedAt,
        tardinessMinutes: Math.max(0, Math.round((order.completedAt - order.dueAt) / 60_000)),
      });
    }
    finished.set(line.id, done);
  }
  return { startedAt, finished };
}
