import { compareMetrics } from '../compare';
import type { Metrics } from '../types';
import { arrangeLine } from './exactClasses';
import {
  COUNT,
  LIVE_COUNT,
  LIVE_PLACED,
  lineBase,
  liveMatches,
  ORDER,
  PHASE,
  Phase,
  SETUPS,
  STOPPAGE,
  SUPPLY,
  TARDINESS,
  TIME,
  type Timeline,
  UNITS_LEFT,
  UNPRODUCED,
  WAIT_START,
} from './exactTimeline';

// Lower bounds for the exhaustive search. Each metric's bound holds for every completion of the
// branch on its own, so a branch whose bound vector is lexicographically no better than the best
// schedule cannot contain a better one (if a completion tied the best on the first k metrics, its
// (k+1)-th is still at least the bound).

/** What solveExact shares with the bounds: the branch's context beyond its state array. */
export interface ExactSearch {
  readonly tl: Timeline;
  /** Orders of each class not placed yet. */
  readonly remaining: Int32Array;
  unplaced: number;
  /** eligibleOn[class * lines + line]. */
  readonly eligibleOn: Uint8Array;
  readonly frozenClass: Uint8Array;
  /** Per line, the classes placed so far on the branch. */
  readonly sequences: number[][];
  best: Metrics;
  bestClasses: number[][] | null;
}

/** moved ≥ orders placed on live lines that no LCS with the plan can keep. */
function movedBound(search: ExactSearch, state: Float64Array): number {
  let kept = 0;
  for (let l = 0; l < search.tl.lines; l++) kept += liveMatches(search.tl, state, l);
  return state[LIVE_PLACED]! - kept;
}

/**
 * Bounds at a decision: the branch has run to the earliest line event, so every line's next action
 * and every unplaced order's first unit lie at or after its time.
 */
export function decisionBound(search: ExactSearch, state: Float64Array): Metrics {
  const { tl, remaining } = search;
  const c = tl.compiled;
  const lines = tl.lines;
  const products = c.productIds.length;
  const parts = c.partIds.length;
  const horizon = tl.horizon;
  const demand = new Float64Array(parts);
  const addDemand = (product: number, units: number) => {
    for (let b = c.bomStart[product]!; b < c.bomStart[product + 1]!; b++)
      demand[c.bomPart[b]!]! += units * c.bomQuantity[b]!;
  };
  let stoppage = state[STOPPAGE]!;
  let tardiness = state[TARDINESS]!;
  let units = 0;
  let capacity = 0;
  // When each line is next free to start an order: after the units left of its current one.
  const freeAt = new Float64Array(lines);
  let now = Number.POSITIVE_INFINITY;
  for (let l = 0; l < lines; l++) {
    const base = lineBase(l);
    const phase = state[base + PHASE]!;
    if (phase <= Phase.Wait) now = Math.min(now, state[base + TIME]!);
  }
  for (let l = 0; l < lines; l++) {
    const base = lineBase(l);
    const phase = state[base + PHASE]!;
    const time = state[base + TIME]!;
    if (phase === Phase.Dead || phase === Phase.Closed) {
      freeAt[l] = Number.POSITIVE_INFINITY;
      continue;
    }
    if (time < horizon) capacity += Math.ceil((horizon - time) / tl.fastest[l]!);
    if (phase === Phase.Decide) {
      freeAt[l] = time;
      continue;
    }
    const order = state[base + ORDER]!;
    const left = state[base + UNITS_LEFT]!;
    const product = c.orderProduct[order]!;
    if (phase === Phase.Wait) stoppage += now - state[base + WAIT_START]!;
    freeAt[l] = time + left * c.minutesPerUnit[l * products + product]!;
    tardiness += Math.max(0, Math.min(horizon, freeAt[l]!) - c.orderDue[order]!);
    units += left;
    addDemand(product, left);
  }
  const { members } = search.tl.classes;
  for (let k = 0; k < remaining.length; k++) {
    const count = remaining[k]!;
    if (count === 0) continue;
    const order = members[k]![0]!;
    const product = c.orderProduct[order]!;
    const quantity = c.orderQuantity[order]!;
    units += count * quantity;
    addDemand(product, count * quantity);
    let completion = horizon;
    for (let l = 0; l < lines; l++) {
      if (!search.eligibleOn[k * lines + l] || freeAt[l]! >= horizon) continue;
      completion = Math.min(completion, freeAt[l]! + quantity * c.minutesPerUnit[l * products + product]!);
    }
    tardiness += count * Math.max(0, completion - c.orderDue[order]!);
  }
  // Unproduced: at least what the parts left cannot cover, and what the lines' time cannot make.
  let short = Math.max(0, units - capacity);
  const supply = state[SUPPLY]!;
  for (let k = 0; k < parts; k++) {
    const available = state[tl.stockBase + k]! + tl.suppliedAfter[supply * parts + k]!;
    if (demand[k]! > available && tl.maxBom[k]! > 0) {
      short = Math.max(short, Math.ceil((demand[k]! - available) / tl.maxBom[k]!));
    }
  }
  return {
    unproducedUnits: state[UNPRODUCED]! + short,
    stoppageMinutes: stoppage,
    tardinessMinutes: tardiness,
    setups: state[SETUPS]!,
    moved: movedBound(search, state),
  };
}

/** When no line can produce: every order left is unproduced and completes at the horizon. */
export function deadPhaseBound(search: ExactSearch, state: Float64Array): Metrics {
  const { tl, remaining } = search;
  const c = tl.compiled;
  let unproduced = state[UNPRODUCED]!;
  let tardiness = state[TARDINESS]!;
  for (let k = 0; k < remaining.length; k++) {
    if (remaining[k] === 0) continue;
    const order = tl.classes.members[k]![0]!;
    unproduced += remaining[k]! * c.orderQuantity[order]!;
    tardiness += remaining[k]! * Math.max(0, tl.horizon - c.orderDue[order]!);
  }
  return {
    unproducedUnits: unproduced,
    stoppageMinutes: state[STOPPAGE]!,
    tardinessMinutes: tardiness,
    setups: state[SETUPS]!,
    moved: movedBound(search, state),
  };
}

/**
 * A complete branch: its metrics with the fewest moves over the free arrangement of dead lines'
 * orders and over labellings of interchangeable orders, and those class sequences. Null when it
 * is already worse than the best before counting moves.
 */
export function leafMetrics(
  search: ExactSearch,
  state: Float64Array,
): { metrics: Metrics; sequences: number[][] } | null {
  const { tl } = search;
  const metrics: Metrics = {
    unproducedUnits: state[UNPRODUCED]!,
    stoppageMinutes: state[STOPPAGE]!,
    tardinessMinutes: state[TARDINESS]!,
    setups: state[SETUPS]!,
    moved: 0,
  };
  // Moves decide only among equals on the first four metrics.
  if (compareMetrics({ ...metrics, moved: search.best.moved }, search.best) > 0) return null;
  let kept = 0;
  const sequences = search.sequences.map((sequence, l) => {
    const base = lineBase(l);
    // Frozen orders placed after the line died are still fixed at the head.
    const fixed = Math.max(state[base + LIVE_COUNT]!, tl.compiled.frozenPrefix[l]!.length);
    const count = state[base + COUNT]!;
    const arranged = arrangeLine(
      tl.classes.planClasses[l]!,
      sequence.slice(0, fixed),
      sequence.slice(fixed, count),
      search.remaining.length,
    );
    kept += arranged.matches;
    return arranged.sequence;
  });
  metrics.moved = tl.compiled.orderIds.length - kept;
  return { metrics, sequences };
}
