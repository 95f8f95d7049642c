// Seeded pseudo-random numbers for the demo plant and its simulator. A stream is named by its key
// (seed, entity id, purpose, time bucket …), so every draw can be repeated without replaying any
// other: the same key gives the same numbers, whatever else happened before. Never Math.random.

export type RandomKey = readonly (string | number)[];

/** A 32-bit hash of the key (cyrb53's mixing, folded to 32 bits). */
export function hashKey(key: RandomKey): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = key.join('\u241f');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast and good enough for simulation noise (the benches seed it by number). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomStream(...key: RandomKey): RandomStream {
  const next = mulberry32(hashKey(key));
  const stream: RandomStream = {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items, weight) => {
      const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
      if (items.length === 0 || total <= 0) throw new RangeError('Cannot pick from weights that sum to 0');
      let target = next() * total;
      for (const item of items) {
        target -= Math.max(0, weight(item));
        if (target < 0) return item;
      }
      return items[items.length - 1]!;
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
  return stream;
}

/** One uniform draw in [0, 1) for the key: the cheap form for per-bucket decisions. */
export function unitDraw(...key: RandomKey): number {
  return mulberry32(hashKey(key))();
}
