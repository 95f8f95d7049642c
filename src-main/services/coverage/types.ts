import type { OrderStatus } from '../../db/schema';
import type { Metrics } from '../../domain/reschedule/types';

// What the coverage projection tells the views. Every time is epoch milliseconds (UTC); the
// projection itself is computed in instance minutes from `computedAt` (t = 0) and converted once.

export type { Metrics };

export interface ScheduledOrder {
  id: string;
  productId: string;
  productName: string;
  quantity: number;
  producedUnits: number;
  status: OrderStatus;
  frozen: boolean;
  dueAt: number;
  // Times of an order the horizon cuts are clipped to the horizon end (`beyondHorizon` says so),
  // so a Gantt can draw every order without special cases.
  /** When the line starts on the order: its setup, or its first unit without one. */
  setupStart: number;
  /** First unit starts. */
  start: number;
  /** Last unit ends (may lie after the horizon end when the last unit starts before it). */
  end: number;
  /** Not every unit starts within the horizon. */
  beyondHorizon: boolean;
  /** As the reference semantics define it: the last unit's end, or the horizon end for an unfinished order. */
  completion: number;
  tardinessMinutes: number;
}

export interface LineSchedule {
  id: string;
  name: string;
  orders: ScheduledOrder[];
}

/** The truck whose goods end a predicted stoppage. */
export interface EndingDelivery {
  id: string;
  noticeNumber: string | null;
  truckPlate: string | null;
  supplierName: string;
  /** The truck's ETA (or slot start without one). */
  eta: number;
}

export interface PredictedStoppage {
  /** Stable across recomputations while the same line waits for the same part in the same order. */
  id: string;
  lineId: string;
  lineName: string;
  partId: string;
  partDescription: string;
  /** The order the line waits with. */
  orderId: string;
  start: number;
  end: number;
  durationMinutes: number;
  endingDelivery: EndingDelivery | null;
  /** The waiting order and the later orders of that line that finish late because of it. */
  ordersAffected: string[];
}

export interface PartCoverage {
  id: string;
  description: string;
  unit: string;
  onHand: number;
  safetyStock: number;
  /** When stock first runs out for the plan (or short for the next unit); null: covered beyond the horizon. */
  coverageUntil: number | null;
  /** The part feeds a predicted stoppage. */
  critical: boolean;
}

/** What the projector derives on every change: the plan within the horizon. */
export interface CoverageWindow {
  computedAt: number;
  horizonEnd: number;
  /** The plan's metrics within the horizon (units not started by its end count as unproduced). */
  metrics: Metrics;
  lines: LineSchedule[];
  stoppages: PredictedStoppage[];
  parts: PartCoverage[];
}

export interface CoverageProjection extends CoverageWindow {
  /**
   * The plan judged over its whole length, as a proposal's `before` is: no units cut off at the
   * horizon, lateness of the orders due after it included. Compare proposals with these.
   */
  planMetrics: Metrics;
}

export interface PartCurveSupply {
  deliveryId: string;
  noticeNumber: string | null;
  truckPlate: string | null;
  /** When the goods are available to the lines (arrival + unloading + put-away). */
  at: number;
  quantity: number;
}

export interface PartCurve {
  part: PartCoverage;
  points: { t: number; stock: number }[];
  supplies: PartCurveSupply[];
  /** Average consumption over the horizon by the planned sequence. */
  consumptionPerHour: number;
}
