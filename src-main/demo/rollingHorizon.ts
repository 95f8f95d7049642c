import type BetterSqlite3 from 'better-sqlite3';
import { balanceCallOffs } from './callOffs';
import type { DemoCatalog } from './model';
import { planPlantDay, plantDay } from './planDay';
import { doorsFrom, lineWorkEnds } from './planInputs';
import { plannedItems, plannedOrderState, plannedTruck } from './plannedState';
import { deliveryRows, orderRows } from './plantRows';
import {
  DEMO_HORIZON,
  type DemoHorizonSetting,
  demoHorizonSchema,
  readSetting,
  writeSetting,
} from './settings';
import { logEvent } from './simulatorWrite';
import { SLOT_MS, SlotBook, slotKey } from './slotBooking';
import { insertRows } from './writeRows';

// The demo plant never runs dry of plan: whenever the planned days reach less than two days
// beyond the simulated time, the next plant day is planned (orders on every line, deliveries at
// free door slots) from seed + day index, continuing each line's plan where it ends.

const DAY = 24 * 3_600_000;
export const HORIZON_AHEAD_MS = 2 * DAY;

/**
 * A planner may have re-sequenced the lines (or moved orders between them) since the last day was
 * planned: the next day continues after the line's last open order, numbered after its highest
 * sequence, so the new orders never sort before the ones already there.
 */
function alignCarryWithPlan(sqlite: BetterSqlite3.Database, carry: DemoHorizonSetting['carry']): void {
  const rows = sqlite
    .prepare(
      `SELECT o.line_id, o.product_id, o.sequence FROM production_order o
       WHERE o.sequence = (SELECT max(sequence) FROM production_order WHERE line_id = o.line_id)`,
    )
    .all() as { line_id: string; product_id: string; sequence: number }[];
  for (const row of rows) {
    const line = carry[row.line_id];
    if (!line || row.sequence < line.sequence) continue;
    line.sequence = row.sequence;
    line.productId = row.product_id;
  }
}

/**
 * Plans plant days until the plan reaches two days beyond the step's end. Inside the caller's transaction;
 * returns the ids of the new and re-called deliveries and the number of days planned.
 */
export function extendHorizon(
  sqlite: BetterSqlite3.Database,
  catalog: DemoCatalog,
  step: { from: number; to: number },
): { days: number; deliveryIds: string[] } {
  // The plant state in the database is that of `from`; the plan must reach two days beyond `to`.
  const { from: now, to: until } = step;
  const horizon: DemoHorizonSetting | null = readSetting(sqlite, DEMO_HORIZON, demoHorizonSchema);
  if (!horizon) return { days: 0, deliveryIds: [] };
  const { timeZone } = catalog.site;
  const lineIds = new Set(
    (sqlite.prepare('SELECT id FROM production_line').all() as { id: string }[]).map((row) => row.id),
  );
  // Lines someone removed from the plant get no new orders.
  const plantCatalog: DemoCatalog = {
    ...catalog,
    lines: catalog.lines.filter((line) => lineIds.has(line.id)),
  };
  const deliveryIds: string[] = [];
  let days = 0;
  for (;;) {
    const range = plantDay(horizon.day0Start, horizon.nextDayIndex, timeZone);
    if (range.start - until >= HORIZON_AHEAD_MS) break;
    // Staff may have moved slots onto a finer grid: every 30-minute slot a booking touches is taken.
    const taken = (
      sqlite
        .prepare(
          `SELECT door_id, slot_start, slot_end FROM inbound_delivery
           WHERE door_id IS NOT NULL AND status != 'cancelled' AND slot_start < ? AND slot_end > ?`,
        )
        .all(range.end, range.start) as { door_id: string; slot_start: number; slot_end: number }[]
    ).flatMap((row) => {
      const first = Math.floor((row.slot_start - range.start) / SLOT_MS);
      const last = Math.ceil((row.slot_end - range.start) / SLOT_MS);
      return Array.from({ length: Math.max(0, last - first) }, (_, k) =>
        slotKey(row.door_id, range.start + (first + k) * SLOT_MS),
      );
    });
    const slots = new SlotBook(doorsFrom(sqlite), timeZone, taken);
    alignCarryWithPlan(sqlite, horizon.carry);
    for (const [lineId, workEnd] of lineWorkEnds(sqlite, now)) {
      const carry = horizon.carry[lineId];
      if (carry && workEnd > carry.plannedEnd) carry.plannedEnd = workEnd;
    }
    const plan = planPlantDay(plantCatalog, range, horizon.carry, slots);
    deliveryIds.push(...balanceCallOffs(sqlite, plantCatalog, plan));
    const items = new Map(plan.deliveries.map((delivery) => [delivery.id, plannedItems(delivery)]));
    const trucks = new Map(plan.deliveries.map((delivery) => [delivery.id, plannedTruck(delivery)]));
    const orders = new Map(plan.orders.map((order) => [order.id, plannedOrderState(order)]));
    const deliveryTables = deliveryRows(
      plan.deliveries,
      (id) => trucks.get(id)!,
      (id) => items.get(id)!,
      now,
      now,
    );
    const orderTables = orderRows(plan.orders, (id) => orders.get(id)!, now);
    insertRows(sqlite, 'production_order', orderTables.orders);
    insertRows(sqlite, 'order_eligible_line', orderTables.orderEligibleLines);
    insertRows(sqlite, 'inbound_delivery', deliveryTables.deliveries);
    insertRows(sqlite, 'delivery_item', deliveryTables.deliveryItems);
    insertRows(sqlite, 'delivery_route', deliveryTables.deliveryRoutes);
    logEvent(sqlite, now, 'demo.day_planned', 'site', catalog.site.id, {
      dayIndex: range.dayIndex,
      day: range.dateKey,
      orders: plan.orders.length,
      deliveries: plan.deliveries.length,
    });
    deliveryIds.push(...plan.deliveries.map((delivery) => delivery.id));
    horizon.nextDayIndex++;
    horizon.carry = plan.carry;
    days++;
  }
  if (days > 0) writeSetting(sqlite, DEMO_HORIZON, horizon, now);
  return { days, deliveryIds };
}
