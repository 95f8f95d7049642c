import type BetterSqlite3 from 'better-sqlite3';
import { perDatabase } from '../db/perDatabase';
import type { DeliveryStatus, EtaSource, OrderStatus } from '../db/schema';
import { parseOpeningHours } from '../domain/openingHours';
import { DEPARTURE_LOOKAHEAD_MS } from './engine/truckTrip';
import type {
  Disruption,
  DoorModel,
  LineState,
  OrderState,
  PlantModel,
  PlantState,
  TruckState,
} from './engine/types';
import { DEMO_LINES, demoLinesSchema, readSetting } from './settings';

// Reads what one simulator step needs from the database: the plant model (doors, BOMs, rates,
// setups), the trucks on the road or at the plant plus those due to leave soon, the open orders,
// the stock and the lines' state. Everything through prepared statements: this runs every tick.

interface SiteRow {
  id: string;
  lat: number;
  lon: number;
  geofence_radius_m: number;
  time_zone: string;
  demo_seed: number | null;
  created_at: number;
}

interface TruckRow {
  id: string;
  door_id: string | null;
  slot_start: number;
  slot_end: number;
  status: DeliveryStatus;
  eta: number | null;
  eta_source: EtaSource | null;
  eta_confidence_minutes: number | null;
  last_position_at: number | null;
  last_lat: number | null;
  last_lon: number | null;
  last_speed_kmh: number | null;
  last_heading: number | null;
  departed_at: number | null;
  gate_in_at: number | null;
  door_arrived_at: number | null;
  unloading_started_at: number | null;
  unloaded_at: number | null;
  gate_out_at: number | null;
  waypoints: string;
  distance_km: number;
  travelled_km: number;
  disruption: string | null;
  dock_handling: 'auto' | 'manual';
}

const TRUCK_COLUMNS = `d.id, d.door_id, d.slot_start, d.slot_end, d.status, d.eta, d.eta_source,
  d.eta_confidence_minutes, d.last_position_at, d.last_lat, d.last_lon, d.last_speed_kmh, d.last_heading,
  d.departed_at, d.gate_in_at, d.door_arrived_at, d.unloading_started_at, d.unloaded_at, d.gate_out_at,
  r.waypoints, r.distance_km, r.travelled_km, r.disruption, d.dock_handling`;

function statementsFor(sqlite: BetterSqlite3.Database) {
  return {
    site: sqlite.prepare('SELECT * FROM site ORDER BY is_demo DESC LIMIT 1'),
    doors: sqlite.prepare(
      'SELECT id, sort_order, unload_minutes, opening_hours FROM dock_door ORDER BY sort_order, id',
    ),
    bom: sqlite.prepare('SELECT product_id, part_id, quantity FROM bom_item ORDER BY product_id, part_id'),
    rates: sqlite.prepare('SELECT line_id, product_id, minutes_per_unit FROM line_rate'),
    setups: sqlite.prepare('SELECT line_id, from_product_id, to_product_id, minutes FROM line_setup'),
    lines: sqlite.prepare('SELECT id, initial_product_id FROM production_line ORDER BY sort_order, id'),
    openOrders: sqlite.prepare(
      `SELECT id, line_id, product_id, quantity, sequence, status, produced_units, started_at, completed_at, frozen
       FROM production_order WHERE status IN ('planned', 'running')`,
    ),
    stock: sqlite.prepare('SELECT part_id, on_hand FROM stock'),
    trucks: sqlite.prepare(
      `SELECT ${TRUCK_COLUMNS} FROM inbound_delivery d JOIN delivery_route r ON r.delivery_id = d.id
       WHERE d.status IN ('in_transit', 'at_gate', 'at_door', 'unloading', 'unloaded')
          OR (d.status = 'announced' AND d.slot_start <= ?)`,
    ),
    truck: sqlite.prepare(
      `SELECT ${TRUCK_COLUMNS} FROM inbound_delivery d JOIN delivery_route r ON r.delivery_id = d.id WHERE d.id = ?`,
    ),
    items: sqlite.prepare(
      'SELECT line_no, part_id, quantity_announced, quantity_received FROM delivery_item WHERE delivery_id = ? ORDER BY line_no',
    ),
  };
}

type Statements = ReturnType<typeof statementsFor>;
export const statements = perDatabase<Statements>(statementsFor);

export function readSite(sqlite: BetterSqlite3.Database): SiteRow {
  const site = statements(sqlite).site.get() as SiteRow | undefined;
  if (!site) throw new Error('The database holds no plant: load the demo plant first.');
  return site;
}

export function loadModel(sqlite: BetterSqlite3.Database): PlantModel {
  const q = statements(sqlite);
  const site = readSite(sqlite);
  const doors: DoorModel[] = (
    q.doors.all() as { id: string; sort_order: number; unload_minutes: number; opening_hours: string }[]
  ).map((row) => ({
    id: row.id,
    sortOrder: row.sort_order,
    unloadMinutes: row.unload_minutes,
    openingHours: parseOpeningHours(row.opening_hours),
  }));
  const bom = new Map<string, { partId: string; quantity: number }[]>();
  for (const row of q.bom.all() as { product_id: string; part_id: string; quantity: number }[]) {
    const list = bom.get(row.product_id) ?? [];
    list.push({ partId: row.part_id, quantity: row.quantity });
    bom.set(row.product_id, list);
  }
  const minutesPerUnit = new Map<string, Map<string, number>>();
  for (const row of q.rates.all() as { line_id: string; product_id: string; minutes_per_unit: number }[]) {
    const rates = minutesPerUnit.get(row.line_id) ?? new Map<string, number>();
    rates.set(row.product_id, row.minutes_per_unit);
    minutesPerUnit.set(row.line_id, rates);
  }
  const setups = new Map<string, number>();
  for (const row of q.setups.all() as {
    line_id: string;
    from_product_id: string;
    to_product_id: string;
    minutes: number;
  }[]) {
    setups.set(`${row.line_id}|${row.from_product_id}|${row.to_product_id}`, row.minutes);
  }
  return {
    seed: site.demo_seed ?? 0,
    timeZone: site.time_zone,
    plantAt: [site.lat, site.lon],
    geofenceKm: site.geofence_radius_m / 1000,
    doors,
    bom,
    minutesPerUnit,
    setupMinutes: (lineId, from, to) =>
      from === null || from === to ? 0 : (setups.get(`${lineId}|${from}|${to}`) ?? 0),
  };
}

