import { describe, expect, it } from 'vitest';
import { compileInstance, evaluate, evaluateSchedule, parseInstance } from '../../src-main/domain/reschedule';
import { bucketCurve } from '../../src-main/domain/reschedule/trace';

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
    const curves = Object.fromEntries(trace!.stockCurves.map((curve) => [curve.part, curve.points]));
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
