import { randomStream } from '../domain/seededRandom';
import type { DemoCatalog } from './model';
import type { PlannedDelivery } from './planDeliveries';
import type { PlannedOrder } from './planOrders';

// Stock at the start of day 0, sized so that the first days' plan just works: for each part the
// largest gap between what the orders have consumed and what the trucks have brought by then,
// plus a buffer of a few hours' consumption. A few parts get a thin buffer on purpose: when their
// truck is late, a line stops — the situation the control room is there to see coming.

const HOUR = 3_600_000;
/** When a planned delivery's goods count as available: slot start plus unloading. */
const AVAILABLE_AFTER_SLOT_MS = 40 * 60_000;
const THIN_BUFFER_SHARE = 0.1;

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

export function initialStock(
  catalog: DemoCatalog,
  orders: readonly PlannedOrder[],
  deliveries: readonly PlannedDelivery[],
): Map<string, number> {
  const random = randomStream(catalog.seed, 'initial-stock');
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
  const horizonEnd = Math.max(...orders.map((order) => order.plannedEnd));
  const stock = new Map<string, number>();
  for (const part of catalog.parts) {
    if (part.hourlyDemand === 0) {
      stock.set(part.id, part.pack * random.int(2, 8));
      continue;
    }
    const intervals = consumption.get(part.id) ?? [];
    const arrivals = (receipts.get(part.id) ?? []).sort((a, b) => a.at - b.at);
    let received = 0;
    let worstGap = 0;
    for (const arrival of arrivals) {
      worstGap = Math.max(worstGap, consumedBy(intervals, arrival.at) - received);
      received += arrival.quantity;
    }
    worstGap = Math.max(worstGap, consumedBy(intervals, horizonEnd) - received);
    const bufferHours = random.chance(THIN_BUFFER_SHARE) ? random.between(0.2, 0.6) : random.between(2, 5);
    const wanted = worstGap + part.hourlyDemand * bufferHours;
    stock.set(part.id, Math.ceil(wanted / part.pack) * part.pack);
  }
  return stock;
}
