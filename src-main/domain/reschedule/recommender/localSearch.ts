import type { RandomStream } from '../../seededRandom';
import { compareMetrics } from '../compare';
import type { CompiledInstance } from '../compile';
import { evaluate } from '../fastEvaluator';
import { type Metrics, MINUTE_TOLERANCE } from '../types';
import type { Budget } from './budget';
import { focusFromTrace, NO_FOCUS } from './focus';
import { allMoves, applyMove, type MoveContext, undoMove } from './moves';
import { locate, type Placement, placementOf, randomMove, sampleMove } from './sample';

// Iterated local search: descend by improving moves to a local optimum, then kick the best schedule
// found with a few random moves and descend again, until the budget ends. Only strictly better
// schedules replace the best, so the plan (the first best) can never be beaten by a worse one.

export interface SearchRun {
  readonly compiled: CompiledInstance;
  readonly ctx: MoveContext;
  readonly random: RandomStream;
  readonly budget: Budget;
  best: number[][];
  bestMetrics: Metrics;
}

/** Segments of up to this many orders move together in the scanned neighbourhood. */
const SCAN_SEGMENT = 3;
/** Schedules remembered by the scanning search (a key is a few dozen characters). */
const SEEN_LIMIT = 200_000;
/** Local optima in a row that brought no schedule not seen before. */
const QUIET_CYCLES = 25;
/** At least this many evaluations between two traces: a trace records every stock change and costs
 * several plain evaluations, so blame-finding stays a small share of the budget. */
const TRACE_EVERY = 30;

/**
 * compareMetrics(a, b) < 0, unrolled: the scanning search asks it for every neighbour it looks up,
 * and the generic loop over metric names was a sixth of its time.
 */
export function improves(a: Metrics, b: Metrics): boolean {
  let d = a.unproducedUnits - b.unproducedUnits;
  if (d > MINUTE_TOLERANCE || d < -MINUTE_TOLERANCE) return d < 0;
  d = a.stoppageMinutes - b.stoppageMinutes;
  if (d > MINUTE_TOLERANCE || d < -MINUTE_TOLERANCE) return d < 0;
  d = a.tardinessMinutes - b.tardinessMinutes;
  if (d > MINUTE_TOLERANCE || d < -MINUTE_TOLERANCE) return d < 0;
  d = a.setups - b.setups;
  if (d > MINUTE_TOLERANCE || d < -MINUTE_TOLERANCE) return d < 0;
  d = a.moved - b.moved;
  return d < -MINUTE_TOLERANCE;
}

/** A schedule as a short string: one character per order, one between lines (a comma list beyond 65 534 orders). */
function scheduleKey(sequences: readonly (readonly number[])[], orders: number): string {
  if (orders >= 0xffff) return sequences.map((sequence) => sequence.join(',')).join('|');
  let key = '';
  for (const sequence of sequences) {
    for (let i = 0; i < sequence.length; i += 4096)
      key += String.fromCharCode(...sequence.slice(i, i + 4096));
    key += '\uffff';
  }
  return key;
}

const copy = (sequences: readonly (readonly number[])[]) => sequences.map((sequence) => [...sequence]);

function evaluateNow(run: SearchRun, sequences: number[][]): Metrics {
  return run.budget.spend(() => evaluate(run.compiled, sequences).metrics);
}

function offerBest(run: SearchRun, sequences: number[][], metrics: Metrics): void {
  if (compareMetrics(metrics, run.bestMetrics) < 0) {
    run.best = copy(sequences);
    run.bestMetrics = metrics;
  }
}

function movableOrders(run: SearchRun): number[] {
  return run.compiled.orderIds.map((_, order) => order).filter((order) => !run.compiled.orderFrozen[order]);
}

/** A kick: the best schedule with 1 … strength random moves; a stronger kick the longer nothing improved. */
function kick(run: SearchRun, movable: readonly number[], strength: number): number[][] {
  const sequences = copy(run.best);
  const placement = placementOf(run.compiled.orderIds.length, sequences);
  const moves = run.random.int(1, strength);
  for (let done = 0, tries = 0; done < moves && tries < 20 * moves; tries++) {
    const move = randomMove(run.ctx, sequences, placement, run.random, movable);
    if (!move) continue;
    applyMove(sequences, move);
    locate(placement, sequences);
    done += 1;
  }
  return sequences;
}

const kickStrength = (kicksWithoutGain: number) => 2 + Math.min(4, Math.floor(kicksWithoutGain / 3));

