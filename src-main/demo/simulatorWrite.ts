import type BetterSqlite3 from 'better-sqlite3';
import { perDatabase } from '../db/perDatabase';
import type { Journal, TruckState } from './engine/types';
import type { LoadedPlant } from './simulatorState';

// Writes one simulator step back: changed deliveries and routes, positions, received items,
// orders, stock and its movements, and the event log (every status change, every stoppage).
// Returns what changed, for the events the simulator emits after the commit.

const ACTOR = 'simulator';
const MINUTE = 60_000;

export interface StepChanges {
  deliveryIds: string[];
  partIds: string[];
  lineIds: string[];
  positions: number;
}

function writeStatementsFor(sqlite: BetterSqlite3.Database) {
  return {
    delivery: sqlite.prepare(
      `UPDATE inbound_delivery SET status = ?, eta = ?, eta_source = ?, eta_confidence_minutes = ?,
         last_position_at = ?, last_lat = ?, last_lon = ?, last_speed_kmh = ?, last_heading = ?,
         departed_at = ?, gate_in_at = ?, door_arrived_at = ?, unloading_started_at = ?, unloaded_at = ?,
         gate_out_at = ?, updated_at = ?
       WHERE id = ?`,
    ),
    route: sqlite.prepare('UPDATE delivery_route SET travelled_km = ?, disruption = ? WHERE delivery_id = ?'),
    position: sqlite.prepare(
      `INSERT INTO position (delivery_id, at, lat, lon, speed_kmh, heading, source)
       VALUES (?, ?, ?, ?, ?, ?, 'simulator')`,
    ),
    item: sqlite.prepare(
      'UPDATE delivery_item SET quantity_received = ? WHERE delivery_id = ? AND line_no = ?',
    ),
    order: sqlite.prepare(
      `UPDATE production_order SET status = ?, produced_units = ?, started_at = ?, completed_at = ?, frozen = ?
       WHERE id = ?`,
    ),
    stock: sqlite.prepare(
      `INSERT INTO stock (part_id, on_hand, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (part_id) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`,
    ),
    movement: sqlite.prepare(
      `INSERT INTO stock_movement (part_id, kind, quantity, at, delivery_id, order_id, note)
       VALUES (?, ?, ?, ?, ?, ?, NULL)`,
    ),
    event: sqlite.prepare(
      'INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };
}

type WriteStatements = ReturnType<typeof writeStatementsFor>;
export const writeStatements = perDatabase<WriteStatements>(writeStatementsFor);

export function writeTruck(sqlite: BetterSqlite3.Database, truck: TruckState, at: number): void {
  const w = writeStatements(sqlite);
  const fix = truck.lastFix;
  w.delivery.run(
    truck.status,
    truck.eta,
    truck.etaSource,
    truck.etaConfidenceMinutes,
    fix?.at ?? null,
    fix?.lat ?? null,
    fix?.lon ?? null,
    fix?.speedKmh ?? null,
    fix?.heading ?? null,
    truck.departedAt,
    truck.gateInAt,
    truck.doorArrivedAt,
    truck.unloadingStartedAt,
    truck.unloadedAt,
    truck.gateOutAt,
    at,
    truck.id,
  );
  w.route.run(truck.travelledKm, truck.disruption ? JSON.stringify(truck.disruption) : null, truck.id);
}

export function logEvent(
  sqlite: BetterSqlite3.Database,
  at: number,
  kind: string,
  entityType: string,
  entityId: string,
  payload: unknown,
): void {
  writeStatements(sqlite).event.run(at, ACTOR, kind, entityType, entityId, JSON.stringify(payload));
}

export function writeStep(
  sqlite: BetterSqlite3.Database,
  loaded: LoadedPlant,
  journal: Journal,
  at: number,
): StepChanges {
  const w = writeStatements(sqlite);
  const deliveryIds = new Set<string>();
  for (const truck of loaded.state.trucks) {
    if (!truck.dirty) continue;
    writeTruck(sqlite, truck, at);
    const before = loaded.before.get(truck.id);
    const disruption = truck.disruption ? JSON.stringify(truck.disruption) : null;
    const beforeEta = before?.eta ?? null;
    const etaMoved =
      beforeEta === null || truck.eta === null
        ? beforeEta !== truck.eta
        : Math.abs(beforeEta - truck.eta) >= MINUTE;
    if (before?.status !== truck.status || etaMoved || before?.disruption !== disruption)
      deliveryIds.add(truck.id);
  }
  for (const fix of journal.positions) {
    w.position.run(fix.deliveryId, fix.at, fix.lat, fix.lon, fix.speedKmh, fix.heading);
  }
  for (const [deliveryId, items] of journal.receivedItems) {
    for (const item of items) w.item.run(item.quantityReceived, deliveryId, item.lineNo);
    deliveryIds.add(deliveryId);
  }
  for (const change of journal.statusChanges) {
    logEvent(sqlite, change.at, 'delivery.status', 'delivery', change.deliveryId, {
      from: change.from,
      to: change.to,
    });
  }
  const lineIds = new Set(journal.changedLines);
  for (const order of loaded.state.orders) {
    if (!order.dirty) continue;
    w.order.run(
      order.status,
      order.producedUnits,
      order.startedAt,
      order.completedAt,
      order.frozen,
      order.id,
    );
    const before = loaded.orderStatusBefore.get(order.id);
    if (before !== order.status) {
      logEvent(sqlite, order.completedAt ?? order.startedAt ?? at, 'order.status', 'order', order.id, {
        from: before,
        to: order.status,
      });
    }
    lineIds.add(order.lineId);
  }
  for (const event of journal.lineEvents) {
    const { lineId, kind, at: eventAt, ...payload } = event;
    logEvent(sqlite, eventAt, kind, 'line', lineId, payload);
    lineIds.add(lineId);
  }
  for (const partId of journal.changedParts) w.stock.run(partId, loaded.state.stock.get(partId) ?? 0, at);
  for (const receipt of journal.receipts) {
    w.movement.run(receipt.partId, 'receipt', receipt.quantity, receipt.at, receipt.deliveryId, null);
  }
  // One consumption movement per part and order per step, not per unit: the table stays small.
  for (const used of journal.consumption.values()) {
    w.movement.run(used.partId, 'consumption', -used.quantity, used.at, null, used.orderId);
  }
  return {
    deliveryIds: [...deliveryIds].sort(),
    partIds: [...journal.changedParts].sort(),
    lineIds: [...lineIds].sort(),
    positions: journal.positions.length,
  };
}
