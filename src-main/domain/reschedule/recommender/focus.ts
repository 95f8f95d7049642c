import type { CompiledInstance } from '../compile';
import type { EvaluationTrace } from '../trace';

// Where a schedule hurts, read from the evaluator's trace, so that sampled moves go first to the
// orders that cause stoppage, tardiness and unproduced units rather than anywhere in 600 orders.

export interface Focus {
  /** Orders that end late or unfinished, and how much (tardiness plus one minute per unit left). */
  late: number[];
  lateWeight: number[];
  /** Orders a line stopped on for want of material, and the minutes it waited. */
  blocked: number[];
  blockedWeight: number[];
}

export const NO_FOCUS: Focus = { late: [], lateWeight: [], blocked: [], blockedWeight: [] };

export function focusFromTrace(compiled: CompiledInstance, trace: EvaluationTrace): Focus {
  const focus: Focus = { late: [], lateWeight: [], blocked: [], blockedWeight: [] };
  trace.orders.forEach((order, index) => {
    const left = compiled.orderQuantity[index]! - order.startedUnits;
    if (order.tardiness > 0 || left > 0) {
      focus.late.push(index);
      focus.lateWeight.push(order.tardiness + left);
    }
  });
  const waited = new Map<number, number>();
  for (const stoppage of trace.stoppages) {
    const order = compiled.orderIndex.get(stoppage.order)!;
    waited.set(order, (waited.get(order) ?? 0) + stoppage.end - stoppage.start);
  }
  for (const [order, minutes] of waited) {
    focus.blocked.push(order);
    // A wait of 0 minutes still marks the order that ran into a shortage.
    focus.blockedWeight.push(minutes + 1);
  }
  return focus;
}
