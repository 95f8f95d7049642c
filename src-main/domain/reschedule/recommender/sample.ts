import type { RandomStream } from '../../seededRandom';
import type { Focus } from './focus';
import { type Move, type MoveContext, RELOCATE, SWAP, segmentEligible } from './moves';

// Drawing single moves when the neighbourhood is too large to scan: most draws start from an order
// the trace blames (late or unfinished: bring it forward or onto another line; stopped for material:
// let others go first), the rest are uniform so the search still reaches everything.

/** Where each order stands: its line and position, kept in step with the sequences. */
export interface Placement {
  lineOf: Int32Array;
  posOf: Int32Array;
}

export function placementOf(orders: number, sequences: readonly (readonly number[])[]): Placement {
  const placement = { lineOf: new Int32Array(orders), posOf: new Int32Array(orders) };
  locate(placement, sequences);
  return placement;
}

export function locate(placement: Placement, sequences: readonly (readonly number[])[]): void {
  sequences.forEach((sequence, line) => {
    sequence.forEach((order, position) => {
      placement.lineOf[order] = line;
      placement.posOf[order] = position;
    });
  });
}

/** Uniform in [low, high], both included; skewed to low when `early` (a late order wants the front). */
function position(random: RandomStream, low: number, high: number, early = false): number {
  const u = early ? random.next() ** 2 : random.next();
  return Math.min(high, low + Math.floor(u * (high - low + 1)));
}

function weightedPick(random: RandomStream, items: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    target -= weights[i]!;
    if (target < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function otherLine(ctx: MoveContext, random: RandomStream, order: number, line: number): number {
  const eligible = ctx.compiled.eligible[order]!;
  if (eligible.length < 2) return -1;
  let pick = random.pick(eligible);
  while (pick === line) pick = random.pick(eligible);
  return pick;
}

const relocate = (fromLine: number, fromPos: number, toLine: number, toPos: number, length = 1): Move => ({
  kind: RELOCATE,
  fromLine,
  fromPos,
  toLine,
  toPos,
  length,
});

const swapMove = (fromLine: number, fromPos: number, toLine: number, toPos: number): Move => ({
  kind: SWAP,
  fromLine,
  fromPos,
  toLine,
  toPos,
  length: 1,
});

/** A late order: earlier on its line, or onto another eligible line, or swapped with an earlier one. */
function forward(
  ctx: MoveContext,
  s: number[][],
  at: Placement,
  random: RandomStream,
  order: number,
): Move | null {
  const line = at.lineOf[order]!;
  const pos = at.posOf[order]!;
  const head = ctx.frozen[line]!;
  if (pos < head) return null;
  const roll = random.next();
  const target = otherLine(ctx, random, order, line);
  if (target >= 0 && roll < 0.5) {
    return relocate(line, pos, target, position(random, ctx.frozen[target]!, s[target]!.length, true));
  }
  if (pos === head) return null;
  const to = position(random, head, pos - 1, true);
  return roll < 0.8 ? relocate(line, pos, line, to) : swapMove(line, to, line, pos);
}

/** An order the line stopped on: it goes later, or a later order of its line goes before it, or it leaves the line. */
function yieldTo(
  ctx: MoveContext,
  s: number[][],
  at: Placement,
  random: RandomStream,
  order: number,
): Move | null {
  const line = at.lineOf[order]!;
  const pos = at.posOf[order]!;
  const head = ctx.frozen[line]!;
  const length = s[line]!.length;
  const roll = random.next();
  if (roll < 0.35 && pos >= head && pos < length - 1) {
    return relocate(line, pos, line, position(random, pos + 1, length - 1));
  }
  if (roll < 0.7 && pos < length - 1) {
    const from = position(random, Math.max(pos + 1, head), length - 1);
    if (from < head) return null;
    return relocate(line, from, line, position(random, head, Math.max(head, pos)));
  }
  if (pos < head) return null;
  const target = otherLine(ctx, random, order, line);
  return target < 0
    ? null
    : relocate(line, pos, target, position(random, ctx.frozen[target]!, s[target]!.length));
}

/** Any valid move, drawn uniformly by kind, then order, then destination. */
export function randomMove(
  ctx: MoveContext,
  s: number[][],
  at: Placement,
  random: RandomStream,
  movable: readonly number[],
): Move | null {
  if (movable.length === 0) return null;
  const order = random.pick(movable);
  const line = at.lineOf[order]!;
  const pos = at.posOf[order]!;
  const roll = random.next();
  if (roll < 0.55) {
    const target = random.pick(ctx.compiled.eligible[order]!);
    const end = s[target]!.length - (target === line ? 1 : 0);
    const to = position(random, ctx.frozen[target]!, end);
    return target === line && to === pos ? null : relocate(line, pos, target, to);
  }
  if (roll < 0.85) {
    const other = random.pick(movable);
    const otherLineIndex = at.lineOf[other]!;
    if (other === order) return null;
    if (otherLineIndex !== line) {
      const fits =
        ctx.eligibleOn[order * ctx.lines + otherLineIndex] && ctx.eligibleOn[other * ctx.lines + line];
      if (!fits) return null;
    }
    return swapMove(line, pos, otherLineIndex, at.posOf[other]!);
  }
  // A short run of orders moves together: keeps a product's orders side by side (one setup).
  const length = Math.min(random.int(2, 3), s[line]!.length - pos);
  if (length < 2) return null;
  const target = random.pick(ctx.compiled.eligible[order]!);
  if (!segmentEligible(ctx, s[line]!, pos, length, target)) return null;
  const end = s[target]!.length - (target === line ? length : 0);
  const to = position(random, ctx.frozen[target]!, end);
  return target === line && to === pos ? null : relocate(line, pos, target, to, length);
}

/** One move for the sampled search; null when the draw led nowhere (the caller draws again). */
export function sampleMove(
  ctx: MoveContext,
  s: number[][],
  at: Placement,
  random: RandomStream,
  focus: Focus,
  movable: readonly number[],
): Move | null {
  const roll = random.next();
  if (roll < 0.4 && focus.late.length > 0) {
    return forward(ctx, s, at, random, weightedPick(random, focus.late, focus.lateWeight));
  }
  if (roll < 0.7 && focus.blocked.length > 0) {
    return yieldTo(ctx, s, at, random, weightedPick(random, focus.blocked, focus.blockedWeight));
  }
  return randomMove(ctx, s, at, random, movable);
}
