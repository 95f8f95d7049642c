import { randomStream } from '../domain/seededRandom';
import type { DemoCatalog } from './model';
import type { PlannedDelivery } from './planDeliveries';
import type { PlannedOrder } from './planOrders';

// How much stock the plan needs, and how the demo's suppliers keep it there. For each part: the
// largest gap, at any moment of the plan, between what the orders have consumed and what the
// trucks have brought by then, plus the part's buffer. The initial stock is exactly that; each
// later day's delivery quantities are corrected so the projected stock returns to it — the way
// an MRP run orders against projected stock — so the demo neither floods nor drains over weeks.

/** When a planned delivery's goods count as available: slot start plus unloading. */
const AVAILABLE_AFTER_SLOT_MS = 40 * 60_000;

interface Consumption {
  start: number;
  end: number;
  perMs: number;
}

function consumedBy(intervals: readonly Consumption[], at: number): number {
  let total = 0;
  for (const { start, end, perMs } of intervals) {
    if (at > start) total += (Math.min(at, end) - start) * perMs;
  }
  return total;
}

/** Stock each part needs at the start of the plan so that it never falls below its buffer. */
export function requiredStartStock(
  catalog: DemoCatalog,
  orders: readonly PlannedOrder[],
  deliveries: readonly PlannedDelivery[],
): Map<string, number> {
  const bomOf = new Map(catalog.products.map((product) => [product.id, product.bom]));
  const consumption = new Map<string, Consumption[]>();
  for (const order of orders) {
    const span = Math.max(1, order.plannedEnd - order.unitsStart);
    for (const { partId, quantity } of bomOf.get(order.productId) ?? []) {
      const list = consumption.get(partId) ?? [];
      list.push({
        start: order.unitsStart,
        end: order.plannedEnd,
        perMs: (quantity * order.quantity) / span,
      });
      consumption.set(partId, list);
    }
  }
  const receipts = new Map<string, { at: number; quantity: number }[]>();
  for (const delivery of deliveries) {
    for (const item of delivery.items) {
      const list = receipts.get(item.partId) ?? [];
      list.push({ at: delivery.slotStart + AVAILABLE_AFTER_SLOT_MS, quantity: item.quantity });
      receipts.set(item.partId, list);
    }
  }
  const planEnd = Math.max(...orders.map((order) => order.plannedEnd));
  const required = new Map<string, number>();
  for (const part of catalog.parts) {
    if (part.hourlyDemand === 0) continue;
    const intervals = consumption.get(part.id) ?? [];
    const arrivals = (receipts.get(part.id) ?? []).sort((a, b) => a.at - b.at);
    let received = 0;
    let worstGap = 0;
    for (const arrival of arrivals) {
      worstGap = Math.max(worstGap, consumedBy(intervals, arrival.at) - received);
      received += arrival.quantity;
    }
    worstGap = Math.max(worstGap, consumedBy(intervals, planEnd) - received);
    required.set(part.id, worstGap + part.hourlyDemand * part.bufferHours);
  }
  return required;
}

/** Stock at the start of day 0: what the first days' plan needs, in whole load carriers. */
export function initialStock(
  catalog: DemoCatalog,
  orders: readonly PlannedOrder[],
  deliveries: readonly PlannedDelivery[],
): Map<string, number> {
  const random = randomStream(catalog.seed, 'initial-stock');
  const required = requiredStartStock(catalog, orders, deliveries);
  return new Map(
    catalog.parts.map((part) => {
      const wanted = required.get(part.id);
      // Equipment variants no BOM uses: a few carriers on the shelf.
      if (wanted === undefined) return [part.id, part.pack * random.int(2, 8)];
      return [part.id, Math.ceil(wanted / part.pack) * part.pack];
    }),
  );
}

/**
 * What the projected stock at the start of a new day lacks (positive) or holds too much of
 * (negative), by part, against what the day's plan needs.
 */
export function stockShortfalls(
  catalog: DemoCatalog,
  orders: readonly PlannedOrder[],
  deliveries: readonly PlannedDelivery[],
  projected: ReadonlyMap<string, number>,
): Map<string, number> {
  const required = requiredStartStock(catalog, orders, deliveries);
  return new Map([...required].map(([partId, need]) => [partId, need - (projected.get(partId) ?? 0)]));
}

type PlannedItem = PlannedDelivery['items'][number];

/** The day's drops of a part, earliest first. */
function dropsOf(deliveries: readonly PlannedDelivery[], partId: string): PlannedItem[] {
  return [...deliveries]
    .sort((a, b) => a.slotStart - b.slotStart)
    .flatMap((delivery) => delivery.items.filter((item) => item.partId === partId));
}

/** Adds whole load carriers to the day's first drop of the part; false if the day has none. */
export function raiseFirstDrop(
  deliveries: readonly PlannedDelivery[],
  partId: string,
  quantity: number,
  pack: number,
) {
  const first = dropsOf(deliveries, partId)[0];
  if (!first) return false;
  first.quantity += Math.ceil(quantity / pack) * pack;
  return true;
}

/** Takes a surplus off the day's last drops, never below one load carrier per drop. */
export function trimLatestDrops(
  deliveries: readonly PlannedDelivery[],
  partId: string,
  surplus: number,
  pack: number,
): void {
  let left = surplus;
  const drops = dropsOf(deliveries, partId);
  for (let i = drops.length - 1; i >= 0 && left >= pack; i--) {
    const drop = drops[i]!;
    const cut = Math.min(Math.floor(left / pack) * pack, drop.quantity - pack);
    if (cut <= 0) continue;
    drop.quantity -= cut;
    left -= cut;
  }
}
