import type { CompiledInstance } from '../compile';

// Interchangeable orders for the exhaustive search. Two unfrozen orders with the same product,
// quantity, due time and eligible lines give the same stoppage, tardiness, setups and unproduced
// units wherever they swap places, so the search branches over classes, not orders. Only `moved`
// tells them apart, and for a sequence of classes the best labelling is found exactly afterwards:
// a longest common subsequence of classes between the plan and the schedule on each line can always
// be realised by giving each matched slot the plan's order there (matched plan positions are
// distinct orders) and the class's left-over members to the unmatched slots.

export interface OrderClasses {
  /** Class of each order. */
  readonly classOf: Int32Array;
  /** Members of each class, in order index order. */
  readonly members: number[][];
  /** Per line, the plan's sequence as classes. */
  readonly planClasses: Int32Array[];
}

export function orderClasses(compiled: CompiledInstance): OrderClasses {
  const { orderProduct, orderQuantity, orderDue, orderFrozen, eligible, planSequences } = compiled;
  const classOf = new Int32Array(orderProduct.length);
  const members: number[][] = [];
  const byKey = new Map<string, number>();
  for (let order = 0; order < orderProduct.length; order++) {
    // A frozen order is its own class: its place is fixed, nothing can stand in for it.
    const key = orderFrozen[order]
      ? `frozen:${order}`
      : `${orderProduct[order]}|${orderQuantity[order]}|${orderDue[order]}|${eligible[order]!.join(',')}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = members.length;
      byKey.set(key, index);
      members.push([]);
    }
    members[index]!.push(order);
    classOf[order] = index;
  }
  const planClasses = planSequences.map((sequence) => Int32Array.from(sequence, (order) => classOf[order]!));
  return { classOf, members, planClasses };
}

/**
 * The line's sequence of classes that keeps the most plan matches when `free` (classes placed after
 * the line could produce nothing more, so their order there changes no other metric) may be
 * arranged at will: the live part as it is, then the free classes that the plan has after the best
 * split point, in plan order, then the rest. Returns the arrangement and its match count.
 */
export function arrangeLine(
  plan: Int32Array,
  live: readonly number[],
  free: readonly number[],
  classCount: number,
): { sequence: number[]; matches: number } {
  const row = lcsRow(plan, live);
  const want = new Int32Array(classCount);
  for (const c of free) want[c]! += 1;
  // Walking the plan from its end: gain[i] = free classes matchable within plan[i …].
  const taken = new Int32Array(classCount);
  let gain = 0;
  let best = row[plan.length]!;
  let split = plan.length;
  for (let i = plan.length - 1; i >= 0; i--) {
    const c = plan[i]!;
    if (taken[c]! < want[c]!) {
      taken[c]! += 1;
      gain += 1;
    }
    if (row[i]! + gain > best) {
      best = row[i]! + gain;
      split = i;
    }
  }
  const sequence = [...live];
  const left = want.slice();
  for (let i = split; i < plan.length; i++) {
    const c = plan[i]!;
    if (left[c]! > 0) {
      left[c]! -= 1;
      sequence.push(c);
    }
  }
  for (const c of free) {
    if (left[c]! > 0) {
      left[c]! -= 1;
      sequence.push(c);
    }
  }
  return { sequence, matches: best };
}

/** row[i] = LCS(plan[0 … i), sequence), for every i. */
export function lcsRow(plan: Int32Array, sequence: readonly number[]): Int32Array {
  let row = new Int32Array(plan.length + 1);
  for (const c of sequence) {
    const next = new Int32Array(plan.length + 1);
    for (let i = 0; i < plan.length; i++) {
      next[i + 1] = plan[i] === c ? row[i]! + 1 : Math.max(row[i + 1]!, next[i]!);
    }
    row = next;
  }
  return row;
}

/**
 * Concrete orders for per-line class sequences: each line's LCS with the plan (over classes) gets
 * the plan's own orders, every other slot the lowest left-over member of its class.
 */
export function labelSequences(
  classes: OrderClasses,
  planSequences: readonly (readonly number[])[],
  classSequences: readonly (readonly number[])[],
): number[][] {
  const used = new Uint8Array(classes.classOf.length);
  const labelled = classSequences.map((sequence, line) => {
    const plan = classes.planClasses[line]!;
    const planOrders = planSequences[line]!;
    const slots = new Int32Array(sequence.length).fill(-1);
    // Full LCS table, then a traceback pairing schedule slots with plan positions.
    const width = sequence.length + 1;
    const table = new Int32Array((plan.length + 1) * width);
    for (let i = 1; i <= plan.length; i++) {
      for (let j = 1; j <= sequence.length; j++) {
        table[i * width + j] =
          plan[i - 1] === sequence[j - 1]
            ? table[(i - 1) * width + j - 1]! + 1
            : Math.max(table[(i - 1) * width + j]!, table[i * width + j - 1]!);
      }
    }
    let i = plan.length;
    let j = sequence.length;
    while (i > 0 && j > 0) {
      if (plan[i - 1] === sequence[j - 1] && table[i * width + j] === table[(i - 1) * width + j - 1]! + 1) {
        const order = planOrders[i - 1]!;
        slots[j - 1] = order;
        used[order] = 1;
        i -= 1;
        j -= 1;
      } else if (table[(i - 1) * width + j]! >= table[i * width + j - 1]!) i -= 1;
      else j -= 1;
    }
    return slots;
  });
  return labelled.map((slots, line) =>
    Array.from(slots, (order, j) => {
      if (order >= 0) return order;
      const member = classes.members[classSequences[line]![j]!]!.find((candidate) => !used[candidate])!;
      used[member] = 1;
      return member;
    }),
  );
}
