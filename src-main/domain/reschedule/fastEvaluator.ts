import { type CompiledInstance, compileInstance } from './compile';
import { movedCount } from './moved';
import { type EvaluationTrace, TraceRecorder } from './trace';
import type { Instance, Metrics, Schedule } from './types';

export type { EvaluationTrace } from './trace';

export interface Evaluation {
  metrics: Metrics;
  trace?: EvaluationTrace;
}

export interface EvaluateOptions {
  trace?: boolean;
  /**
   * With trace: whether the trace holds stockCurves (default true). Without them the trace is
   * much cheaper and still tells, per part, when its curve first runs empty (partEmpty).
   */
  stockCurves?: boolean;
}

// Line events: each line's next event is a key packing (time, line index) into one exact number,
// time · 64 · lines + line (an integer: every time is a multiple of 1/64 minute), so at equal times
// the lower line index comes first, as RESCHEDULING.md orders the lines; +∞ when the line has no
// event. A loser tree over the keys finds the earliest: tree[0] is the winner, tree[n] the loser of
// the match at node n. After the winner's key changes one replay up its path restores it.

function buildTree(key: Float64Array, tree: Int32Array, winners: Int32Array, leaves: number): void {
  for (let i = 0; i < leaves; i++) winners[leaves + i] = i;
  for (let node = leaves - 1; node >= 1; node--) {
    const a = winners[2 * node]!;
    const b = winners[2 * node + 1]!;
    if (key[a]! <= key[b]!) {
      winners[node] = a;
      tree[node] = b;
    } else {
      winners[node] = b;
      tree[node] = a;
    }
  }
  tree[0] = leaves > 1 ? winners[1]! : 0;
}

function replayWinner(key: Float64Array, tree: Int32Array, leaves: number): void {
  let winner = tree[0]!;
  const winnerKey = key[winner]!;
  let best = winnerKey;
  for (let node = (leaves + winner) >> 1; node >= 1; node >>= 1) {
    const loser = tree[node]!;
    const loserKey = key[loser]!;
    if (loserKey < best) {
      tree[node] = winner;
      winner = loser;
      best = loserKey;
    }
  }
  tree[0] = winner;
}

/**
 * The fast evaluator: RESCHEDULING.md's unit-by-unit rules as an event loop over typed arrays.
 * Line events sit in a loser tree keyed (time, line index); supplies are pre-sorted and added
 * before any unit starts at their time. A waiting line is only woken by a supply of the part it was
 * last short of: a retry without one cannot succeed, since stock of that part only fell since.
 * `sequences[line]` holds order indices (compiled numbering) and must be a valid schedule.
 * Nothing is allocated per unit; property tests hold it equal to referenceEvaluate.
 */
