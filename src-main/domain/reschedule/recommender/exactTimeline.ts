import type { CompiledInstance } from '../compile';
import type { OrderClasses } from './exactClasses';

// The exhaustive search builds schedules in time order: it runs RESCHEDULING.md's rules (as
// referenceEvaluator.ts reads them) until some line finishes an order, and only then decides what
// that line makes next. Everything before a decision is final whatever is decided later, so the
// stoppage, setups and tardiness of finished orders so far are lower bounds for every completion
// of the branch: that is what makes pruning sound.
//
// A branch's state is one Float64Array, cloned per child (the instances are small).

export const Phase = {
  /** Free at `time`: the search decides the next order. */
  Decide: 0,
  /** Tries to start the next unit of its order at `time`. */
  Run: 1,
  /** Waits for material since `waitStart`; retries at `time`, the next supply. */
  Wait: 2,
  /** Can start nothing more (horizon reached, a setup would end after it, or no supply will come):
   * whatever it is given is unproduced, so only `moved` depends on where such orders go. */
  Dead: 3,
  /** Given no more orders: idle. */
  Closed: 4,
} as const;

export const SUPPLY = 0;
export const STOPPAGE = 1;
export const TARDINESS = 2;
export const SETUPS = 3;
export const UNPRODUCED = 4;
/** Orders placed while their line could still produce (the part of a line `moved` is bounded on). */
export const LIVE_PLACED = 5;
const HEADER = 6;

export const TIME = 0;
export const PHASE = 1;
export const ORDER = 2;
export const UNITS_LEFT = 3;
export const PRODUCT = 4;
export const WAIT_START = 5;
/** Orders on the line so far (frozen ones included). */
export const COUNT = 6;
/** Of those, placed while the line was live. */
export const LIVE_COUNT = 7;
/** Lowest class a dead line may take next: classes go onto a dead line in increasing order. */
export const DEAD_FLOOR = 8;
const LINE_FIELDS = 9;

export interface Timeline {
  readonly compiled: CompiledInstance;
  readonly classes: OrderClasses;
  readonly lines: number;
  readonly horizon: number;
  /** Supplies usable before the horizon, sorted by time. */
  readonly supplies: number;
  readonly stockBase: number;
  /** Per line, where its LCS row (plan prefix × live classes) starts in the state. */
  readonly rowBase: Int32Array;
  readonly size: number;
  /** Per part, the largest amount one unit of any product needs (0: unused). */
  readonly maxBom: Float64Array;
  /** suppliedAfter[s * parts + k]: quantity of part k in supplies s … end. */
  readonly suppliedAfter: Float64Array;
  /** Per line, the fastest minutes per unit of any product it can make. */
  readonly fastest: Float64Array;
}

export const lineBase = (line: number) => HEADER + line * LINE_FIELDS;

export function createTimeline(compiled: CompiledInstance, classes: OrderClasses): Timeline {
  const lines = compiled.lineIds.length;
  const parts = compiled.partIds.length;
  const products = compiled.productIds.length;
  const horizon = compiled.horizon;
  let supplies = 0;
  while (supplies < compiled.supplyTime.length && compiled.supplyTime[supplies]! < horizon) supplies++;
  const stockBase = HEADER + lines * LINE_FIELDS;
  const rowBase = new Int32Array(lines);
  let size = stockBase + parts;
  for (let l = 0; l < lines; l++) {
    rowBase[l] = size;
    size += compiled.planSequences[l]!.length + 1;
  }
  const maxBom = new Float64Array(parts);
  for (let p = 0; p < products; p++) {
    for (let b = compiled.bomStart[p]!; b < compiled.bomStart[p + 1]!; b++) {
      const k = compiled.bomPart[b]!;
      maxBom[k] = Math.max(maxBom[k]!, compiled.bomQuantity[b]!);
    }
  }
  const suppliedAfter = new Float64Array((supplies + 1) * parts);
  for (let s = supplies - 1; s >= 0; s--) {
    for (let k = 0; k < parts; k++) suppliedAfter[s * parts + k] = suppliedAfter[(s + 1) * parts + k]!;
    suppliedAfter[s * parts + compiled.supplyPart[s]!]! += compiled.supplyQuantity[s]!;
  }
  const fastest = new Float64Array(lines).fill(Number.POSITIVE_INFINITY);
  for (let l = 0; l < lines; l++) {
    for (let p = 0; p < products; p++) {
      const minutes = compiled.minutesPerUnit[l * products + p]!;
      if (minutes < fastest[l]!) fastest[l] = minutes;
    }
  }
  return {
    compiled,
    classes,
    lines,
    horizon,
    supplies,
    stockBase,
    rowBase,
    size,
    maxBom,
    suppliedAfter,
    fastest,
  };
}

