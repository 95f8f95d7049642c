import { describe, expect, it } from 'vitest';
import {
  evaluateSchedule,
  type Instance,
  type Metrics,
  parseInstance,
  referenceEvaluate,
  type Schedule,
} from '../../src-main/domain/reschedule';

// Each rule of RESCHEDULING.md on a tiny instance whose numbers are worked out by hand in the
// comments. The fast evaluator must agree on every one of them too.

type Draft = Partial<Instance> & Pick<Instance, 'lines' | 'orders' | 'plan'>;

function build(draft: Draft): Instance {
  return parseInstance({
    horizon: 100,
    parts: [],
    products: [
      { id: 'A', bom: { P1: 1 } },
      { id: 'B', bom: { P1: 1 } },
    ],
    supplies: [],
    ...draft,
  });
}

/** Reference metrics of the schedule (the plan by default), checked against the fast evaluator. */
function run(instance: Instance, schedule: Schedule = { lines: instance.plan }): Metrics {
  const reference = referenceEvaluate(instance, schedule);
  expect(evaluateSchedule(instance, schedule).metrics).toEqual(reference);
  return reference;
}

const order = (id: string, product: string, quantity: number, due = 1000, extra = {}) => ({
  id,
  product,
  quantity,
  due,
  ...extra,
});

