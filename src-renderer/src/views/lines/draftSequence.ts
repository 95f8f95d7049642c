import type { CoverageLine, CoverageOrder } from './types';

/** Open order ids per line, in the order the lines will work through them. */
export type Sequence = Record<string, string[]>;

export interface OrderPlace {
  order: CoverageOrder;
  /** The line the current plan has it on. */
  lineId: string;
}

export type MoveRefusal = 'frozen' | 'beforeFrozen' | 'notEligible' | 'unchanged' | 'done';

export type MoveResult = { ok: true; sequence: Sequence } | { ok: false; reason: MoveRefusal };

/** Finished orders are history: only what is still to be made can be sequenced. */
export const isOpen = (order: CoverageOrder) => order.status !== 'done';

export function baseSequence(lines: readonly CoverageLine[]): Sequence {
  return Object.fromEntries(
    lines.map((line) => [line.id, line.orders.filter(isOpen).map((order) => order.id)]),
  );
}

export function orderPlaces(lines: readonly CoverageLine[]): Map<string, OrderPlace> {
  const places = new Map<string, OrderPlace>();
  for (const line of lines) for (const order of line.orders) places.set(order.id, { order, lineId: line.id });
  return places;
}

/**
 * The lines an order may run on, when the data says so; null when it does not, and then an order
 * stays on its own line (guessing eligibility would let a planner draft what cannot be built).
 */
export function eligibleLinesOf(order: CoverageOrder): readonly string[] | null {
  if (!('eligibleLines' in order)) return null;
  const value: unknown = order.eligibleLines;
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : null;
}

export function mayRunOn(place: OrderPlace, lineId: string): boolean {
  if (lineId === place.lineId) return true;
  return eligibleLinesOf(place.order)?.includes(lineId) ?? false;
}

/** Frozen orders form a prefix of their line (RESCHEDULING.md): nothing moves into or out of it. */
export function frozenCount(ids: readonly string[], places: ReadonlyMap<string, OrderPlace>): number {
  let count = 0;
  while (count < ids.length && places.get(ids[count] ?? '')?.order.frozen) count++;
  return count;
}

export function lineOf(sequence: Sequence, orderId: string): string | null {
  for (const [lineId, ids] of Object.entries(sequence)) if (ids.includes(orderId)) return lineId;
  return null;
}

/**
 * Moves an order to position `toIndex` of `toLine` (counted without the order itself). Refuses
 * what the server would refuse anyway, so the planner hears why at once and not after a round trip.
 */
export function moveOrder(
  sequence: Sequence,
  places: ReadonlyMap<string, OrderPlace>,
  orderId: string,
  toLine: string,
  toIndex: number,
): MoveResult {
  const place = places.get(orderId);
  const fromLine = lineOf(sequence, orderId);
  if (!place || !fromLine) return { ok: false, reason: 'unchanged' };
  if (place.order.frozen) return { ok: false, reason: 'frozen' };
  if (!mayRunOn(place, toLine)) return { ok: false, reason: 'notEligible' };
  const source = sequence[fromLine] ?? [];
  const target = (toLine === fromLine ? source : (sequence[toLine] ?? [])).filter((id) => id !== orderId);
  const firstFree = frozenCount(target, places);
  if (toIndex < firstFree) return { ok: false, reason: 'beforeFrozen' };
  const index = Math.min(toIndex, target.length);
  if (toLine === fromLine && source.indexOf(orderId) === index) return { ok: false, reason: 'unchanged' };
  const next = { ...sequence };
  next[fromLine] = source.filter((id) => id !== orderId);
  next[toLine] = [...target.slice(0, index), orderId, ...target.slice(index)];
  return { ok: true, sequence: next };
}

export function sameSequence(a: Sequence, b: Sequence): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left = a[key] ?? [];
    const right = b[key] ?? [];
    if (left.length !== right.length || left.some((id, index) => id !== right[index])) return false;
  }
  return true;
}

/**
 * Keeps a draft valid against a newer plan: orders finished meanwhile drop out, new orders are
 * appended on their line, and everything else stays where the planner put it.
 */
export function reconcileDraft(draft: Sequence, base: Sequence): Sequence {
  const open = new Set(Object.values(base).flat());
  const placed = new Set<string>();
  const next: Sequence = {};
  for (const lineId of Object.keys(base)) {
    next[lineId] = (draft[lineId] ?? []).filter((id) => open.has(id));
    for (const id of next[lineId]) placed.add(id);
  }
  for (const [lineId, ids] of Object.entries(base)) {
    for (const id of ids) if (!placed.has(id)) next[lineId]?.push(id);
  }
  return next;
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Array<number>(rows * cols).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i] ?? '');
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) i++;
    else j++;
  }
  return kept;
}

export interface DraftChange {
  orderId: string;
  fromLine: string;
  toLine: string;
  fromIndex: number;
  toIndex: number;
}

/**
 * The orders a planner actually picked up: those outside the longest common subsequence of plan
 * and draft on each line (the same count as the `moved` metric), not every order that shifted.
 */
export function draftChanges(base: Sequence, draft: Sequence): DraftChange[] {
  const changes: DraftChange[] = [];
  for (const [toLine, ids] of Object.entries(draft)) {
    const kept = longestCommonSubsequence(base[toLine] ?? [], ids);
    ids.forEach((orderId, toIndex) => {
      if (kept.has(orderId)) return;
      const fromLine = lineOf(base, orderId) ?? toLine;
      changes.push({
        orderId,
        fromLine,
        toLine,
        fromIndex: (base[fromLine] ?? []).indexOf(orderId),
        toIndex,
      });
    });
  }
  return changes;
}
