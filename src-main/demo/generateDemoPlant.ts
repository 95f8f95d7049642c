import { runPlant } from './engine/runPlant';
import { DEPARTURE_LOOKAHEAD_MS } from './engine/truckTrip';
import {
  type DeliveryItemState,
  emptyJournal,
  type LineState,
  type OrderState,
  type TruckState,
} from './engine/types';
import { generateCatalog } from './generateCatalog';
import { type PlantDayPlan, planPlantDay, plantDay } from './planDay';
import { modelFromCatalog, plannedItems, plannedOrderState, plannedTruck } from './plannedState';
import { initialCarry } from './planOrders';
import { type DemoPlant, deliveryRows, masterDataRows, orderRows } from './plantRows';
import { DEMO_CLOCK, DEMO_HORIZON, DEMO_LINES, type DemoHorizonSetting } from './settings';
import { SlotBook } from './slotBooking';
import { stageShortage } from './stagedShortage';
import { initialStock } from './stockNeeds';

// The whole demo plant from a seed, as it stands at `now`: three plant days of plan (today and
// the next two), and a history run from the first truck's departure up to `now` with the same
// engine the live simulator uses — so trucks whose slot has passed are unloaded or gone (some
// late, some short), others are on the road with a track behind them, lines are mid-order.

/** Days planned ahead at generation: today, tomorrow, the day after. */
export const INITIAL_DAYS = 3;
const MINUTE = 60_000;
const TRAIL_EVERY_MS = 5 * MINUTE;
const LIVE_FIX_GAP_MS = MINUTE;

export function generateDemoPlant(seed: number, now: number): DemoPlant {
  const catalog = generateCatalog(seed);
  const { timeZone } = catalog.site;
  const day0 = plantDay(now, 0, timeZone);
  const slots = new SlotBook(catalog.doors, timeZone);
  const days: PlantDayPlan[] = [];
  let carry = initialCarry(catalog, day0.start);
  for (let dayIndex = 0; dayIndex < INITIAL_DAYS; dayIndex++) {
    const day = planPlantDay(catalog, plantDay(day0.start, dayIndex, timeZone), carry, slots);
    days.push(day);
    carry = day.carry;
  }
  const plannedOrders = days.flatMap((day) => day.orders);
  const plannedDeliveries = days.flatMap((day) => day.deliveries);

  const model = modelFromCatalog(catalog);
  const trucks = new Map<string, TruckState>(
    plannedDeliveries.map((delivery) => [delivery.id, plannedTruck(delivery)]),
  );
  const items = new Map<string, DeliveryItemState[]>(
    plannedDeliveries.map((delivery) => [delivery.id, plannedItems(delivery)]),
  );
  const orders = new Map<string, OrderState>(
    plannedOrders.map((order) => [order.id, plannedOrderState(order)]),
  );
  const lines: LineState[] = catalog.lines.map((line) => ({
    id: line.id,
    productId: line.initialProductId,
    phase: 'idle',
    until: day0.start,
    orderId: null,
    waitingPartId: null,
    stoppedSince: null,
  }));
  const startStock = initialStock(catalog, plannedOrders, plannedDeliveries);
  const state = {
    trucks: [...trucks.values()],
    lines,
    orders: [...orders.values()],
    stock: new Map(startStock),
    itemsOf: (id: string) => items.get(id) ?? [],
  };
  const journal = emptyJournal();
  // The history starts with the first truck on the road for today's slots; lines start at midnight.
  const historyStart = Math.min(
    day0.start,
    ...plannedDeliveries.map((d) => d.slotStart - DEPARTURE_LOOKAHEAD_MS),
  );
  runPlant(
    model,
    state,
    Math.floor(historyStart / MINUTE) * MINUTE,
    now,
    { linesFrom: day0.start, trailEveryMs: TRAIL_EVERY_MS, fixGapMs: LIVE_FIX_GAP_MS },
    journal,
  );
  // The situation the planners meet on opening the demo: a shortage that re-sequencing avoids.
  const shortage = stageShortage({
    catalog,
    model,
    now,
    trucks: [...trucks.values()],
    itemsOf: (id) => items.get(id) ?? [],
    orders: state.orders,
    lines,
    stock: state.stock,
  });

  const master = masterDataRows(catalog, now);
  const deliveryTables = deliveryRows(
    plannedDeliveries,
    (id) => trucks.get(id)!,
    (id) => items.get(id) ?? [],
    now,
    now,
  );
  const orderTables = orderRows(plannedOrders, (id) => orders.get(id)!, now);
  const onTheRoad = new Set(
    [...trucks.values()]
      .filter((truck) => truck.status !== 'announced' && truck.status !== 'departed')
      .map((t) => t.id),
  );
  const horizon: DemoHorizonSetting = { day0Start: day0.start, nextDayIndex: INITIAL_DAYS, carry };
  const setting = (key: string, value: unknown) => ({ key, value: JSON.stringify(value), updatedAt: now });

  return {
    ...master,
    ...deliveryTables,
    ...orderTables,
    stock: catalog.parts.map((part) => ({
      partId: part.id,
      onHand: state.stock.get(part.id) ?? 0,
      updatedAt: now,
    })),
    stockMovements: [
      // The opening balance, so that the movements of a part add up to its stock.
      ...catalog.parts.map((part) => ({
        partId: part.id,
        kind: 'correction' as const,
        quantity: startStock.get(part.id) ?? 0,
        at: day0.start,
        deliveryId: null,
        orderId: null,
        note: 'Anfangsbestand (Inventur)',
      })),
      ...journal.receipts.map((receipt) => ({
        partId: receipt.partId,
        kind: 'receipt' as const,
        quantity: receipt.quantity,
        at: receipt.at,
        deliveryId: receipt.deliveryId,
        orderId: null,
        note: null,
      })),
      ...[...journal.consumption.values()].map((used) => ({
        partId: used.partId,
        kind: 'consumption' as const,
        quantity: -used.quantity,
        at: used.at,
        deliveryId: null,
        orderId: used.orderId,
        note: null,
      })),
      ...(shortage && shortage.stockAfter !== shortage.stockBefore
        ? [
            {
              partId: shortage.partId,
              kind: 'correction' as const,
              quantity: shortage.stockAfter - shortage.stockBefore,
              at: now,
              deliveryId: null,
              orderId: null,
              note: 'Inventurdifferenz',
            },
          ]
        : []),
    ].sort((a, b) => a.at - b.at),
    positions: journal.positions
      .filter((fix) => onTheRoad.has(fix.deliveryId))
      .map((fix) => ({ ...fix, source: 'simulator' as const })),
    eventLog: [
      {
        at: now,
        actor: 'demo',
        kind: 'demo.loaded',
        entityType: 'site',
        entityId: catalog.site.id,
        payload: JSON.stringify({
          seed,
          days: INITIAL_DAYS,
          deliveries: plannedDeliveries.length,
          orders: plannedOrders.length,
          parts: catalog.parts.length,
        }),
      },
      // The history the engine ran before `now`, so every delivery's detail shows its steps.
      ...journal.statusChanges.map((change) => ({
        at: change.at,
        actor: 'simulator',
        kind: 'delivery.status',
        entityType: 'delivery',
        entityId: change.deliveryId,
        payload: JSON.stringify({ from: change.from, to: change.to }),
      })),
    ].sort((a, b) => a.at - b.at),
    settings: [
      setting(DEMO_CLOCK, { simulatedAt: now }),
      setting(DEMO_LINES, { lines }),
      setting(DEMO_HORIZON, horizon),
    ],
  };
}
