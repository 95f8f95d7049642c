import type { CompiledInstance } from './compile';

/** What the fast evaluator can tell beyond the metrics (evaluate(..., { trace: true })). */
export interface EvaluationTrace {
  /** Each wait for material, in the order the waits began. */
  stoppages: Array<{
    line: string;
    order: string;
    /** The first part of the product's BOM (bom key order) that was short when the wait began. */
    part: string;
    start: number;
    /** When the line resumed, or the horizon. */
    end: number;
    /** Index into instance.supplies of the arrival that let the line resume (the lowest index among
     * those arriving then for the part it was short of); null when it waited up to the horizon. */
    resumedBySupply: number | null;
  }>;
  /** Per order in instance order. */
  orders: Array<{
    id: string;
    line: string;
    /** When the setup before this order began; null when none was performed. */
    setupStart: number | null;
    firstUnitStart: number | null;
    /** End of the last unit started (may be after the horizon). */
    lastUnitEnd: number | null;
    startedUnits: number;
    completion: number;
    tardiness: number;
  }>;
  /**
   * Per part some BOM uses: the minimum stock held in each 15-minute bucket [15k, 15k + 15), as a
   * point at t = 15k wherever that minimum differs from the previous point, so a dip to zero is never
   * lost; then the stock held at the horizon as a last point at t = horizon. Absent when the trace
   * was asked for without them (evaluate(..., { trace: true, stockCurves: false })).
   */
  stockCurves?: Array<{ part: string; points: Array<{ t: number; stock: number }> }>;
  /**
   * Per part some BOM uses (in the order of stockCurves), always present: `emptyAt` is the t of the
   * first point of the part's stock curve that is at or below zero once the curve has fallen (below
   * the initial stock, or below the previous point); null when there is none. What stockCurves
   * would give, at the cost of a few numbers per part.
   */
  partEmpty: Array<{ part: string; emptyAt: number | null }>;
}

export interface TraceOptions {
  /** Whether to build stockCurves (default true); partEmpty is recorded either way. */
  stockCurves?: boolean;
}

export const STOCK_BUCKET_MINUTES = 15;

type Stoppage = EvaluationTrace['stoppages'][number];

/** Collects events while the fast evaluator runs; only created when a trace is asked for. */
export class TraceRecorder {
  private readonly compiled: CompiledInstance;
  private readonly stoppages: Stoppage[] = [];
  private readonly openStoppage: (Stoppage | null)[];
  private readonly orderLine: Int32Array;
  private readonly setupStart: Float64Array;
  private readonly firstUnitStart: Float64Array;
  private readonly lastUnitEnd: Float64Array;
  // Stock, per part, folded into 15-minute buckets as it changes (times only grow): the level,
  // the bucket open and its minimum so far and where it ends; every closed bucket's minimum goes
  // to `minima` (parts × buckets, when curves are asked for) and to the emptyAt search.
  private readonly buckets: number;
  private readonly level: Float64Array;
  private readonly bucket: Int32Array;
  private readonly bucketMin: Float64Array;
  private readonly bucketEnd: Float64Array;
  private readonly minima: Float64Array | null;
  /** emptyAt search: the last closed bucket's minimum, whether the stock has fallen, the result (NaN: none yet). */
  private readonly previousMin: Float64Array;
  private readonly fallen: Uint8Array;
  private readonly emptyAt: Float64Array;

  constructor(compiled: CompiledInstance, sequences: readonly (readonly number[])[], options?: TraceOptions) {
    this.compiled = compiled;
    const orders = compiled.orderIds.length;
    this.openStoppage = compiled.lineIds.map(() => null);
    this.orderLine = new Int32Array(orders).fill(-1);
    sequences.forEach((sequence, line) => {
      for (const order of sequence) this.orderLine[order] = line;
    });
    this.setupStart = new Float64Array(orders).fill(Number.NaN);
    this.firstUnitStart = new Float64Array(orders).fill(Number.NaN);
    this.lastUnitEnd = new Float64Array(orders).fill(Number.NaN);
    const parts = compiled.partIds.length;
    this.buckets = Math.max(0, Math.ceil(compiled.horizon / STOCK_BUCKET_MINUTES));
    this.level = Float64Array.from(compiled.initialStock);
    this.bucket = new Int32Array(parts);
    this.bucketMin = Float64Array.from(compiled.initialStock);
    this.bucketEnd = new Float64Array(parts).fill(STOCK_BUCKET_MINUTES);
    this.minima = options?.stockCurves === false ? null : new Float64Array(parts * this.buckets);
    this.previousMin = Float64Array.from(compiled.initialStock);
    this.fallen = new Uint8Array(parts);
    this.emptyAt = new Float64Array(parts).fill(Number.NaN);
  }

  setup(order: number, t: number): void {
    this.setupStart[order] = t;
  }

  unitStart(order: number, t: number, end: number): void {
    if (Number.isNaN(this.firstUnitStart[order]!)) this.firstUnitStart[order] = t;
    this.lastUnitEnd[order] = end;
  }

  /** The stock of `part` is `stock` after a change at t (times never decrease). */
  stock(part: number, t: number, stock: number): void {
    if (t >= this.compiled.horizon) return;
    if (t >= this.bucketEnd[part]!) {
      let k = Math.floor(t / STOCK_BUCKET_MINUTES);
      while (t >= (k + 1) * STOCK_BUCKET_MINUTES) k++;
      while (k > 0 && t < k * STOCK_BUCKET_MINUTES) k--;
      this.closeBuckets(part, k);
    }
    if (stock < this.bucketMin[part]!) this.bucketMin[part] = stock;
    this.level[part] = stock;
  }

