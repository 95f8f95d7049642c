import type { Instance } from '../../domain/reschedule/types';
import { buildCoverageState, type CoverageState } from './coverageState';
import type { CoverageProjection } from './types';

// The instance the recommender and the planner's what-ifs work on. It is the projection's
// instance with a horizon long enough for the plan to finish every order (plus room for waits):
// with the 48-hour horizon, "units made within the horizon" — the first thing a schedule is
// judged by — would reward any reshuffle that squeezes a few more units in before hour 48, and
// the recommender would move dozens of orders for it. Over the whole plan every schedule makes
// every unit unless material is missing, so stoppages decide, then due dates, then changeovers.

/** Room for waits beyond the plan's own end. */
const SLACK_MINUTES = 8 * 60;
/** A plan reaching further than this is cut off there. */
const LONGEST_MINUTES = 14 * 24 * 60;

/** When the plan ends on its longest line, setups included, if no part were missing. */
export function planEndMinutes(instance: Instance): number {
  const product = new Map(instance.orders.map((order) => [order.id, order]));
  let latest = 0;
  for (const line of instance.lines) {
    let t = 0;
    let current = line.initialProduct ?? null;
    for (const orderId of instance.plan[line.id] ?? []) {
      const order = product.get(orderId);
      if (!order) continue;
      if (current !== null && current !== order.product) t += line.setup?.[current]?.[order.product] ?? 0;
      current = order.product;
      t += order.quantity * (line.minutesPerUnit[order.product] ?? 0);
    }
    latest = Math.max(latest, t);
  }
  return latest;
}

export function planningInstance(instance: Instance): Instance {
  const horizon = Math.min(
    LONGEST_MINUTES,
    Math.max(instance.horizon, planEndMinutes(instance) + SLACK_MINUTES),
  );
  return { ...instance, horizon: Math.ceil(horizon * 64) / 64 };
}

const cache = new WeakMap<CoverageState, CoverageState>();

/** The planning state of a coverage state: same plant, same supplies, the whole plan's horizon. */
export function planningState(state: CoverageState): CoverageState {
  let planning = cache.get(state);
  if (!planning) {
    planning = buildCoverageState({ ...state.plant, instance: planningInstance(state.plant.instance) });
    cache.set(state, planning);
  }
  return planning;
}

/** The projection the views get: the window, with the whole plan's metrics beside it. */
export function projectionOf(state: CoverageState): CoverageProjection {
  return { ...state.projection, planMetrics: planningState(state).evaluation.metrics };
}
