import type { Instance, InstanceOrder, Metrics, Schedule } from './types';

// The plain evaluator: RESCHEDULING.md read literally, unit by unit, written to be obviously right
// rather than fast. The fast evaluator (fastEvaluator.ts) must give the same numbers on every
// instance; a property test holds it to that.

interface LineState {
  readonly minutesPerUnit: Record<string, number>;
  readonly setup: Record<string, Record<string, number>>;
  readonly sequence: InstanceOrder[];
  /** Index into sequence of the order being made. */
  position: number;
  /** Units of that order started so far. */
  started: number;
  /** What the line is set up for; null before its first order when it has no initialProduct. */
  product: string | null;
  /** When the line is next free to act (a unit or setup ended); null while waiting or finished. */
  freeAt: number | null;
  /** When it began waiting for material; null when not waiting. */
  waitingSince: number | null;
  finished: boolean;
}

/** Length of the longest common subsequence (textbook dynamic programme). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = [0];
    b.forEach((y, j) => {
      current.push(x === y ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    });
    previous = current;
  }
  return previous[b.length]!;
}

export function referenceEvaluate(instance: Instance, schedule: Schedule): Metrics {
  const { horizon } = instance;
  const orders = new Map(instance.orders.map((order) => [order.id, order]));
  const bom = new Map(instance.products.map((product) => [product.id, product.bom]));
  const stock = new Map<string, number>();
  for (const part of instance.parts) stock.set(part.id, part.stock);
  const stockOf = (part: string) => stock.get(part) ?? 0; // a part missing from parts has stock 0
  const completion = new Map<string, number>();
  const pendingSupplies = instance.supplies.filter((supply) => supply.at < horizon);

  let stoppageMinutes = 0;
  let setups = 0;
  let unproducedUnits = 0;

  const lines: LineState[] = instance.lines.map((line) => {
    const sequence = (schedule.lines[line.id] ?? []).map((id) => orders.get(id)!);
    return {
      minutesPerUnit: line.minutesPerUnit,
      setup: line.setup ?? {},
      sequence,
      position: 0,
      started: 0,
      product: line.initialProduct ?? null,
      freeAt: 0,
      waitingSince: null,
      finished: false,
    };
  });

  /** The line is free at t (or retries after a supply at t): it acts until it is busy, waiting or done. */
  function act(line: LineState, t: number): void {
    line.freeAt = null;
    for (;;) {
      let order = line.sequence[line.position];
      if (order && line.started === order.quantity) {
        completion.set(order.id, t); // the last unit ended at t
        line.position += 1;
        line.started = 0;
        order = line.sequence[line.position];
      }
      if (!order) {
        line.finished = true; // idle: nothing left to make, not stopped
        return;
      }
      if (line.started === 0 && line.product !== null && line.product !== order.product) {
        const minutes = line.setup[line.product]?.[order.product] ?? 0;
        if (t + minutes >= horizon) {
          line.finished = true; // a setup that would end at or after the horizon is not started
          return;
        }
        setups += 1;
        line.product = order.product;
        if (minutes > 0) {
          line.freeAt = t + minutes;
          return;
        }
        continue; // a setup of 0 minutes: the first unit may start right now
      }
      line.product = order.product;
      if (t >= horizon) {
        line.finished = true; // a unit can start only before the horizon
        return;
      }
      const needs = Object.entries(bom.get(order.product)!);
      if (needs.every(([part, quantity]) => stockOf(part) >= quantity)) {
        for (const [part, quantity] of needs) stock.set(part, stockOf(part) - quantity);
        if (line.waitingSince !== null) {
          stoppageMinutes += t - line.waitingSince;
          line.waitingSince = null;
        }
        line.started += 1;
        line.freeAt = t + line.minutesPerUnit[order.product]!;
        return;
      }
      line.waitingSince ??= t; // waits for material until a supply arrives
      return;
    }
  }

  for (;;) {
    const times = [
      ...lines.filter((line) => line.freeAt !== null).map((line) => line.freeAt!),
      ...pendingSupplies.map((supply) => supply.at),
    ];
    if (times.length === 0) break;
    const t = Math.min(...times);
    // Supplies at t are added before any unit starts at t; waiting lines then retry.
    const arriving = pendingSupplies.filter((supply) => supply.at === t);
    for (const supply of arriving) {
      stock.set(supply.part, stockOf(supply.part) + supply.quantity);
      pendingSupplies.splice(pendingSupplies.indexOf(supply), 1);
    }
    // At equal times the lines go in the order of the lines array.
    for (const line of lines) {
      if (line.freeAt === t || (arriving.length > 0 && line.waitingSince !== null && !line.finished)) {
        act(line, t);
      }
    }
  }

  for (const line of lines) {
    if (line.waitingSince !== null) stoppageMinutes += horizon - line.waitingSince; // still waiting
    line.sequence.forEach((order, index) => {
      if (index > line.position) unproducedUnits += order.quantity;
      else if (index === line.position) unproducedUnits += order.quantity - line.started;
    });
  }

  let tardinessMinutes = 0;
  for (const order of instance.orders) {
    const done = completion.get(order.id) ?? horizon; // not all units started: completes at the horizon
    tardinessMinutes += Math.max(0, done - order.due);
  }

  let kept = 0;
  for (const line of instance.lines) {
    kept += lcsLength(instance.plan[line.id] ?? [], schedule.lines[line.id] ?? []);
  }

  return {
    unproducedUnits,
    stoppageMinutes,
    tardinessMinutes,
    setups,
    moved: instance.orders.length - kept,
  };
}
