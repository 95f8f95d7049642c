import type { CompiledInstance } from '../compile';

// The neighbourhood of a schedule: moves that keep it valid (eligible lines, frozen prefixes
// untouched). A move is applied in place and undone in place, so trying one costs no copy of the
// schedule. Sequences hold order indices per line, as compiled.ts numbers them.

export const RELOCATE = 0;
export const SWAP = 1;

export interface Move {
  kind: typeof RELOCATE | typeof SWAP;
  fromLine: number;
  fromPos: number;
  toLine: number;
  /** Relocate: the insert position in the target line once the segment is out of its own line. */
  toPos: number;
  /** Relocate: how many consecutive orders move together (a run of one product keeps its setup). */
  length: number;
}

export interface MoveContext {
  readonly compiled: CompiledInstance;
  readonly lines: number;
  /** Per line, how many orders at its head are frozen. */
  readonly frozen: Int32Array;
  /** eligibleOn[order * lines + line]. */
  readonly eligibleOn: Uint8Array;
}

export function moveContext(compiled: CompiledInstance): MoveContext {
  const lines = compiled.lineIds.length;
  const eligibleOn = new Uint8Array(compiled.orderIds.length * lines);
  compiled.eligible.forEach((eligible, order) => {
    for (const line of eligible) eligibleOn[order * lines + line] = 1;
  });
  return { compiled, lines, frozen: Int32Array.from(compiled.frozenPrefix, (p) => p.length), eligibleOn };
}

export function applyMove(sequences: number[][], move: Move): void {
  if (move.kind === SWAP) {
    swap(sequences, move);
    return;
  }
  const segment = sequences[move.fromLine]!.splice(move.fromPos, move.length);
  sequences[move.toLine]!.splice(move.toPos, 0, ...segment);
}

export function undoMove(sequences: number[][], move: Move): void {
  if (move.kind === SWAP) {
    swap(sequences, move);
    return;
  }
  const segment = sequences[move.toLine]!.splice(move.toPos, move.length);
  sequences[move.fromLine]!.splice(move.fromPos, 0, ...segment);
}

function swap(sequences: number[][], move: Move): void {
  const a = sequences[move.fromLine]!;
  const b = sequences[move.toLine]!;
  const held = a[move.fromPos]!;
  a[move.fromPos] = b[move.toPos]!;
  b[move.toPos] = held;
}

/** Whether orders [from, from + length) of a line may all run on `line`. */
export function segmentEligible(
  ctx: MoveContext,
  sequence: readonly number[],
  from: number,
  length: number,
  line: number,
): boolean {
  for (let i = from; i < from + length; i++)
    if (!ctx.eligibleOn[sequence[i]! * ctx.lines + line]) return false;
  return true;
}

/**
 * Every move of the neighbourhood: relocating a segment of 1 … maxSegment orders to any position
 * of any line all of it may run on, and swapping any two orders that may run on each other's line.
 */
export function allMoves(
  ctx: MoveContext,
  sequences: readonly (readonly number[])[],
  maxSegment: number,
): Move[] {
  const moves: Move[] = [];
  for (let a = 0; a < ctx.lines; a++) {
    const from = sequences[a]!;
    for (let i = ctx.frozen[a]!; i < from.length; i++) {
      for (let length = 1; length <= maxSegment && i + length <= from.length; length++) {
        for (let b = 0; b < ctx.lines; b++) {
          if (!segmentEligible(ctx, from, i, length, b)) continue;
          const end = sequences[b]!.length - (a === b ? length : 0);
          for (let j = ctx.frozen[b]!; j <= end; j++) {
            if (a === b && j === i) continue;
            moves.push({ kind: RELOCATE, fromLine: a, fromPos: i, toLine: b, toPos: j, length });
          }
        }
      }
      const order = from[i]!;
      for (let b = a; b < ctx.lines; b++) {
        if (b !== a && !ctx.eligibleOn[order * ctx.lines + b]) continue;
        const to = sequences[b]!;
        for (let j = b === a ? i + 1 : ctx.frozen[b]!; j < to.length; j++) {
          if (b !== a && !ctx.eligibleOn[to[j]! * ctx.lines + a]) continue;
          moves.push({ kind: SWAP, fromLine: a, fromPos: i, toLine: b, toPos: j, length: 1 });
        }
      }
    }
  }
  return moves;
}

/** How many moves allMoves would list, without listing them (relocations of single orders and swaps). */
export function neighbourhoodSize(ctx: MoveContext, sequences: readonly (readonly number[])[]): number {
  let orders = 0;
  let positions = 0;
  for (let l = 0; l < ctx.lines; l++) {
    orders += sequences[l]!.length - ctx.frozen[l]!;
    positions += sequences[l]!.length - ctx.frozen[l]! + 1;
  }
  return orders * positions + (orders * (orders - 1)) / 2;
}