describe('reference evaluator', () => {
  it('makes an order unit by unit and completes it when its last unit ends', () => {
    // Units at 0, 2, 4; the last ends at 6, one minute after the due time 5.
    const metrics = run(
      build({
        parts: [{ id: 'P1', stock: 10 }],
        lines: [{ id: 'L1', minutesPerUnit: { A: 2 } }],
        orders: [order('O1', 'A', 3, 5)],
        plan: { L1: ['O1'] },
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 1,
      setups: 0,
      moved: 0,
    });
  });

  it('gives the last units to the line first in the lines array when two lines want them at the same time', () => {
    // Stock 3, both lines start a unit at 0 (stock 1 left) and want one more at 1: the first line in
    // the array takes it, the other waits from 1 to the horizon 10 and its order completes at 10.
    const draft: Draft = {
      horizon: 10,
      parts: [{ id: 'P1', stock: 3 }],
      lines: [
        { id: 'L1', minutesPerUnit: { A: 1 } },
        { id: 'L2', minutesPerUnit: { A: 1 } },
      ],
      orders: [order('O1', 'A', 2, 100), order('O2', 'A', 2, 0)],
      plan: { L1: ['O1'], L2: ['O2'] },
    };
    const l1First = run(build(draft));
    expect(l1First).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 9,
      tardinessMinutes: 10,
      setups: 0,
      moved: 0,
    });
    // Same plant with L2 listed first: O2 gets the unit and completes at 2 (tardiness 2); O1 waits.
    const l2First = run(build({ ...draft, lines: [...draft.lines].reverse() }));
    expect(l2First).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 9,
      tardinessMinutes: 2,
      setups: 0,
      moved: 0,
    });
  });

  it('lets a supply arriving exactly when a unit is ready be used by that unit', () => {
    // Stock 1: unit 1 at 0–5; the supply at 5 is added before the unit start at 5: no wait.
    const draft: Draft = {
      parts: [{ id: 'P1', stock: 1 }],
      lines: [{ id: 'L1', minutesPerUnit: { A: 5 } }],
      orders: [order('O1', 'A', 2, 0)],
      plan: { L1: ['O1'] },
      supplies: [{ part: 'P1', quantity: 1, at: 5 }],
    };
    expect(run(build(draft))).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 10,
      setups: 0,
      moved: 0,
    });
    // A quarter minute later: the line waits 5–5.25 and the order completes at 10.25.
    const late = run(build({ ...draft, supplies: [{ part: 'P1', quantity: 1, at: 5.25 }] }));
    expect(late).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0.25,
      tardinessMinutes: 10.25,
      setups: 0,
      moved: 0,
    });
  });

  it('retries a waiting line when a supply arrives, in lines order, and counts the wait as stoppage', () => {
    // Stock 0. Both lines wait from 0. The supply of 1 at 4 goes to L1 (first in the array), unit
    // 4–6; L2 waits to the horizon 20. Stoppage 4 + 20 = 24. A supply of another part at 2 changes
    // nothing.
    const metrics = run(
      build({
        horizon: 20,
        parts: [{ id: 'P1', stock: 0 }],
        lines: [
          { id: 'L1', minutesPerUnit: { A: 2 } },
          { id: 'L2', minutesPerUnit: { A: 2 } },
        ],
        orders: [order('O1', 'A', 1, 0), order('O2', 'A', 1, 0)],
        plan: { L1: ['O1'], L2: ['O2'] },
        supplies: [
          { part: 'P1', quantity: 1, at: 4 },
          { part: 'P2', quantity: 5, at: 2 },
        ],
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 24,
      tardinessMinutes: 26,
      setups: 0,
      moved: 0,
    });
  });

  it('checks every part of the BOM and consumes the material when the unit starts', () => {
    // Per unit 2 × P1 and 1 × P2. P1 stock 5 → two units (0, 3), then 1 left: wait from 6.
    // Supply of 1 × P1 at 10 → 2 in stock: unit at 10–13. Horizon 20: stoppage 4.
    const metrics = run(
      build({
        horizon: 20,
        parts: [
          { id: 'P1', stock: 5 },
          { id: 'P2', stock: 9 },
        ],
        products: [{ id: 'A', bom: { P1: 2, P2: 1 } }],
        lines: [{ id: 'L1', minutesPerUnit: { A: 3 } }],
        orders: [order('O1', 'A', 3, 13)],
        plan: { L1: ['O1'] },
        supplies: [{ part: 'P1', quantity: 1, at: 10 }],
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 4,
      tardinessMinutes: 0,
      setups: 0,
      moved: 0,
    });
  });

  it('does not start a setup that would end exactly at the horizon', () => {
    // O1: 0–2. Setup A→B of 8 would end at 10 = horizon: not started, not counted; O2's unit is
    // unproduced and O2 completes at the horizon (10 − due 0).
    const draft: Draft = {
      horizon: 10,
      parts: [{ id: 'P1', stock: 10 }],
      lines: [{ id: 'L1', minutesPerUnit: { A: 2, B: 1 }, setup: { A: { B: 8 } }, initialProduct: 'A' }],
      orders: [order('O1', 'A', 1), order('O2', 'B', 1, 0)],
      plan: { L1: ['O1', 'O2'] },
    };
    expect(run(build(draft))).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 0,
      tardinessMinutes: 10,
      setups: 0,
      moved: 0,
    });
    // A setup of 7.75 ends at 9.75 < 10: counted, and B's unit starts at 9.75 and ends at 10.75.
    const shorter = build({ ...draft, lines: [{ ...draft.lines[0]!, setup: { A: { B: 7.75 } } }] });
    expect(run(shorter)).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 10.75,
      setups: 1,
      moved: 0,
    });
  });

  it('counts a product change without a setup entry as a setup of 0 minutes', () => {
    // initialProduct A, order of B, no setup table: one setup, the unit starts at 0 and ends at 1.
    const metrics = run(
      build({
        parts: [{ id: 'P1', stock: 10 }],
        lines: [{ id: 'L1', minutesPerUnit: { B: 1 }, initialProduct: 'A' }],
        orders: [order('O1', 'B', 1, 0)],
        plan: { L1: ['O1'] },
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 1,
      setups: 1,
      moved: 0,
    });
  });

  it('needs no setup before the first order when the line has no initialProduct', () => {
    // O1 (B) starts at 0 without setup; O2 (A) needs B→A = 3: 2–5, unit 5–6; O3 (A) no setup.
    const line = { id: 'L1', minutesPerUnit: { A: 1, B: 2 }, setup: { A: { B: 50 }, B: { A: 3 } } };
    const metrics = run(
      build({
        parts: [{ id: 'P1', stock: 10 }],
        lines: [line],
        orders: [order('O1', 'B', 1, 0), order('O2', 'A', 1, 0), order('O3', 'A', 1, 0)],
        plan: { L1: ['O1', 'O2', 'O3'] },
      }),
    );
    // Completions 2, 6, 7.
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 15,
      setups: 1,
      moved: 0,
    });
    // null means the same as absent.
    const withNull = build({
      parts: [{ id: 'P1', stock: 10 }],
      lines: [{ ...line, initialProduct: null }],
      orders: [order('O1', 'B', 1, 0)],
      plan: { L1: ['O1'] },
    });
    expect(run(withNull).setups).toBe(0);
  });

  it('does not set up when the next order has the product the line already makes', () => {
    const metrics = run(
      build({
        parts: [{ id: 'P1', stock: 10 }],
        lines: [{ id: 'L1', minutesPerUnit: { A: 1 }, setup: { B: { A: 9 } }, initialProduct: 'A' }],
        orders: [order('O1', 'A', 1), order('O2', 'A', 1)],
        plan: { L1: ['O1', 'O2'] },
      }),
    );
    expect(metrics.setups).toBe(0);
  });

  it('completes an order partly started at the horizon at the horizon', () => {
    // 10 units of 1 minute, horizon 5: units 0–4 start, 5 are unproduced; completion 5, due 2.
    const metrics = run(
      build({
        horizon: 5,
        parts: [{ id: 'P1', stock: 100 }],
        lines: [{ id: 'L1', minutesPerUnit: { A: 1 } }],
        orders: [order('O1', 'A', 10, 2)],
        plan: { L1: ['O1'] },
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 5,
      stoppageMinutes: 0,
      tardinessMinutes: 3,
      setups: 0,
      moved: 0,
    });
  });

  it('completes an order whose units all started when its last unit ends, even after the horizon', () => {
    // Units at 0, 2, 4 (4 < 5); the last ends at 6. A unit ready exactly at the horizon does not start.
    const draft: Draft = {
      horizon: 5,
      parts: [{ id: 'P1', stock: 100 }],
      lines: [{ id: 'L1', minutesPerUnit: { A: 2 } }],
      orders: [order('O1', 'A', 3, 0)],
      plan: { L1: ['O1'] },
    };
    expect(run(build(draft))).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 0,
      tardinessMinutes: 6,
      setups: 0,
      moved: 0,
    });
    const exact = build({ ...draft, horizon: 4 }); // units at 0 and 2; the one ready at 4 does not start
    expect(run(exact)).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 0,
      tardinessMinutes: 4,
      setups: 0,
      moved: 0,
    });
  });

  it('gives a part missing from parts stock 0 until a supply brings some', () => {
    // BOM needs X, which parts does not list: the line waits 0–3 for the supply of X at 3.
    const draft: Draft = {
      horizon: 10,
      products: [{ id: 'A', bom: { X: 1 } }],
      lines: [{ id: 'L1', minutesPerUnit: { A: 1 } }],
      orders: [order('O1', 'A', 1, 0)],
      plan: { L1: ['O1'] },
    };
    expect(run(build(draft))).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 10,
      tardinessMinutes: 10,
      setups: 0,
      moved: 0,
    });
    const supplied = build({ ...draft, supplies: [{ part: 'X', quantity: 1, at: 3 }] });
    expect(run(supplied)).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 3,
      tardinessMinutes: 4,
      setups: 0,
      moved: 0,
    });
  });

  it('ignores supplies at or after the horizon and counts a waiting line stopped up to the horizon', () => {
    const metrics = run(
      build({
        horizon: 10,
        parts: [{ id: 'P1', stock: 1 }],
        lines: [{ id: 'L1', minutesPerUnit: { A: 4 } }],
        orders: [order('O1', 'A', 2, 100)],
        plan: { L1: ['O1'] },
        supplies: [{ part: 'P1', quantity: 5, at: 10 }],
      }),
    );
    // Unit 0–4, then waiting 4–10.
    expect(metrics).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 6,
      tardinessMinutes: 0,
      setups: 0,
      moved: 0,
    });
  });

  it('does not count an idle line (nothing left to make) as stopped', () => {
    const metrics = run(
      build({
        horizon: 50,
        parts: [{ id: 'P1', stock: 1 }],
        lines: [
          { id: 'L1', minutesPerUnit: { A: 1 } },
          { id: 'L2', minutesPerUnit: { A: 1 } },
        ],
        orders: [order('O1', 'A', 1)],
        plan: { L1: ['O1'] },
      }),
    );
    expect(metrics.stoppageMinutes).toBe(0);
    expect(metrics.unproducedUnits).toBe(0);
  });

  it('adds a supply before a line ready at that time acts, so a waiting line earlier in the array goes first', () => {
    // L1 (A needs P1 and P2) waits at 0 for P2. L2 (B needs P1) makes a unit 0–5 and is ready at 5,
    // when one P2 arrives. Supplies first: L1 wakes and, being first in the array, takes the last
    // P1 at 5 (O1 completes at 6); L2 then waits 5–20 and O2 completes at the horizon.
    const metrics = run(
      build({
        horizon: 20,
        parts: [
          { id: 'P1', stock: 2 },
          { id: 'P2', stock: 0 },
        ],
        products: [
          { id: 'A', bom: { P1: 1, P2: 1 } },
          { id: 'B', bom: { P1: 1 } },
        ],
        lines: [
          { id: 'L1', minutesPerUnit: { A: 1 } },
          { id: 'L2', minutesPerUnit: { B: 5 } },
        ],
        orders: [order('O1', 'A', 1, 0), order('O2', 'B', 2, 0)],
        plan: { L1: ['O1'], L2: ['O2'] },
        supplies: [{ part: 'P2', quantity: 1, at: 5 }],
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 20,
      tardinessMinutes: 26,
      setups: 0,
      moved: 0,
    });
  });

  it('spends setup time without material and waits for material only once set up', () => {
    // Stock 0 until the supply at 5. Setup A→B 3 runs 0–3 regardless, then the line waits 3–5.
    const metrics = run(
      build({
        horizon: 20,
        parts: [{ id: 'P1', stock: 0 }],
        lines: [{ id: 'L1', minutesPerUnit: { B: 1 }, setup: { A: { B: 3 } }, initialProduct: 'A' }],
        orders: [order('O1', 'B', 1, 0)],
        plan: { L1: ['O1'] },
        supplies: [{ part: 'P1', quantity: 1, at: 5 }],
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 2,
      tardinessMinutes: 6,
      setups: 1,
      moved: 0,
    });
  });

  it('lets a line after a 0-minute setup compete at the same time in lines order', () => {
    // L1 changes A→B (no entry: 0 minutes) at 0 and still starts before L2 at 0: stock 1 goes to L1.
    const metrics = run(
      build({
        horizon: 10,
        parts: [{ id: 'P1', stock: 1 }],
        lines: [
          { id: 'L1', minutesPerUnit: { B: 1 }, initialProduct: 'A' },
          { id: 'L2', minutesPerUnit: { A: 1 } },
        ],
        orders: [order('O1', 'B', 1, 0), order('O2', 'A', 1, 0)],
        plan: { L1: ['O1'], L2: ['O2'] },
      }),
    );
    // O1 completes at 1; O2 waits 0–10 and completes at 10.
    expect(metrics).toEqual({
      unproducedUnits: 1,
      stoppageMinutes: 10,
      tardinessMinutes: 11,
      setups: 1,
      moved: 0,
    });
  });

  it('counts moved orders as orders minus the per-line longest common subsequence with the plan', () => {
    const instance = build({
      parts: [{ id: 'P1', stock: 100 }],
      lines: [
        { id: 'L1', minutesPerUnit: { A: 1 } },
        { id: 'L2', minutesPerUnit: { A: 1 } },
      ],
      orders: ['O1', 'O2', 'O3', 'O4'].map((id) => order(id, 'A', 1, 1000, { eligibleLines: ['L1', 'L2'] })),
      plan: { L1: ['O1', 'O2', 'O3'], L2: ['O4'] },
    });
    expect(run(instance).moved).toBe(0);
    // O3 picked up and re-inserted first: LCS(O1 O2 O3, O3 O1 O2) = 2.
    expect(run(instance, { lines: { L1: ['O3', 'O1', 'O2'], L2: ['O4'] } }).moved).toBe(1);
    // Reversed: LCS 1 → 2 moved; O4 to L1 and O2 to L2: 2 moved.
    expect(run(instance, { lines: { L1: ['O3', 'O2', 'O1'], L2: ['O4'] } }).moved).toBe(2);
    expect(run(instance, { lines: { L1: ['O1', 'O4', 'O3'], L2: ['O2'] } }).moved).toBe(2);
  });

  it('adds every supply at a time before any unit at that time and sums them', () => {
    // Two supplies of 1 at 3 (listed out of time order), two lines waiting: both resume at 3.
    const metrics = run(
      build({
        horizon: 10,
        parts: [{ id: 'P1', stock: 0 }],
        lines: [
          { id: 'L1', minutesPerUnit: { A: 1 } },
          { id: 'L2', minutesPerUnit: { A: 1 } },
        ],
        orders: [order('O1', 'A', 1, 0), order('O2', 'A', 1, 0)],
        plan: { L1: ['O1'], L2: ['O2'] },
        supplies: [
          { part: 'P1', quantity: 1, at: 7 },
          { part: 'P1', quantity: 1, at: 3 },
          { part: 'P1', quantity: 1, at: 3 },
        ],
      }),
    );
    expect(metrics).toEqual({
      unproducedUnits: 0,
      stoppageMinutes: 6,
      tardinessMinutes: 8,
      setups: 0,
      moved: 0,
    });
  });
});
