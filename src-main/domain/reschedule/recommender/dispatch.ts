import type { CompiledInstance } from '../compile';
import { orderClasses } from './exactClasses';
import {
  advance,
  COUNT,
  close,
  coverableUnits,
  createTimeline,
  initialState,
  lineBase,
  PRODUCT,
  place,
  TIME,
  type Timeline,
} from './exactTimeline';

// Dispatching: a schedule built by running the plant forward in time (the exhaustive search's
// timeline) and, whenever a line finishes an order, giving it the most urgent order it can make
// with the material on hand at that moment. Unlike sorting, this sees what the other lines have
// already consumed and when each line is actually free.

/** What a rule sees of one candidate order when a line is free at `now`. */
export interface DispatchCandidate {
  order: number;
  line: number;
  now: number;
  /** Setup minutes before it (0 when the line already makes its product). */
  setup: number;
  /** Minutes from the line being free to its last unit ending, if material never runs short. */
  span: number;
  /** Share of its units the stock on hand covers now, 0 … 1. */
  covered: number;
}

/** Lower is more urgent. */
export type DispatchRule = (compiled: CompiledInstance, candidate: DispatchCandidate) => number;

/** Material first (a line that starts what it cannot finish stops), then due date, then setups. */
export const readyEarliestDue: DispatchRule = (c, x) =>
  (1 - x.covered) * c.horizon * 4 + c.orderDue[x.order]! + x.setup;

/** Material first, then least slack (due minus when it would end). */
export const readyLeastSlack: DispatchRule = (c, x) =>
  (1 - x.covered) * c.horizon * 4 + c.orderDue[x.order]! - (x.now + x.span);

/** Material first, then the plan's own order on its own line (few moves), other lines' orders last. */
export const readyPlanOrder: DispatchRule = (c, x) =>
  (1 - x.covered) * c.horizon * 4 +
  (c.planLine[x.order] === x.line ? 0 : c.horizon) +
  c.planPosition[x.order]!;

export function dispatch(compiled: CompiledInstance, rule: DispatchRule, timeline?: Timeline): number[][] {
  const tl = timeline ?? createTimeline(compiled, orderClasses(compiled));
  const state = initialState(tl);
  const products = compiled.productIds.length;
  const sequences = compiled.lineIds.map((): number[] => []);
  const placed = new Uint8Array(compiled.orderIds.length);
  const put = (line: number, order: number) => {
    place(tl, state, line, tl.classes.classOf[order]!, order);
    sequences[line]!.push(order);
    placed[order] = 1;
  };
  const candidates = compiled.lineIds.map((_, line) =>
    compiled.orderIds
      .map((_, order) => order)
      .filter((order) => compiled.eligible[order]!.includes(line) && !compiled.orderFrozen[order]),
  );
  for (;;) {
    const line = advance(tl, state);
    if (line < 0) break;
    const base = lineBase(line);
    const frozen = compiled.frozenPrefix[line]!;
    if (state[base + COUNT]! < frozen.length) {
      put(line, frozen[state[base + COUNT]!]!);
      continue;
    }
    const now = state[base + TIME]!;
    const current = state[base + PRODUCT]!;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const order of candidates[line]!) {
      if (placed[order]) continue;
      const product = compiled.orderProduct[order]!;
      const setup =
        current >= 0 && current !== product
          ? compiled.setup[(line * products + current) * products + product]!
          : 0;
      const quantity = compiled.orderQuantity[order]!;
      const span = setup + quantity * compiled.minutesPerUnit[line * products + product]!;
      const covered = Math.min(1, coverableUnits(tl, state, product) / quantity);
      const score = rule(compiled, { order, line, now, setup, span, covered });
      if (score < bestScore) {
        bestScore = score;
        best = order;
      }
    }
    if (best < 0) close(state, line);
    else put(line, best);
  }
  // No line can make anything more. Frozen heads not reached yet stay heads; every other order
  // left is unproduced wherever it goes, so it goes back to its plan line (fewest moves).
  compiled.frozenPrefix.forEach((frozen, line) => {
    for (const order of frozen) if (!placed[order]) put(line, order);
  });
  for (const sequence of compiled.planSequences) {
    for (const order of sequence) if (!placed[order]) put(compiled.planLine[order]!, order);
  }
  return sequences;
}