export function initialState(tl: Timeline): Float64Array {
  const state = new Float64Array(tl.size);
  for (let l = 0; l < tl.lines; l++) {
    const base = lineBase(l);
    state[base + PHASE] = Phase.Decide;
    state[base + ORDER] = -1;
    state[base + PRODUCT] = tl.compiled.initialProduct[l]!;
  }
  state.set(tl.compiled.initialStock, tl.stockBase);
  return state;
}

const minutesOf = (tl: Timeline, line: number, product: number) =>
  tl.compiled.minutesPerUnit[line * tl.compiled.productIds.length + product]!;

/** The running order of a line gets no further units: they are unproduced, it completes at the horizon. */
function abandon(tl: Timeline, state: Float64Array, base: number): void {
  const order = state[base + ORDER]!;
  state[UNPRODUCED]! += state[base + UNITS_LEFT]!;
  state[TARDINESS]! += Math.max(0, tl.horizon - tl.compiled.orderDue[order]!);
  state[base + UNITS_LEFT] = 0;
  state[base + PHASE] = Phase.Dead;
}

/** Units of the product the stock on hand covers now (Infinity when its BOM needs nothing). */
export function coverableUnits(tl: Timeline, state: Float64Array, product: number): number {
  const { bomStart, bomPart, bomQuantity } = tl.compiled;
  let units = Number.POSITIVE_INFINITY;
  for (let b = bomStart[product]!; b < bomStart[product + 1]!; b++) {
    if (bomQuantity[b]! > 0)
      units = Math.min(units, Math.floor(state[tl.stockBase + bomPart[b]!]! / bomQuantity[b]!));
  }
  return units;
}

function hasMaterial(tl: Timeline, state: Float64Array, product: number): boolean {
  const { bomStart, bomPart, bomQuantity } = tl.compiled;
  for (let b = bomStart[product]!; b < bomStart[product + 1]!; b++) {
    if (state[tl.stockBase + bomPart[b]!]! < bomQuantity[b]!) return false;
  }
  return true;
}

function tryUnit(tl: Timeline, state: Float64Array, line: number, t: number): void {
  const base = lineBase(line);
  const c = tl.compiled;
  const order = state[base + ORDER]!;
  const product = c.orderProduct[order]!;
  if (t >= tl.horizon) {
    abandon(tl, state, base);
    return;
  }
  if (hasMaterial(tl, state, product)) {
    for (let b = c.bomStart[product]!; b < c.bomStart[product + 1]!; b++) {
      state[tl.stockBase + c.bomPart[b]!]! -= c.bomQuantity[b]!;
    }
    if (state[base + PHASE] === Phase.Wait) state[STOPPAGE]! += t - state[base + WAIT_START]!;
    const end = t + minutesOf(tl, line, product);
    const left = state[base + UNITS_LEFT]! - 1;
    state[base + UNITS_LEFT] = left;
    state[base + TIME] = end;
    if (left === 0) {
      state[TARDINESS]! += Math.max(0, end - c.orderDue[order]!);
      state[base + PHASE] = Phase.Decide;
    } else state[base + PHASE] = Phase.Run;
    return;
  }
  if (state[base + PHASE] !== Phase.Wait) {
    state[base + PHASE] = Phase.Wait;
    state[base + WAIT_START] = t;
  }
  // Supplies up to t are in, so the pointer is at the next arrival.
  const next = state[SUPPLY]!;
  if (next >= tl.supplies) {
    state[STOPPAGE]! += tl.horizon - state[base + WAIT_START]!;
    abandon(tl, state, base);
  } else state[base + TIME] = c.supplyTime[next]!;
}

/**
 * Runs the branch until a live line must decide (returns it) or no live line is left (-1).
 * Events go in (time, line) order, supplies at t before any unit start at t.
 */