  /** Closes the open bucket and those up to bucket k (exclusive), which held the level; opens k. */
  private closeBuckets(part: number, k: number): void {
    const open = this.bucket[part]!;
    const level = this.level[part]!;
    this.closed(part, open, open + 1, this.bucketMin[part]!);
    if (k > open + 1) this.closed(part, open + 1, k, level);
    this.bucket[part] = k;
    this.bucketMin[part] = level;
    this.bucketEnd[part] = (k + 1) * STOCK_BUCKET_MINUTES;
  }

  /** Buckets [from, to) had `minimum` as their minimum. */
  private closed(part: number, from: number, to: number, minimum: number): void {
    const minima = this.minima;
    if (minima !== null) minima.fill(minimum, part * this.buckets + from, part * this.buckets + to);
    this.curvePoint(part, from * STOCK_BUCKET_MINUTES, minimum);
  }

  /** The emptyAt search over the curve's points (equal neighbours change nothing, so runs count once). */
  private curvePoint(part: number, t: number, stock: number): void {
    if (!Number.isNaN(this.emptyAt[part]!)) return;
    if (stock < this.previousMin[part]!) this.fallen[part] = 1;
    this.previousMin[part] = stock;
    if (this.fallen[part] === 1 && stock <= 0) this.emptyAt[part] = t;
  }

  waitStart(line: number, order: number, part: number, t: number): void {
    const stoppage: Stoppage = {
      line: this.compiled.lineIds[line]!,
      order: this.compiled.orderIds[order]!,
      part: this.compiled.partIds[part]!,
      start: t,
      end: this.compiled.horizon,
      resumedBySupply: null,
    };
    this.stoppages.push(stoppage);
    this.openStoppage[line] = stoppage;
  }

  /** The line resumes at t, woken by the supplies of `part` arriving at t. */
  resume(line: number, part: number, t: number): void {
    const stoppage = this.openStoppage[line]!;
    const { supplyTime, supplyPart, supplyIndex } = this.compiled;
    let supply = -1;
    for (let s = 0; s < supplyTime.length; s++) {
      if (supplyTime[s] === t && supplyPart[s] === part && (supply < 0 || supplyIndex[s]! < supply)) {
        supply = supplyIndex[s]!;
      }
    }
    stoppage.end = t;
    stoppage.resumedBySupply = supply < 0 ? null : supply;
    this.openStoppage[line] = null;
  }

  finish(started: Float64Array, completion: Float64Array): EvaluationTrace {
    const c = this.compiled;
    const orNull = (value: number) => (Number.isNaN(value) ? null : value);
    const orders = c.orderIds.map((id, o) => ({
      id,
      line: c.lineIds[this.orderLine[o]!] ?? '',
      setupStart: orNull(this.setupStart[o]!),
      firstUnitStart: orNull(this.firstUnitStart[o]!),
      lastUnitEnd: orNull(this.lastUnitEnd[o]!),
      startedUnits: started[o]!,
      completion: completion[o]!,
      tardiness: Math.max(0, completion[o]! - c.orderDue[o]!),
    }));
    const buckets = this.buckets;
    const minima = this.minima;
    const stockCurves: NonNullable<EvaluationTrace['stockCurves']> = [];
    const partEmpty: EvaluationTrace['partEmpty'] = [];
    c.partIds.forEach((part, k) => {
      if (!c.usedParts[k]) return;
      if (buckets > 0) this.closeBuckets(k, buckets);
      this.curvePoint(k, c.horizon, this.level[k]!);
      const emptyAt = this.emptyAt[k]!;
      partEmpty.push({ part, emptyAt: Number.isNaN(emptyAt) ? null : emptyAt });
      if (minima === null) return;
      const points: Array<{ t: number; stock: number }> = [];
      for (let b = 0; b < buckets; b++) {
        const minimum = minima[k * buckets + b]!;
        if (points.length === 0 || points[points.length - 1]!.stock !== minimum)
          points.push({ t: b * STOCK_BUCKET_MINUTES, stock: minimum });
      }
      points.push({ t: c.horizon, stock: this.level[k]! });
      stockCurves.push({ part, points });
    });
    return minima === null
      ? { stoppages: this.stoppages, orders, partEmpty }
      : { stoppages: this.stoppages, orders, stockCurves, partEmpty };
  }
}

/**
 * The per-bucket minimum curve described on EvaluationTrace.stockCurves, from the changes of one
 * part ([t, stock, t, stock …], times before the horizon): the reference the recorder is held to.
 */
export function bucketCurve(
  initial: number,
  changes: readonly number[],
  horizon: number,
): Array<{ t: number; stock: number }> {
  const points: Array<{ t: number; stock: number }> = [];
  let level = initial;
  let i = 0;
  for (let start = 0; start < horizon; start += STOCK_BUCKET_MINUTES) {
    const end = start + STOCK_BUCKET_MINUTES;
    let minimum = level;
    while (i < changes.length && changes[i]! < end) {
      level = changes[i + 1]!;
      if (level < minimum) minimum = level;
      i += 2;
    }
    if (points.length === 0 || points[points.length - 1]!.stock !== minimum)
      points.push({ t: start, stock: minimum });
  }
  points.push({ t: horizon, stock: level });
  return points;
}
