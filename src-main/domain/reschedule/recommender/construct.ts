import type { CompiledInstance } from '../compile';
import { type DispatchRule, dispatch, readyEarliestDue, readyLeastSlack, readyPlanOrder } from './dispatch';
import { orderClasses } from './exactClasses';
import { createTimeline, type Timeline } from './exactTimeline';

// Starting schedules besides the plan, each one evaluation: the search begins from the best of them.
// All keep the frozen prefixes and reorder only what follows.

/**
 * Per order, the earliest time its whole BOM × quantity is on hand from stock and supplies, ignoring
 * every other order (Infinity when never): an order whose material is not there yet should not hold
 * its line while others could run.
 */
export function materialReadyTimes(compiled: CompiledInstance): Float64Array {
  const { orderProduct, orderQuantity, bomStart, bomPart, bomQuantity, initialStock } = compiled;
  const { supplyTime, supplyPart, supplyQuantity } = compiled;
  const ready = new Float64Array(orderProduct.length);
  for (let order = 0; order < ready.length; order++) {
    const product = orderProduct[order]!;
    let at = 0;
    for (let b = bomStart[product]!; b < bomStart[product + 1]! && at < Number.POSITIVE_INFINITY; b++) {
      const part = bomPart[b]!;
      const need = bomQuantity[b]! * orderQuantity[order]!;
      let have = initialStock[part]!;
      let when = have >= need ? 0 : Number.POSITIVE_INFINITY;
      for (let s = 0; s < supplyTime.length && when === Number.POSITIVE_INFINITY; s++) {
        if (supplyPart[s] !== part) continue;
        have += supplyQuantity[s]!;
        if (have >= need) when = supplyTime[s]!;
      }
      at = Math.max(at, when);
    }
    ready[order] = at;
  }
  return ready;
}

type OrderRank = (a: number, b: number) => number;

/** Each line keeps its orders (frozen head first), the rest sorted by rank, ties in plan order. */
function sortWithinLines(compiled: CompiledInstance, rank: OrderRank): number[][] {
  return compiled.planSequences.map((sequence, line) => {
    const head = compiled.frozenPrefix[line]!.length;
    const tail = sequence
      .slice(head)
      .sort((a, b) => rank(a, b) || compiled.planPosition[a]! - compiled.planPosition[b]!);
    return [...sequence.slice(0, head), ...tail];
  });
}

/**
 * Orders taken by rank and each appended to the eligible line where it would finish first (by
 * minutes per unit, setups ignored): rebalances lines the plan loads unevenly.
 */
function listSchedule(compiled: CompiledInstance, rank: OrderRank): number[][] {
  const products = compiled.productIds.length;
  const duration = (order: number, line: number) =>
    compiled.orderQuantity[order]! *
    compiled.minutesPerUnit[line * products + compiled.orderProduct[order]!]!;
  const sequences = compiled.frozenPrefix.map((prefix) => [...prefix]);
  const finish = sequences.map((sequence, line) =>
    sequence.reduce((sum, order) => sum + duration(order, line), 0),
  );
  const free = compiled.orderIds
    .map((_, order) => order)
    .filter((order) => !compiled.orderFrozen[order])
    .sort((a, b) => rank(a, b) || a - b);
  for (const order of free) {
    let best = -1;
    for (const line of compiled.eligible[order]!) {
      if (best < 0 || finish[line]! + duration(order, line) < finish[best]! + duration(order, best))
        best = line;
    }
    sequences[best]!.push(order);
    finish[best]! += duration(order, best);
  }
  return sequences;
}

/**
 * Starting schedules (the plan is not among them: the caller always has it), each built only when
 * asked, so a tight budget spends no time on those it will not evaluate. The dispatching ones come
 * first: they see material and timing, and are usually the best starts by far.
 */
export function constructions(compiled: CompiledInstance): (() => number[][])[] {
  const due = compiled.orderDue;
  let ready: Float64Array | null = null;
  const readiness = () => {
    ready ??= materialReadyTimes(compiled);
    return ready;
  };
  let timeline: Timeline | null = null;
  const run = (rule: DispatchRule) => () => {
    timeline ??= createTimeline(compiled, orderClasses(compiled));
    return dispatch(compiled, rule, timeline);
  };
  const byDue: OrderRank = (a, b) => due[a]! - due[b]!;
  // Orders whose material is there run by due time; the others after, in the order it arrives.
  const byReadiness: OrderRank = (a, b) => {
    const r = readiness();
    return r[a] === r[b] ? due[a]! - due[b]! : r[a]! < r[b]! ? -1 : 1;
  };
  return [
    run(readyPlanOrder),
    run(readyEarliestDue),
    run(readyLeastSlack),
    () => sortWithinLines(compiled, byDue),
    () => sortWithinLines(compiled, byReadiness),
    () => listSchedule(compiled, byDue),
    () => listSchedule(compiled, byReadiness),
  ];
}