/** Small neighbourhoods: try every move in a random order, take the first that improves. */
export function scanningSearch(run: SearchRun): void {
  const movable = movableOrders(run);
  // Different moves and kicks keep leading to the same few schedules of a small instance: each is
  // evaluated once. A run of local optima that met nothing new means the search has seen its world.
  const seen = new Map<string, Metrics>();
  let cyclesWithoutNews = 0;
  const evaluateOnce = (sequences: number[][]) => {
    const key = scheduleKey(sequences, run.compiled.orderIds.length);
    let metrics = seen.get(key);
    if (metrics === undefined) {
      metrics = evaluateNow(run, sequences);
      if (seen.size < SEEN_LIMIT) seen.set(key, metrics);
      cyclesWithoutNews = 0;
    }
    return metrics;
  };
  let current = copy(run.best);
  let currentMetrics = run.bestMetrics;
  let kicksWithoutGain = 0;
  for (;;) {
    const moves = run.random.shuffle(allMoves(run.ctx, current, SCAN_SEGMENT));
    if (moves.length === 0) return;
    let improved = false;
    for (const move of moves) {
      if (!run.budget.allows()) return;
      applyMove(current, move);
      const metrics = evaluateOnce(current);
      if (improves(metrics, currentMetrics)) {
        currentMetrics = metrics;
        improved = true;
        break;
      }
      undoMove(current, move);
    }
    if (improved) {
      if (compareMetrics(currentMetrics, run.bestMetrics) < 0) kicksWithoutGain = 0;
      offerBest(run, current, currentMetrics);
      continue;
    }
    // A local optimum: start again near the best.
    if (!run.budget.allows() || ++cyclesWithoutNews > QUIET_CYCLES) return;
    kicksWithoutGain += 1;
    current = kick(run, movable, kickStrength(kicksWithoutGain));
    currentMetrics = evaluateOnce(current);
    offerBest(run, current, currentMetrics);
  }
}

/**
 * Large neighbourhoods: sampled moves, most aimed at what the trace blames; equal schedules are
 * accepted half the time (the lexicographic metrics have wide plateaus), worse ones never.
 */
export function sampledSearch(run: SearchRun): void {
  const movable = movableOrders(run);
  if (movable.length === 0) return;
  const orders = run.compiled.orderIds.length;
  const patience = Math.min(400, 40 + movable.length);
  let current = copy(run.best);
  let currentMetrics = run.bestMetrics;
  let placement: Placement = placementOf(orders, current);
  let focus = NO_FOCUS;
  let focusStale = true;
  let lastTrace = Number.NEGATIVE_INFINITY;
  let sinceGain = 0;
  let kicksWithoutGain = 0;
  let misses = 0;
  for (;;) {
    if (focusStale && run.budget.evaluations - lastTrace >= TRACE_EVERY && run.budget.allows('trace')) {
      const { trace } = run.budget.spend(() => evaluate(run.compiled, current, { trace: true }), 'trace');
      focus = focusFromTrace(run.compiled, trace!);
      focusStale = false;
      lastTrace = run.budget.evaluations;
    }
    if (!run.budget.allows()) return;
    const move = sampleMove(run.ctx, current, placement, run.random, focus, movable);
    if (!move) {
      // Draws that lead nowhere cost no evaluation; a schedule with no valid move at all ends the search.
      if (++misses > 10_000) return;
      continue;
    }
    misses = 0;
    applyMove(current, move);
    const metrics = evaluateNow(run, current);
    const difference = compareMetrics(metrics, currentMetrics);
    if (difference < 0 || (difference === 0 && run.random.chance(0.5))) {
      currentMetrics = metrics;
      locate(placement, current);
      if (difference < 0) {
        focusStale = true;
        sinceGain = 0;
        if (compareMetrics(metrics, run.bestMetrics) < 0) kicksWithoutGain = 0;
        offerBest(run, current, metrics);
      } else sinceGain += 1;
    } else {
      undoMove(current, move);
      sinceGain += 1;
    }
    if (sinceGain >= patience) {
      if (!run.budget.allows()) return;
      kicksWithoutGain += 1;
      current = kick(run, movable, kickStrength(kicksWithoutGain));
      currentMetrics = evaluateNow(run, current);
      offerBest(run, current, currentMetrics);
      placement = placementOf(orders, current);
      focusStale = true;
      sinceGain = 0;
    }
  }
}