export function evaluate(
  compiled: CompiledInstance,
  sequences: readonly (readonly number[])[],
  options?: EvaluateOptions,
): Evaluation {
  const trace = options?.trace ? new TraceRecorder(compiled, sequences, options) : null;
  const {
    horizon,
    orderProduct,
    orderQuantity,
    orderDue,
    minutesPerUnit,
    setup,
    initialProduct,
    bomStart,
    bomPart,
    bomQuantity,
    supplyTime,
    supplyPart,
    supplyQuantity,
    keyScale,
    scratch,
  } = compiled;
  const { stock, completion, started, lineKey, tree, winners, linePosition, lineProduct } = scratch;
  const { lineTime, lineWaitStart, lineShortPart, suppliedAt } = scratch;
  const lines = compiled.lineIds.length;
  const products = compiled.productIds.length;
  const orders = orderQuantity.length;
  const supplies = supplyTime.length;
  const leaves = lineKey.length;

  stock.set(compiled.initialStock);
  completion.fill(horizon);
  started.fill(0);
  suppliedAt.fill(-1);
  for (let l = 0; l < lines; l++) {
    linePosition[l] = 0;
    lineProduct[l] = initialProduct[l]!;
    lineWaitStart[l] = -1;
    lineTime[l] = 0;
    lineKey[l] = sequences[l]!.length > 0 ? l : Number.POSITIVE_INFINITY;
  }
  for (let l = lines; l < leaves; l++) lineKey[l] = Number.POSITIVE_INFINITY;
  buildTree(lineKey, tree, winners, leaves);

  let nextSupply = 0;
  let waiting = 0;
  let stoppage = 0;
  let setups = 0;

  for (;;) {
    const l = tree[0]!;
    const top = lineKey[l] === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : lineTime[l]!;
    if (nextSupply < supplies) {
      const at = supplyTime[nextSupply]!;
      if (at < horizon && at <= top) {
        // Supplies at `at` are added before any unit starts at `at`.
        do {
          const part = supplyPart[nextSupply]!;
          stock[part]! += supplyQuantity[nextSupply]!;
          suppliedAt[part] = at;
          if (trace !== null) trace.stock(part, at, stock[part]!);
          nextSupply++;
        } while (nextSupply < supplies && supplyTime[nextSupply] === at);
        if (waiting > 0) {
          let woken = false;
          for (let l = 0; l < lines; l++) {
            if (lineWaitStart[l]! >= 0 && suppliedAt[lineShortPart[l]!] === at) {
              lineTime[l] = at;
              lineKey[l] = at * keyScale + l;
              woken = true;
            }
          }
          if (woken) buildTree(lineKey, tree, winners, leaves);
        }
        continue;
      }
    }
    if (top === Number.POSITIVE_INFINITY) break;

    // The line at the top is free at t (a unit or setup ended, or a supply woke it): it acts.
    const t = top;
    const sequence = sequences[l]!;
    let position = linePosition[l]!;
    let next = -1;
    for (;;) {
      if (position >= sequence.length) break; // idle
      const order = sequence[position]!;
      const done = started[order]!;
      if (done === orderQuantity[order]) {
        completion[order] = t; // its last unit ended at t
        position++;
        continue;
      }
      const product = orderProduct[order]!;
      if (done === 0) {
        const current = lineProduct[l]!;
        if (current !== product) {
          if (current >= 0) {
            const minutes = setup[(l * products + current) * products + product]!;
            if (t + minutes >= horizon) break; // a setup ending at or after the horizon is not started
            setups++;
            lineProduct[l] = product;
            if (trace !== null) trace.setup(order, t);
            if (minutes > 0) {
              next = t + minutes;
              break;
            }
          } else {
            lineProduct[l] = product; // no initial product: no setup before the first order
          }
        }
      }
      if (t >= horizon) break;
      // Take the material part by part; if a part is short, put back what was taken and wait.
      const first = bomStart[product]!;
      const last = bomStart[product + 1]!;
      let b = first;
      for (; b < last; b++) {
        const part = bomPart[b]!;
        const left = stock[part]! - bomQuantity[b]!;
        if (left < 0) break;
        stock[part] = left;
      }
      if (b < last) {
        const short = bomPart[b]!;
        for (let taken = first; taken < b; taken++) stock[bomPart[taken]!]! += bomQuantity[taken]!;
        if (lineWaitStart[l]! < 0) {
          lineWaitStart[l] = t;
          waiting++;
          if (trace !== null) trace.waitStart(l, order, short, t);
        }
        lineShortPart[l] = short;
        break;
      }
      if (trace !== null) for (let u = first; u < last; u++) trace.stock(bomPart[u]!, t, stock[bomPart[u]!]!);
      if (lineWaitStart[l]! >= 0) {
        stoppage += t - lineWaitStart[l]!;
        lineWaitStart[l] = -1;
        waiting--;
        if (trace !== null) trace.resume(l, lineShortPart[l]!, t);
      }
      started[order] = done + 1;
      next = t + minutesPerUnit[l * products + product]!;
      if (trace !== null) trace.unitStart(order, t, next);
      break;
    }
    linePosition[l] = position;
    if (next >= 0) {
      lineTime[l] = next;
      lineKey[l] = next * keyScale + l;
    } else {
      lineKey[l] = Number.POSITIVE_INFINITY;
    }
    replayWinner(lineKey, tree, leaves);
  }

  for (let l = 0; l < lines; l++) {
    if (lineWaitStart[l]! >= 0) stoppage += horizon - lineWaitStart[l]!; // still waiting at the horizon
  }
  let unproduced = 0;
  let tardiness = 0;
  for (let o = 0; o < orders; o++) {
    unproduced += orderQuantity[o]! - started[o]!;
    const late = completion[o]! - orderDue[o]!;
    if (late > 0) tardiness += late;
  }
  const metrics: Metrics = {
    unproducedUnits: unproduced,
    stoppageMinutes: stoppage,
    tardinessMinutes: tardiness,
    setups,
    moved: movedCount(compiled, sequences),
  };
  return trace === null ? { metrics } : { metrics, trace: trace.finish(started, completion) };
}

/** Order ids per line id → order indices per line index. Lines missing from the schedule run nothing. */
export function scheduleSequences(compiled: CompiledInstance, schedule: Schedule): number[][] {
  return compiled.lineIds.map((lineId) =>
    (schedule.lines[lineId] ?? []).map((orderId) => {
      const index = compiled.orderIndex.get(orderId);
      if (index === undefined) throw new RangeError(`unknown order ${orderId}`);
      return index;
    }),
  );
}

/** Convenience: compile the instance and evaluate a schedule given by ids. */
export function evaluateSchedule(
  instance: Instance,
  schedule: Schedule,
  options?: EvaluateOptions,
): Evaluation {
  const compiled = compileInstance(instance);
  return evaluate(compiled, scheduleSequences(compiled, schedule), options);
}
