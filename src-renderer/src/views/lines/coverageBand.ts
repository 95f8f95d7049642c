/** green: material covered; amber: a part runs below safety stock; red: predicted stoppage; idle: nothing planned. */
export type BandTone = 'covered' | 'low' | 'stop' | 'idle';

export interface Interval {
  from: number;
  to: number;
}

export interface BandSegment extends Interval {
  tone: BandTone;
}

const RANK: Record<BandTone, number> = { idle: 0, covered: 1, low: 2, stop: 3 };

/**
 * The coverage band under a line, as segments over [from, to): the worst state wins at every
 * moment, and neighbouring segments of one tone merge so the band reads as a few calm blocks.
 */
export function coverageBand(
  from: number,
  to: number,
  busy: readonly Interval[],
  low: readonly Interval[],
  stops: readonly Interval[],
): BandSegment[] {
  const layers: [BandTone, readonly Interval[]][] = [
    ['covered', busy],
    ['low', low],
    ['stop', stops],
  ];
  const cuts = new Set<number>([from, to]);
  for (const [, intervals] of layers) {
    for (const interval of intervals) {
      if (interval.from > from && interval.from < to) cuts.add(interval.from);
      if (interval.to > from && interval.to < to) cuts.add(interval.to);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: BandSegment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index] ?? from;
    const end = points[index + 1] ?? to;
    const middle = (start + end) / 2;
    let tone: BandTone = 'idle';
    for (const [layerTone, intervals] of layers) {
      if (
        RANK[layerTone] > RANK[tone] &&
        intervals.some((entry) => entry.from <= middle && middle < entry.to)
      ) {
        tone = layerTone;
      }
    }
    const last = segments.at(-1);
    if (last && last.tone === tone && last.to === start) last.to = end;
    else segments.push({ from: start, to: end, tone });
  }
  return segments;
}

/** Where a stock curve lies below a level: [from, to) intervals, the last one open to `end`. */
export function intervalsBelow(
  points: readonly { t: number; stock: number }[],
  level: number,
  end: number,
): Interval[] {
  const intervals: Interval[] = [];
  let open: number | null = null;
  for (const point of points) {
    if (point.stock < level && open === null) open = point.t;
    else if (point.stock >= level && open !== null) {
      intervals.push({ from: open, to: point.t });
      open = null;
    }
  }
  if (open !== null && open < end) intervals.push({ from: open, to: end });
  return intervals;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const left of a) {
    for (const right of b) {
      const from = Math.max(left.from, right.from);
      const to = Math.min(left.to, right.to);
      if (to > from) result.push({ from, to });
    }
  }
  return result;
}
