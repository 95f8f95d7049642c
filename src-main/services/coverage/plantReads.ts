import type { Kysely } from 'kysely';
import type { Database, DeliveryStatus, OrderStatus } from '../../db/schema';

// The rows the coverage projection is built from. Each reader is one or two queries; the
// projector calls them separately so that a change re-reads only what it touched.

type Db = Kysely<Database>;

export const HORIZON_SETTING = 'planning.horizonMinutes';
export const FROZEN_WINDOW_SETTING = 'planning.frozenWindowMinutes';
export const DEFAULT_HORIZON_MINUTES = 2880;
export const DEFAULT_FROZEN_WINDOW_MINUTES = 60;

/** Deliveries whose goods are still to come: neither unloaded (then they are stock) nor cancelled. */
export const INBOUND_STATUSES: readonly DeliveryStatus[] = [
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
];

export interface PlanningSettings {
  horizonMinutes: number;
  frozenWindowMinutes: number;
}

export interface DoorRow {
  id: string;
  name: string;
  unloadMinutes: number;
  capabilities: string;
  openingHours: string;
}

export interface PartRow {
  id: string;
  description: string;
  unit: string;
  safetyStock: number;
  putAwayMinutes: number;
}

export interface MasterData {
  timeZone: string;
  settings: PlanningSettings;
  lines: { id: string; name: string; initialProductId: string | null }[];
  rates: { lineId: string; productId: string; minutesPerUnit: number }[];
  setups: { lineId: string; fromProductId: string; toProductId: string; minutes: number }[];
  products: { id: string; name: string }[];
  bom: { productId: string; partId: string; quantity: number }[];
  parts: PartRow[];
  doors: DoorRow[];
}

export interface OrderRow {
  id: string;
  productId: string;
  quantity: number;
  lineId: string;
  sequence: number;
  dueAt: number;
  status: OrderStatus;
  frozen: number;
  producedUnits: number;
}

export interface OrderData {
  open: OrderRow[];
  eligible: { orderId: string; lineId: string }[];
  /** Per line, the product of its most recently finished order. */
  lastDoneProduct: Map<string, string>;
}

export interface SupplyRow {
  deliveryId: string;
  noticeNumber: string | null;
  truckPlate: string | null;
  supplierName: string;
  status: DeliveryStatus;
  doorId: string | null;
  slotStart: number;
  eta: number | null;
  doorArrivedAt: number | null;
  unloadingStartedAt: number | null;
  lineNo: number;
  partId: string;
  quantity: number;
}

function settingNumber(rows: { key: string; value: string }[], key: string, fallback: number): number {
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) return fallback;
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

export async function readMasterData(db: Db): Promise<MasterData> {
  const [site, settingRows, lines, rates, setups, products, bom, parts, doors] = await Promise.all([
    db.selectFrom('site').select('timeZone').orderBy('isDemo', 'desc').limit(1).executeTakeFirst(),
    db
      .selectFrom('setting')
      .select(['key', 'value'])
      .where('key', 'in', [HORIZON_SETTING, FROZEN_WINDOW_SETTING])
      .execute(),
    db
      .selectFrom('productionLine')
      .select(['id', 'name', 'initialProductId'])
      .orderBy('sortOrder')
      .orderBy('id')
      .execute(),
    db.selectFrom('lineRate').select(['lineId', 'productId', 'minutesPerUnit']).execute(),
    db.selectFrom('lineSetup').select(['lineId', 'fromProductId', 'toProductId', 'minutes']).execute(),
    db.selectFrom('product').select(['id', 'name']).orderBy('id').execute(),
    db
      .selectFrom('bomItem')
      .select(['productId', 'partId', 'quantity'])
      .orderBy('productId')
      .orderBy('partId')
      .execute(),
    db
      .selectFrom('part')
      .select(['id', 'description', 'unit', 'safetyStock', 'putAwayMinutes'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('dockDoor')
      .select(['id', 'name', 'unloadMinutes', 'capabilities', 'openingHours'])
      .orderBy('sortOrder')
      .execute(),
  ]);
  return {
    timeZone: site?.timeZone ?? 'UTC',
    settings: {
      horizonMinutes: settingNumber(settingRows, HORIZON_SETTING, DEFAULT_HORIZON_MINUTES),
      frozenWindowMinutes: settingNumber(settingRows, FROZEN_WINDOW_SETTING, DEFAULT_FROZEN_WINDOW_MINUTES),
    },
    lines,
    rates,
    setups,
    products,
    bom,
    parts,
    doors,
  };
}

export async function readOrders(db: Db): Promise<OrderData> {
  const [open, eligible, lastDone] = await Promise.all([
    db
      .selectFrom('productionOrder')
      .select([
        'id',
        'productId',
        'quantity',
        'lineId',
        'sequence',
        'dueAt',
        'status',
        'frozen',
        'producedUnits',
      ])
      .where('status', 'in', ['planned', 'running'])
      .orderBy('lineId')
      .orderBy('sequence')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('orderEligibleLine as e')
      .innerJoin('productionOrder as o', 'o.id', 'e.orderId')
      .select(['e.orderId', 'e.lineId'])
      .where('o.status', 'in', ['planned', 'running'])
      .execute(),
    // The last finished order per line: what the line is set up for when nothing runs.
    db
      .selectFrom('productionOrder as o')
      .select(['o.lineId', 'o.productId'])
      .where('o.status', '=', 'done')
      .where(({ eb, selectFrom }) =>
        eb(
          'o.id',
          '=',
          selectFrom('productionOrder as later')
            .select('later.id')
            .whereRef('later.lineId', '=', 'o.lineId')
            .where('later.status', '=', 'done')
            .orderBy('later.completedAt', 'desc')
            .orderBy('later.sequence', 'desc')
            .limit(1),
        ),
      )
      .execute(),
  ]);
  return {
    open,
    eligible,
    lastDoneProduct: new Map(lastDone.map((row) => [row.lineId, row.productId])),
  };
}

export async function readStock(db: Db, partIds?: readonly string[]): Promise<Map<string, number>> {
  let query = db.selectFrom('stock').select(['partId', 'onHand']);
  if (partIds) {
    if (partIds.length === 0) return new Map();
    query = query.where('partId', 'in', partIds);
  }
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.partId, row.onHand]));
}

/** Items still to come, with their truck; only the deliveries named when `deliveryIds` is given. */
export async function readSupplies(db: Db, deliveryIds?: readonly string[]): Promise<SupplyRow[]> {
  if (deliveryIds?.length === 0) return [];
  let query = db
    .selectFrom('inboundDelivery as d')
    .innerJoin('deliveryItem as i', 'i.deliveryId', 'd.id')
    .innerJoin('partner as s', 's.id', 'd.supplierId')
    .select([
      'd.id as deliveryId',
      'd.noticeNumber',
      'd.truckPlate',
      's.name as supplierName',
      'd.status',
      'd.doorId',
      'd.slotStart',
      'd.eta',
      'd.doorArrivedAt',
      'd.unloadingStartedAt',
      'i.lineNo',
      'i.partId',
      'i.quantityAnnounced as quantity',
    ])
    .where('d.status', 'in', INBOUND_STATUSES);
  if (deliveryIds) query = query.where('d.id', 'in', deliveryIds);
  return query.orderBy('d.slotStart').orderBy('d.id').orderBy('i.lineNo').execute();
}
