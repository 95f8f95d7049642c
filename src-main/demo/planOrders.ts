import { randomStream } from '../domain/seededRandom';
import type { DemoCatalog, DemoLine, DemoProduct } from './model';

// One day of production orders per line. Each line's plan is continuous: the day's first order
// starts when the previous day's last order ends (the "carry"), and orders follow each other
// until the day is full, the last one running over midnight. A line never idles in the plan, so
// the simulator, which works through the sequence without waiting for due times, follows it.

const MINUTE = 60_000;

export interface LineCarry {
  /** When the line's last planned order ends. */
  plannedEnd: number;
  productId: string;
  /** The last sequence number on the line. */
  sequence: number;
}

export interface PlannedOrder {
  id: string;
  productId: string;
  quantity: number;
  lineId: string;
  sequence: number;
  dueAt: number;
  eligibleLineIds: string[];
  /** Planned start of the order (its setup, if any). */
  plannedStart: number;
  /** Planned start of the first unit, after the setup. */
  unitsStart: number;
  plannedEnd: number;
}

const roundUpToQuarterHour = (at: number) => Math.ceil(at / (15 * MINUTE)) * 15 * MINUTE;

export const initialCarry = (catalog: DemoCatalog, dayStart: number): Record<string, LineCarry> =>
  Object.fromEntries(
    catalog.lines.map((line) => [
      line.id,
      { plannedEnd: dayStart, productId: line.initialProductId, sequence: 0 },
    ]),
  );

export function setupMinutes(line: DemoLine, from: string | null, to: string): number {
  if (from === null || from === to) return 0;
  return line.setupMinutes[from]?.[to] ?? 0;
}

export function planDayOrders(
  catalog: DemoCatalog,
  day: { dayIndex: number; dateKey: string; start: number; end: number },
  carry: Readonly<Record<string, LineCarry>>,
): { orders: PlannedOrder[]; carry: Record<string, LineCarry> } {
  const { dayIndex, dateKey, end: dayEnd } = day;
  const productById = new Map(catalog.products.map((product) => [product.id, product]));
  const orders: PlannedOrder[] = [];
  const nextCarry: Record<string, LineCarry> = {};
  for (const line of catalog.lines) {
    const random = randomStream(catalog.seed, 'orders', dayIndex, line.id);
    const products = Object.keys(line.minutesPerUnit)
      .map((id) => productById.get(id))
      .filter((product): product is DemoProduct => product !== undefined);
    // A line without a carry (new since the last plan) starts the day fresh.
    const start = carry[line.id] ?? { plannedEnd: day.start, productId: line.initialProductId, sequence: 0 };
    let { plannedEnd: at, productId: current, sequence } = start;
    let number = 0;
    while (at < dayEnd && products.length > 0) {
      const others = products.filter((product) => product.id !== current);
      const product =
        others.length === 0 || random.chance(0.3)
          ? (productById.get(current) ?? products[0]!)
          : random.weighted(others, (candidate) => candidate.weight);
      const steps = Math.floor((product.lot.max - product.lot.min) / product.lot.step);
      const quantity = product.lot.min + random.int(0, steps) * product.lot.step;
      const setup = setupMinutes(line, current, product.id);
      const unitsStart = at + setup * MINUTE;
      const plannedEnd = unitsStart + quantity * line.minutesPerUnit[product.id]! * MINUTE;
      // Most orders have a comfortable margin; some are due right when the line finishes them.
      const slack = random.chance(0.15) ? random.int(0, 30) : random.int(60, 300);
      const otherLines = catalog.lines.filter(
        (other) => other.id !== line.id && other.minutesPerUnit[product.id] !== undefined,
      );
      number++;
      sequence++;
      orders.push({
        id: `fa-${dateKey}-${String(line.sortOrder)}-${String(number).padStart(2, '0')}`,
        productId: product.id,
        quantity,
        lineId: line.id,
        sequence,
        dueAt: roundUpToQuarterHour(plannedEnd + slack * MINUTE),
        eligibleLineIds: [line.id, ...otherLines.filter(() => random.chance(0.6)).map((other) => other.id)],
        plannedStart: at,
        unitsStart,
        plannedEnd,
      });
      at = plannedEnd;
      current = product.id;
    }
    nextCarry[line.id] = { plannedEnd: at, productId: current, sequence };
  }
  return { orders, carry: nextCarry };
}
