import { compareMetrics } from './compare';
import { compileInstance } from './compile';
import { evaluate } from './fastEvaluator';
import { deadPhaseBound, decisionBound, type ExactSearch, leafMetrics } from './recommender/exactBounds';
import { labelSequences, orderClasses } from './recommender/exactClasses';
import {
  advance,
  COUNT,
  close,
  createTimeline,
  DEAD_FLOOR,
  initialState,
  lineBase,
  PHASE,
  Phase,
  place,
} from './recommender/exactTimeline';
import type { Instance, Metrics, Schedule } from './types';

// Exhaustive search that proves optimality on small instances (1–2 lines, up to about 8 orders):
// every valid schedule (eligible line × sequence, frozen prefixes fixed) is reached or cut off by a
// sound bound. Schedules are built in time order (exactTimeline.ts), interchangeable orders are
// branched on once (exactClasses.ts), and a branch is cut when a lower bound on every metric of all
// its completions is lexicographically no better than the best schedule found.

export interface ExactOptions {
  /** Default 10 000 ms. */
  timeLimitMs?: number;
  /** Clock in milliseconds (default performance.now): injected, the domain reads no clock itself. */
  now?: () => number;
}

export interface ExactResult {
  /** 'optimal': no valid schedule is better; 'limit': stopped by the time limit, best found so far. */
  status: 'optimal' | 'limit';
  schedule: Schedule;
  metrics: Metrics;
  /** Search nodes visited. */
  explored: number;
  elapsedMs: number;
}

/** How many nodes pass between looks at the clock. */
const CLOCK_EVERY = 64;

export function solveExact(instance: Instance, options: ExactOptions = {}): ExactResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? 10_000);
  const compiled = compileInstance(instance);
  const classes = orderClasses(compiled);
  const tl = createTimeline(compiled, classes);
  const lines = tl.lines;
  const classCount = classes.members.length;
  const frozenClass = new Uint8Array(classCount);
  const eligibleOn = new Uint8Array(classCount * lines);
  const remaining = new Int32Array(classCount);
  classes.members.forEach((members, c) => {
    const first = members[0]!;
    frozenClass[c] = compiled.orderFrozen[first]!;
    remaining[c] = members.length;
    for (const line of compiled.eligible[first]!) eligibleOn[c * lines + line] = 1;
  });
  // Branch order: the plan's next order first (so the first dive is the plan), then by due time.
  const byDue = classes.members
    .map((_, c) => c)
    .filter((c) => !frozenClass[c])
    .sort(
      (a, b) => compiled.orderDue[classes.members[a]![0]!]! - compiled.orderDue[classes.members[b]![0]!]!,
    );

  const search: ExactSearch = {
    tl,
    remaining,
    unplaced: compiled.orderIds.length,
    eligibleOn,
    frozenClass,
    sequences: compiled.lineIds.map((): number[] => []),
    best: evaluate(compiled, compiled.planSequences).metrics,
    bestClasses: null,
  };
  let explored = 0;
  let stopped = false;

  const placeChild = (state: Float64Array, line: number, c: number, dead: boolean) => {
    const child = state.slice();
    place(tl, child, line, c, classes.members[c]![0]!);
    if (dead && !frozenClass[c]) child[lineBase(line) + DEAD_FLOOR] = c;
    remaining[c]! -= 1;
    search.unplaced -= 1;
    search.sequences[line]!.push(c);
    visit(child);
    search.sequences[line]!.pop();
    search.unplaced += 1;
    remaining[c]! += 1;
  };

  /** Closing a line is allowed once its frozen orders are on it and every other order has somewhere to go. */
  const mayClose = (state: Float64Array, line: number) => {
    if (state[lineBase(line) + COUNT]! < compiled.frozenPrefix[line]!.length) return false;
    for (let c = 0; c < classCount; c++) {
      if (remaining[c] === 0) continue;
      let elsewhere = false;
      for (let l = 0; l < lines && !elsewhere; l++) {
        elsewhere =
          l !== line && eligibleOn[c * lines + l] === 1 && state[lineBase(l) + PHASE] !== Phase.Closed;
      }
      if (!elsewhere) return false;
    }
    return true;
  };

  const closeChild = (state: Float64Array, line: number) => {
    const child = state.slice();
    close(child, line);
    visit(child);
  };

  function visit(state: Float64Array): void {
    if (stopped) return;
    explored += 1;
    if (explored % CLOCK_EVERY === 0 && now() >= deadline) {
      stopped = true;
      return;
    }
    const line = advance(tl, state);
    if (line < 0) {
      decideDead(state);
      return;
    }
    const base = lineBase(line);
    const count = state[base + COUNT]!;
    const frozen = compiled.frozenPrefix[line]!;
    if (count < frozen.length) {
      placeChild(state, line, classes.classOf[frozen[count]!]!, false);
      return;
    }
    if (search.unplaced === 0) {
      closeChild(state, line);
      return;
    }
    if (compareMetrics(decisionBound(search, state), search.best) >= 0) return;
    const planNext = nextPlanClass(line);
    const closable = mayClose(state, line);
    if (closable && planNext < 0) closeChild(state, line);
    if (planNext >= 0) placeChild(state, line, planNext, false);
    for (const c of byDue) {
      if (c !== planNext && remaining[c]! > 0 && eligibleOn[c * lines + line])
        placeChild(state, line, c, false);
    }
    if (closable && planNext >= 0) closeChild(state, line);
  }

  /** The first class in the line's plan with orders left (frozen ones are placed by force). */
  function nextPlanClass(line: number): number {
    for (const c of classes.planClasses[line]!) if (remaining[c]! > 0 && !frozenClass[c]) return c;
    return -1;
  }

  /** No line can produce any more: the orders left only change `moved`, wherever they go. */
  function decideDead(state: Float64Array): void {
    if (search.unplaced > 0 && compareMetrics(deadPhaseBound(search, state), search.best) >= 0) return;
    let line = -1;
    for (let l = 0; l < lines && line < 0; l++) if (state[lineBase(l) + PHASE] === Phase.Dead) line = l;
    if (search.unplaced === 0 || line < 0) {
      if (search.unplaced === 0) leaf(state);
      return;
    }
    const base = lineBase(line);
    const count = state[base + COUNT]!;
    const frozen = compiled.frozenPrefix[line]!;
    if (count < frozen.length) {
      placeChild(state, line, classes.classOf[frozen[count]!]!, true);
      return;
    }
    const floor = state[base + DEAD_FLOOR]!;
    for (let c = floor; c < classCount; c++) {
      if (remaining[c]! > 0 && !frozenClass[c] && eligibleOn[c * lines + line])
        placeChild(state, line, c, true);
    }
    if (mayClose(state, line)) closeChild(state, line);
  }

  function leaf(state: Float64Array): void {
    const found = leafMetrics(search, state);
    if (found && compareMetrics(found.metrics, search.best) < 0) {
      search.best = found.metrics;
      search.bestClasses = found.sequences;
    }
  }

  visit(initialState(tl));
  const finalSequences = search.bestClasses
    ? labelSequences(classes, compiled.planSequences, search.bestClasses)
    : compiled.planSequences.map((sequence) => [...sequence]);
  const schedule: Schedule = { lines: {} };
  compiled.lineIds.forEach((id, l) => {
    schedule.lines[id] = finalSequences[l]!.map((order) => compiled.orderIds[order]!);
  });
  return {
    status: stopped ? 'limit' : 'optimal',
    schedule,
    metrics: evaluate(compiled, finalSequences).metrics,
    explored,
    elapsedMs: now() - started,
  };
}
