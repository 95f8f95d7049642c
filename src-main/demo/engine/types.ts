import type { DeliveryStatus, EtaSource, OrderStatus } from '../../db/schema';
import type { LatLon } from '../../domain/geo';
import type { OpeningWindow } from '../../domain/openingHours';

// The simulation engine's world: plain mutable objects the engine advances in time. The same
// engine runs the demo plant's history when it is generated and every live simulator step; the
// database adapters load these objects from the tables and write the changes back.

export type DisruptionKind = 'congestion' | 'border_wait' | 'breakdown';

/** delivery_route.disruption: the truck's current or most recent disruption. */
export interface Disruption {
  kind: DisruptionKind;
  startedAt: number;
  until: number;
  /** Congestion: the share of the usual speed the truck keeps. */
  speedFactor?: number;
  /** Border wait: the crossing. */
  place?: string;
  /** Forced by disrupt() (a test or a demo operator), not drawn by the simulator. */
  forced?: boolean;
}

export interface PositionFix {
  at: number;
  lat: number;
  lon: number;
  speedKmh: number;
  heading: number;
}

export interface RouteGeometry {
  waypoints: LatLon[];
  /** Great-circle km from the origin to each waypoint. */
  cumulative: number[];
  /** Road km (as travelled_km counts them) of each border crossing on the route. */
  borders: { km: number; place: string }[];
}

export interface TruckState {
  id: string;
  doorId: string | null;
  slotStart: number;
  slotEnd: number;
  status: DeliveryStatus;
  waypointsJson: string;
  /** Parsed on first use: announced trucks far from departure never need it. */
  geometry: RouteGeometry | null;
  distanceKm: number;
  travelledKm: number;
  disruption: Disruption | null;
  departedAt: number | null;
  gateInAt: number | null;
  doorArrivedAt: number | null;
  unloadingStartedAt: number | null;
  unloadedAt: number | null;
  gateOutAt: number | null;
  eta: number | null;
  etaSource: EtaSource | null;
  etaConfidenceMinutes: number | null;
  lastFix: PositionFix | null;
  /**
   * Staff took a gate step by hand (dock_handling 'manual'): the engine neither moves the truck
   * nor advances its dock steps, but the door it stands at stays occupied.
   */
  handledByHand: boolean;
  /** Something the database holds changed: write the row back. */
  dirty: boolean;
}

export interface DeliveryItemState {
  lineNo: number;
  partId: string;
  quantityAnnounced: number;
  quantityReceived: number | null;
}

export type LinePhase = 'idle' | 'setup' | 'unit' | 'waiting';

/** What a line is doing; kept in the setting 'demo.lines' between steps. */
export interface LineState {
  id: string;
  productId: string | null;
  phase: LinePhase;
  /** End of the current setup or unit (ms, may carry 1/64-minute fractions). */
  until: number;
  orderId: string | null;
  waitingPartId: string | null;
  stoppedSince: number | null;
}

export interface OrderState {
  id: string;
  lineId: string;
  productId: string;
  quantity: number;
  sequence: number;
  status: OrderStatus;
  producedUnits: number;
  startedAt: number | null;
  completedAt: number | null;
  frozen: number;
  dirty: boolean;
}

export interface DoorModel {
  id: string;
  sortOrder: number;
  unloadMinutes: number;
  openingHours: readonly OpeningWindow[];
}

export interface PlantModel {
  seed: number;
  timeZone: string;
  plantAt: LatLon;
  geofenceKm: number;
  doors: readonly DoorModel[];
  bom: ReadonlyMap<string, readonly { partId: string; quantity: number }[]>;
  /** minutesPerUnit.get(lineId).get(productId) */
  minutesPerUnit: ReadonlyMap<string, ReadonlyMap<string, number>>;
  setupMinutes(lineId: string, from: string | null, to: string): number;
}

export interface PlantState {
  trucks: TruckState[];
  /** In the lines' sort order: at equal times lines take material in this order. */
  lines: LineState[];
  orders: OrderState[];
  stock: Map<string, number>;
  /** The items of a delivery, read when it is unloaded. */
  itemsOf(deliveryId: string): DeliveryItemState[];
}

export interface StatusChange {
  deliveryId: string;
  from: DeliveryStatus;
  to: DeliveryStatus;
  at: number;
}

export interface LineEvent {
  lineId: string;
  kind: 'line.stopped' | 'line.resumed';
  at: number;
  partId: string;
  orderId: string | null;
  stoppedMinutes?: number;
}

/** Everything a run did, for the writer and for the change events. */
export interface Journal {
  statusChanges: StatusChange[];
  positions: (PositionFix & { deliveryId: string })[];
  receipts: { deliveryId: string; partId: string; quantity: number; at: number }[];
  /** Aggregated per part and order: "partId|orderId" → quantity and last time. */
  consumption: Map<string, { partId: string; orderId: string; quantity: number; at: number }>;
  lineEvents: LineEvent[];
  receivedItems: Map<string, DeliveryItemState[]>;
  changedParts: Set<string>;
  changedLines: Set<string>;
  unitsProduced: number;
}

export function emptyJournal(): Journal {
  return {
    statusChanges: [],
    positions: [],
    receipts: [],
    consumption: new Map(),
    lineEvents: [],
    receivedItems: new Map(),
    changedParts: new Set(),
    changedLines: new Set(),
    unitsProduced: 0,
  };
}