export function advance(tl: Timeline, state: Float64Array): number {
  const c = tl.compiled;
  for (;;) {
    let line = -1;
    let t = Number.POSITIVE_INFINITY;
    for (let l = 0; l < tl.lines; l++) {
      const base = lineBase(l);
      if (state[base + PHASE]! <= Phase.Wait && state[base + TIME]! < t) {
        t = state[base + TIME]!;
        line = l;
      }
    }
    if (line < 0) return -1;
    let s = state[SUPPLY]!;
    while (s < tl.supplies && c.supplyTime[s]! <= t) {
      state[tl.stockBase + c.supplyPart[s]!]! += c.supplyQuantity[s]!;
      s++;
    }
    state[SUPPLY] = s;
    const base = lineBase(line);
    if (state[base + PHASE] === Phase.Decide) {
      if (t < tl.horizon) return line;
      state[base + PHASE] = Phase.Dead;
    } else tryUnit(tl, state, line, t);
  }
}

/** Puts an order of class `cls` next on a line that is deciding (live) or dead. */
export function place(tl: Timeline, state: Float64Array, line: number, cls: number, order: number): void {
  const c = tl.compiled;
  const base = lineBase(line);
  state[base + COUNT]! += 1;
  if (state[base + PHASE] === Phase.Dead) {
    state[UNPRODUCED]! += c.orderQuantity[order]!;
    state[TARDINESS]! += Math.max(0, tl.horizon - c.orderDue[order]!);
    return;
  }
  state[LIVE_PLACED]! += 1;
  state[base + LIVE_COUNT]! += 1;
  appendToRow(tl, state, line, cls);
  const t = state[base + TIME]!;
  const product = c.orderProduct[order]!;
  const current = state[base + PRODUCT]!;
  state[base + ORDER] = order;
  state[base + UNITS_LEFT] = c.orderQuantity[order]!;
  if (current >= 0 && current !== product) {
    const products = c.productIds.length;
    const minutes = c.setup[(line * products + current) * products + product]!;
    if (t + minutes >= tl.horizon) {
      abandon(tl, state, base); // a setup that would end at or after the horizon is not started
      return;
    }
    state[SETUPS]! += 1;
    state[base + TIME] = t + minutes;
  }
  state[base + PRODUCT] = product;
  state[base + PHASE] = Phase.Run;
}

export function close(state: Float64Array, line: number): void {
  state[lineBase(line) + PHASE] = Phase.Closed;
}

/** Extends the line's row LCS(plan prefix, live classes) by one class. */
function appendToRow(tl: Timeline, state: Float64Array, line: number, cls: number): void {
  const plan = tl.classes.planClasses[line]!;
  const start = tl.rowBase[line]!;
  // In place from the left: keep row[i] (old) before overwriting it.
  let diagonal = state[start]!;
  for (let i = 0; i < plan.length; i++) {
    const up = state[start + i + 1]!;
    state[start + i + 1] = plan[i] === cls ? diagonal + 1 : Math.max(up, state[start + i]!);
    diagonal = up;
  }
}

export const liveMatches = (tl: Timeline, state: Float64Array, line: number) =>
  state[tl.rowBase[line]! + tl.classes.planClasses[line]!.length]!;

/**
 * Runs whole per-line sequences of order indices through the timeline and returns its metrics
 * except `moved`: how tests hold the search's simulation to referenceEvaluate.
 */
export function simulateSequences(
  tl: Timeline,
  sequences: readonly (readonly number[])[],
): { unproducedUnits: number; stoppageMinutes: number; tardinessMinutes: number; setups: number } {
  const state = initialState(tl);
  const next = new Int32Array(tl.lines);
  const give = (line: number) => {
    const order = sequences[line]![next[line]!]!;
    next[line]! += 1;
    place(tl, state, line, tl.classes.classOf[order]!, order);
  };
  for (;;) {
    const line = advance(tl, state);
    if (line < 0) break;
    if (next[line]! < sequences[line]!.length) give(line);
    else close(state, line);
  }
  for (let l = 0; l < tl.lines; l++) while (next[l]! < sequences[l]!.length) give(l);
  return {
    unproducedUnits: state[UNPRODUCED]!,
    stoppageMinutes: state[STOPPAGE]!,
    tardinessMinutes: state[TARDINESS]!,
    setups: state[SETUPS]!,
  };
}