export function truckFromRow(row: TruckRow): TruckState {
  let disruption: Disruption | null = null;
  try {
    disruption = row.disruption ? (JSON.parse(row.disruption) as Disruption) : null;
  } catch {
    disruption = null;
  }
  return {
    id: row.id,
    doorId: row.door_id,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status,
    waypointsJson: row.waypoints,
    geometry: null,
    distanceKm: row.distance_km,
    travelledKm: row.travelled_km,
    disruption,
    departedAt: row.departed_at,
    gateInAt: row.gate_in_at,
    doorArrivedAt: row.door_arrived_at,
    unloadingStartedAt: row.unloading_started_at,
    unloadedAt: row.unloaded_at,
    gateOutAt: row.gate_out_at,
    eta: row.eta,
    etaSource: row.eta_source,
    etaConfidenceMinutes: row.eta_confidence_minutes,
    lastFix:
      row.last_position_at !== null && row.last_lat !== null && row.last_lon !== null
        ? {
            at: row.last_position_at,
            lat: row.last_lat,
            lon: row.last_lon,
            speedKmh: row.last_speed_kmh ?? 0,
            heading: row.last_heading ?? 0,
          }
        : null,
    handledByHand: row.dock_handling === 'manual',
    dirty: false,
  };
}

export function loadTruck(sqlite: BetterSqlite3.Database, deliveryId: string): TruckState | null {
  const row = statements(sqlite).truck.get(deliveryId) as TruckRow | undefined;
  return row ? truckFromRow(row) : null;
}

function loadLines(sqlite: BetterSqlite3.Database, orders: readonly OrderState[], at: number): LineState[] {
  const saved = new Map(
    (readSetting(sqlite, DEMO_LINES, demoLinesSchema)?.lines ?? []).map((line) => [line.id, line]),
  );
  const rows = statements(sqlite).lines.all() as { id: string; initial_product_id: string | null }[];
  return rows.map((row) => {
    const known = saved.get(row.id);
    if (known) return { ...known };
    // A line the simulator has not seen yet: set up for its running order, or its initial product.
    const running = orders.find((order) => order.lineId === row.id && order.status === 'running');
    return {
      id: row.id,
      productId: running?.productId ?? row.initial_product_id,
      phase: 'idle',
      until: at,
      orderId: running?.id ?? null,
      waitingPartId: null,
      stoppedSince: null,
    };
  });
}

export interface LoadedPlant {
  model: PlantModel;
  state: PlantState;
  /** Statuses and ETAs as loaded, to tell which rows really changed. */
  before: Map<string, { status: DeliveryStatus; eta: number | null; disruption: string | null }>;
  orderStatusBefore: Map<string, OrderStatus>;
}

export function loadPlant(sqlite: BetterSqlite3.Database, from: number, to: number): LoadedPlant {
  const q = statements(sqlite);
  const model = loadModel(sqlite);
  const rows = q.trucks.all(to + DEPARTURE_LOOKAHEAD_MS) as TruckRow[];
  const trucks = rows.map(truckFromRow).sort((a, b) => a.slotStart - b.slotStart || a.id.localeCompare(b.id));
  const orders: OrderState[] = (
    q.openOrders.all() as {
      id: string;
      line_id: string;
      product_id: string;
      quantity: number;
      sequence: number;
      status: OrderStatus;
      produced_units: number;
      started_at: number | null;
      completed_at: number | null;
      frozen: number;
    }[]
  ).map((row) => ({
    id: row.id,
    lineId: row.line_id,
    productId: row.product_id,
    quantity: row.quantity,
    sequence: row.sequence,
    status: row.status,
    producedUnits: row.produced_units,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    frozen: row.frozen,
    dirty: false,
  }));
  const stock = new Map(
    (q.stock.all() as { part_id: string; on_hand: number }[]).map((row) => [row.part_id, row.on_hand]),
  );
  const itemsOf = (deliveryId: string) =>
    (
      q.items.all(deliveryId) as {
        line_no: number;
        part_id: string;
        quantity_announced: number;
        quantity_received: number | null;
      }[]
    ).map((row) => ({
      lineNo: row.line_no,
      partId: row.part_id,
      quantityAnnounced: row.quantity_announced,
      quantityReceived: row.quantity_received,
    }));
  return {
    model,
    state: { trucks, lines: loadLines(sqlite, orders, from), orders, stock, itemsOf },
    before: new Map(
      rows.map((row) => [row.id, { status: row.status, eta: row.eta, disruption: row.disruption }]),
    ),
    orderStatusBefore: new Map(orders.map((order) => [order.id, order.status])),
  };
}
