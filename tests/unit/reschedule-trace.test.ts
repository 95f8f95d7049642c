import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileInstance,
  evaluate,
  evaluateSchedule,
  parseInstance,
  randomInstance,
  randomSchedule,
  scheduleSequences,
} from '../../src-main/domain/reschedule';
import { bucketCurve, TraceRecorder } from '../../src-main/domain/reschedule/trace';

// The trace of the fast evaluator on a hand-computed instance: stoppages with the short part and
// the supply that ended them, per-order times, and the bucketed stock curves.

const instance = parseInstance({
  horizon: 60,
  parts: [
    { id: 'P1', stock: 2 },
    { id: 'P2', stock: 100 },
    { id: 'P3', stock: 7 },
  ],
  products: [
    { id: 'A', bom: { P2: 1, P1: 1 } },
    { id: 'B', bom: { P2: 1 } },
  ],
  lines: [
    { id: 'L1', minutesPerUnit: { A: 4, B: 2 }, setup: { A: { B: 5 } }, initialProduct: 'A' },
    { id: 'L2', minutesPerUnit: { A: 10 } },
  ],
  orders: [
    { id: 'O1', product: 'A', quantity: 3, due: 10 },
    { id: 'O2', product: 'B', quantity: 2, due: 100 },
    { id: 'O3', product: 'A', quantity: 1, due: 0 },
  ],
  plan: { L1: ['O1', 'O2'], L2: ['O3'] },
  supplies: [
    { part: 'P3', quantity: 1, at: 20 },
    { part: 'P1', quantity: 1, at: 20 },
    { part: 'P1', quantity: 1, at: 20 },
    { part: 'P1', quantity: 5, at: 90 },
  ],
});

describe('evaluation trace', () => {
  // t=0: L1 starts O1 unit 1 (P1 2→1), L2 starts O3 (P1 1→0), O3 ends at 10.
  // t=4: L1 is short of P1 (the second BOM entry; P2 is plentiful): waits 4–20.
  // t=20: two P1 arrive (supplies 1 and 2): L1 resumes, units at 20 and 24; O1 ends at 28.
  // 28–33 setup A→B, O2 units at 33 and 35, ends at 37.
  const { metrics, trace } = evaluateSchedule(instance, { lines: instance.plan }, { trace: true });

  it('gives the metrics', () => {
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 16,
      tardinessMinutes: 28,
      setups: 1,
      moved: 0,
    });
  });

  it('records each wait with the part short at its start and the supply that ended it', () => {
    expect(trace!.stoppages).toEqual([
      { line: 'L1', order: 'O1', part: 'P1', start: 4, end: 20, resumedBySupply: 1 },
    ]);
  });

  it('records per order the setup, first and last unit, completion and tardiness', () => {
    expect(trace!.orders).toEqual([
      {
        id: 'O1',
        line: 'L1',
        setupStart: null,
        firstUnitStart: 0,
        lastUnitEnd: 28,
        startedUnits: 3,
        completion: 28,
        tardiness: 18,
      },
      {
        id: 'O2',
        line: 'L1',
        setupStart: 28,
        firstUnitStart: 33,
        lastUnitEnd: 37,
        startedUnits: 2,
        completion: 37,
        tardiness: 0,
      },
      {
        id: 'O3',
        line: 'L2',
        setupStart: null,
        firstUnitStart: 0,
        lastUnitEnd: 10,
        startedUnits: 1,
        completion: 10,
        tardiness: 10,
      },
    ]);
  });

  it('gives stock curves of the parts a BOM uses, as the minimum per 15-minute bucket', () => {
    const curves = Object.fromEntries(trace!.stockCurves!.map((curve) => [curve.part, curve.points]));
    expect(Object.keys(curves).sort()).toEqual(['P1', 'P2']); // P3 is in no BOM
    // P1: 2 → 1 → 0 at t=0; 0 until 20, +2 → 2, then 1 (20), 0 (24). Bucket 15–30 dips to 0.
    expect(curves.P1).toEqual([
      { t: 0, stock: 0 },
      { t: 60, stock: 0 },
    ]);
    // P2: 100 → 98 at 0, 97 at 20, 96 at 24, 95 at 33, 94 at 35.
    expect(curves.P2).toEqual([
      { t: 0, stock: 98 },
      { t: 15, stock: 96 },
      { t: 30, stock: 94 },
      { t: 60, stock: 94 },
    ]);
  });

  it('keeps a dip inside a bucket and the level held at the horizon', () => {
    // 10 at start; 0 at 16 and back to 30 at 20; 25 at 40.
    expect(bucketCurve(10, [16, 0, 20, 30, 40, 25], 60)).toEqual([
      { t: 0, stock: 10 },
      { t: 15, stock: 0 },
      { t: 30, stock: 25 },
      { t: 60, stock: 25 },
    ]);
  });

  it('names the first short part in BOM key order', () => {
    // Product A lists P2 before P1; with both at 0 the stoppage names P2.
    const bothShort = parseInstance({
      ...instance,
      parts: [
        { id: 'P1', stock: 0 },
        { id: 'P2', stock: 0 },
      ],
      supplies: [],
    });
    const result = evaluateSchedule(bothShort, { lines: bothShort.plan }, { trace: true });
    expect(result.trace!.stoppages.map((stoppage) => [stoppage.line, stoppage.part])).toEqual([
      ['L1', 'P2'],
      ['L2', 'P2'],
    ]);
  });

  it('ends a stoppage at the horizon when no supply comes, and the trace changes no metric', () => {
    const compiled = compileInstance(instance);
    const starved = parseInstance({ ...instance, supplies: [] });
    const result = evaluateSchedule(starved, { lines: starved.plan }, { trace: true });
    expect(result.trace!.stoppages).toEqual([
      { line: 'L1', order: 'O1', part: 'P1', start: 4, end: 60, resumedBySupply: null },
    ]);
    expect(evaluate(compiled, compiled.planSequences).metrics).toEqual(metrics);
    expect(evaluate(compiled, compiled.planSequences).trace).toBeUndefined();
  });
});

