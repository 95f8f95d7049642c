import type { CompiledInstance } from './compile';

/**
 * The `moved` metric: orders minus, summed over lines, the longest common subsequence of the plan's
 * and the schedule's sequence on that line. Each order appears once in each sequence, so the LCS of
 * a line is the longest increasing run of plan positions among the schedule's orders that the plan
 * also has on that line (patience sorting, O(n log n), no allocation).
 */
export function movedCount(compiled: CompiledInstance, sequences: readonly (readonly number[])[]): number {
  const { planLine, planPosition } = compiled;
  const values = compiled.scratch.lisValues;
  const tails = compiled.scratch.lisTails;
  let kept = 0;
  for (let line = 0; line < sequences.length; line++) {
    const sequence = sequences[line]!;
    let count = 0;
    for (let i = 0; i < sequence.length; i++) {
      const order = sequence[i]!;
      if (planLine[order] === line) values[count++] = planPosition[order]!;
    }
    let piles = 0;
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      let low = 0;
      let high = piles;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (tails[middle]! < value) low = middle + 1;
        else high = middle;
      }
      tails[low] = value;
      if (low === piles) piles++;
    }
    kept += piles;
  }
  return compiled.orderIds.length - kept;
}
