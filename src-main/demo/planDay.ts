import { localDay, localDayRange } from '../domain/plantTime';
import type { DemoCatalog } from './model';
import { type PlannedDelivery, planDayDeliveries } from './planDeliveries';
import { type LineCarry, type PlannedOrder, planDayOrders } from './planOrders';
import type { SlotBook } from './slotBooking';

// One plant day of plan: the orders of every line and the deliveries that feed them. Day 0 is
// the plant-local day the demo was generated on; day k is k calendar days later (23 to 25 hours
// long around daylight-saving changes). Everything is drawn from seed + day index.

export interface PlantDayRange {
  dayIndex: number;
  /** "20261127" */
  dateKey: string;
  start: number;
  end: number;
}

export interface PlantDayPlan extends PlantDayRange {
  orders: PlannedOrder[];
  deliveries: PlannedDelivery[];
  carry: Record<string, LineCarry>;
}

export function plantDay(day0Start: number, dayIndex: number, timeZone: string): PlantDayRange {
  const [year, month, day] = localDay(day0Start, timeZone).split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day! + dayIndex));
  const iso = date.toISOString().slice(0, 10);
  const { start, end } = localDayRange(iso, timeZone);
  return { dayIndex, dateKey: iso.replaceAll('-', ''), start, end };
}

/** Units × BOM quantity of every order: what the day's plan consumes, by part. */
export function partDemand(catalog: DemoCatalog, orders: readonly PlannedOrder[]): Map<string, number> {
  const bomOf = new Map(catalog.products.map((product) => [product.id, product.bom]));
  const demand = new Map<string, number>();
  for (const order of orders) {
    for (const { partId, quantity } of bomOf.get(order.productId) ?? []) {
      demand.set(partId, (demand.get(partId) ?? 0) + quantity * order.quantity);
    }
  }
  return demand;
}

export function planPlantDay(
  catalog: DemoCatalog,
  range: PlantDayRange,
  carry: Readonly<Record<string, LineCarry>>,
  slots: SlotBook,
): PlantDayPlan {
  const planned = planDayOrders(catalog, range, carry);
  const demand = partDemand(catalog, planned.orders);
  const deliveries = planDayDeliveries(
    catalog,
    range.dayIndex,
    range.dateKey,
    range.start,
    range.end,
    demand,
    slots,
  );
  return { ...range, orders: planned.orders, deliveries, carry: planned.carry };
}