/**
 * What the coverage projection took from a stock curve before partEmpty existed: the first point at
 * or below zero once the curve had fallen below the initial stock or the previous point.
 */
function emptyAtOfCurve(initial: number, points: readonly { t: number; stock: number }[]): number | null {
  let fallen = false;
  let previous = initial;
  for (const point of points) {
    if (point.stock < previous) fallen = true;
    previous = point.stock;
    if (fallen && point.stock <= 0) return point.t;
  }
  return null;
}

describe('stock curves recorded bucket by bucket', () => {
  it('equal bucketCurve over the changes, and partEmpty equals what the curve gives', () => {
    const compiled = compileInstance(instance); // P1 and P2 are used, initial 2 and 100
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 40 * 64 }),
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: -2, max: 6 }),
          ),
          { maxLength: 40 },
        ),
        (raw) => {
          const recorder = new TraceRecorder(compiled, compiled.planSequences);
          const cheap = new TraceRecorder(compiled, compiled.planSequences, { stockCurves: false });
          const changes: number[][] = compiled.partIds.map(() => []);
          const level = Float64Array.from(compiled.initialStock);
          let t = 0;
          for (const [step, part, stock] of raw) {
            t += step % 3 === 0 ? 0 : step / 64; // times only grow; many repeat
            level[part] = Math.max(0, stock);
            recorder.stock(part, t, level[part]!);
            cheap.stock(part, t, level[part]!);
            if (t < compiled.horizon) changes[part]!.push(t, level[part]!);
          }
          const started = new Float64Array(compiled.orderIds.length);
          const completion = new Float64Array(compiled.orderIds.length);
          const full = recorder.finish(started, completion);
          const expected = ['P1', 'P2'].map((part) => {
            const k = compiled.partIndex.get(part)!;
            return { part, points: bucketCurve(compiled.initialStock[k]!, changes[k]!, compiled.horizon) };
          });
          expect(full.stockCurves).toEqual(expected);
          const emptyAt = expected.map(({ part, points }) => ({
            part,
            emptyAt: emptyAtOfCurve(compiled.initialStock[compiled.partIndex.get(part)!]!, points),
          }));
          expect(full.partEmpty).toEqual(emptyAt);
          const withoutCurves = cheap.finish(started, completion);
          expect(withoutCurves.stockCurves).toBeUndefined();
          expect(withoutCurves.partEmpty).toEqual(emptyAt);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without stock curves, gives the same stoppages, orders and partEmpty as the full trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, coarse) => {
        const random = randomInstance(seed, { lines: 3, orders: 14, parts: 7, coarse });
        const compiled = compileInstance(random);
        for (const sequences of [
          compiled.planSequences,
          scheduleSequences(compiled, randomSchedule(random, seed)),
        ]) {
          const full = evaluate(compiled, sequences, { trace: true });
          const cheap = evaluate(compiled, sequences, { trace: true, stockCurves: false });
          expect(cheap.metrics).toEqual(full.metrics);
          expect(cheap.trace!.stockCurves).toBeUndefined();
          expect(cheap.trace!.stoppages).toEqual(full.trace!.stoppages);
          expect(cheap.trace!.orders).toEqual(full.trace!.orders);
          expect(cheap.trace!.partEmpty).toEqual(full.trace!.partEmpty);
          expect(full.trace!.partEmpty).toEqual(
            full.trace!.stockCurves!.map(({ part, points }) => ({
              part,
              emptyAt: emptyAtOfCurve(compiled.initialStock[compiled.partIndex.get(part)!]!, points),
            })),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
