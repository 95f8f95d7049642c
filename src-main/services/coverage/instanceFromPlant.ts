import type { AppContext } from '../../app/context';
import type { OrderStatus } from '../../db/schema';
import { compileInstance, evaluate, validateInstance } from '../../domain/reschedule/index';
import type { Instance, InstanceLine, InstanceOrder } from '../../domain/reschedule/types';
import {
  type DoorRow,
  type MasterData,
  type OrderData,
  type PartRow,
  type PlanningSettings,
  readMasterData,
  readOrders,
  readStock,
  readSupplies,
  type SupplyRow,
} from './plantReads';
import { availabilityTimes, instanceMinutes, signedInstanceMinutes } from './supplyAvailability';

// The re-sequencing instance of RESCHEDULING.md, as the plant stands at t = 0 = the plant clock's
// now: stock on hand, the open orders in their planned sequence, and every item still to come.
// Ids stay the database's ids, so a schedule maps straight back to production orders; what the
// instance leaves out (names, trucks, notices) is kept beside it for the views.

const round64 = (minutes: number) => Math.max(1 / 64, Math.round(minutes * 64) / 64);

export interface PlantOrder {
  id: string;
  lineId: string;
  productId: string;
  productName: string;
  /** The order's quantity as booked; the instance holds only what is left of a running order. */
  quantity: number;
  producedUnits: number;
  status: OrderStatus;
  dueAt: number;
  sequence: number;
  frozen: boolean;
}

export interface PlantPart extends PartRow {
  onHand: number;
}

export interface PlantSupply extends SupplyRow {
  /** When the goods can feed the lines (epoch ms). */
  availableAt: number;
}

export interface PlantInstance {
  /** Epoch ms of t = 0. */
  origin: number;
  timeZone: string;
  settings: PlanningSettings;
  instance: Instance;
  lines: { id: string; name: string }[];
  /** The orders of the instance, by id. */
  orders: Map<string, PlantOrder>;
  parts: Map<string, PlantPart>;
  productNames: Map<string, string>;
  doors: Map<string, DoorRow>;
  /** Index-aligned with instance.supplies. */
  supplies: PlantSupply[];
  /** Open orders left out: their line has no rate for their product (moved there by hand). */
  skippedOrders: string[];
}

export interface PlantRows {
  master: MasterData;
  orders: OrderData;
  stock: Map<string, number>;
  supplies: SupplyRow[];
}

export async function readPlantRows(ctx: AppContext): Promise<PlantRows> {
  const { db } = ctx.database;
  const [master, orders, stock, supplies] = await Promise.all([
    readMasterData(db),
    readOrders(db),
    readStock(db),
    readSupplies(db),
  ]);
  return { master, orders, stock, supplies };
}

/** Reads the plant and builds its instance with t = 0 at the plant clock's now. */
export async function buildPlantInstance(ctx: AppContext): Promise<PlantInstance> {
  const rows = await readPlantRows(ctx);
  return assemblePlantInstance(ctx.clock.now(), rows);
}

function instanceLines(master: MasterData, orders: OrderData, running: Map<string, string>): InstanceLine[] {
  return master.lines.map((line) => {
    const minutesPerUnit: Record<string, number> = {};
    for (const rate of master.rates) {
      if (rate.lineId === line.id) minutesPerUnit[rate.productId] = round64(rate.minutesPerUnit);
    }
    const setup: Record<string, Record<string, number>> = {};
    for (const entry of master.setups) {
      if (entry.lineId !== line.id || entry.minutes <= 0) continue;
      setup[entry.fromProductId] ??= {};
      setup[entry.fromProductId]![entry.toProductId] = Math.round(entry.minutes * 64) / 64;
    }
    // What the line is set up for now: its running order, else the last one it finished.
    const initialProduct =
      running.get(line.id) ?? orders.lastDoneProduct.get(line.id) ?? line.initialProductId ?? null;
    return { id: line.id, minutesPerUnit, setup, initialProduct };
  });
}

/** Per line, how many plan orders head the sequence frozen: up to the last frozen one. */
function frozenPrefixLength(sequence: readonly string[], isFrozen: (orderId: string) => boolean): number {
  let length = 0;
  sequence.forEach((orderId, index) => {
    if (isFrozen(orderId)) length = index + 1;
  });
  return length;
}

/**
 * Orders whose planned start falls inside the frozen window, by evaluating the plan once: the
 * shop floor has already staged material and people for them.
 */
function startingInWindow(instance: Instance, windowMinutes: number): Set<string> {
  if (instance.orders.length === 0) return new Set();
  const compiled = compileInstance(instance);
  const { trace } = evaluate(compiled, compiled.planSequences, { trace: true });
  const waitStart = new Map<string, number>();
  for (const stoppage of trace?.stoppages ?? []) {
    if (!waitStart.has(stoppage.order)) waitStart.set(stoppage.order, stoppage.start);
  }
  const inWindow = new Set<string>();
  for (const order of trace?.orders ?? []) {
    const starts = [order.setupStart, order.firstUnitStart, waitStart.get(order.id) ?? null].filter(
      (t): t is number => t !== null,
    );
    if (starts.length > 0 && Math.min(...starts) < windowMinutes) inWindow.add(order.id);
  }
  return inWindow;
}

export function supplyInstanceRows(
  rows: readonly SupplyRow[],
  doors: ReadonlyMap<string, DoorRow>,
  parts: ReadonlyMap<string, PartRow>,
  origin: number,
): { supplies: PlantSupply[]; instanceSupplies: Instance['supplies'] } {
  const times = availabilityTimes(rows, doors, parts, origin);
  const supplies: PlantSupply[] = [];
  const instanceSupplies: Instance['supplies'] = [];
  rows.forEach((row, index) => {
    if (row.quantity <= 0) return;
    const availableAt = times[index]!;
    supplies.push({ ...row, availableAt });
    instanceSupplies.push({
      part: row.partId,
      quantity: row.quantity,
      at: instanceMinutes(availableAt, origin),
    });
  });
  return { supplies, instanceSupplies };
}

export function assemblePlantInstance(origin: number, rows: PlantRows): PlantInstance {
  const { master, orders, stock } = rows;
  const lineOrder = new Map(master.lines.map((line, index) => [line.id, index]));
  const productNames = new Map(master.products.map((product) => [product.id, product.name]));
  const canMake = new Set(master.rates.map((rate) => `${rate.lineId}|${rate.productId}`));
  const parts = new Map<string, PlantPart>(
    master.parts.map((part) => [part.id, { ...part, onHand: Math.max(0, stock.get(part.id) ?? 0) }]),
  );
  const doors = new Map(master.doors.map((door) => [door.id, door]));

  const skippedOrders: string[] = [];
  const open = orders.open.filter((order) => {
    const runnable =
      lineOrder.has(order.lineId) &&
      canMake.has(`${order.lineId}|${order.productId}`) &&
      order.quantity - order.producedUnits > 0;
    if (!runnable) skippedOrders.push(order.id);
    return runnable;
  });
  // The running order is what the line works on now, whatever its sequence number says.
  open.sort(
    (a, b) =>
      lineOrder.get(a.lineId)! - lineOrder.get(b.lineId)! ||
      Number(b.status === 'running') - Number(a.status === 'running') ||
      a.sequence - b.sequence ||
      a.id.localeCompare(b.id),
  );
  const running = new Map(open.filter((o) => o.status === 'running').map((o) => [o.lineId, o.productId]));
  const eligibleOf = new Map<string, Set<string>>();
  for (const { orderId, lineId } of orders.eligible) {
    if (!eligibleOf.has(orderId)) eligibleOf.set(orderId, new Set());
    eligibleOf.get(orderId)!.add(lineId);
  }
  const plan: Record<string, string[]> = Object.fromEntries(master.lines.map((line) => [line.id, []]));
  const instanceOrders: InstanceOrder[] = open.map((order) => {
    plan[order.lineId]!.push(order.id);
    const eligible = new Set(eligibleOf.get(order.id) ?? []);
    eligible.add(order.lineId);
    return {
      id: order.id,
      product: order.productId,
      quantity: order.quantity - order.producedUnits,
      due: signedInstanceMinutes(order.dueAt, origin),
      eligibleLines: [...eligible]
        .filter((lineId) => lineOrder.has(lineId) && canMake.has(`${lineId}|${order.productId}`))
        .sort((a, b) => lineOrder.get(a)! - lineOrder.get(b)!),
      frozen: false,
    };
  });

  const { supplies, instanceSupplies } = supplyInstanceRows(rows.supplies, doors, parts, origin);
  const bom: Record<string, Record<string, number>> = Object.fromEntries(
    master.products.map((product) => [product.id, {}]),
  );
  for (const item of master.bom) if (bom[item.productId]) bom[item.productId]![item.partId] = item.quantity;
  const instance: Instance = {
    horizon: round64(master.settings.horizonMinutes),
    parts: [...parts.values()].map((part) => ({ id: part.id, stock: part.onHand })),
    products: master.products.map((product) => ({ id: product.id, bom: bom[product.id]! })),
    lines: instanceLines(master, orders, running),
    orders: instanceOrders,
    plan,
    supplies: instanceSupplies,
  };

  const byId = new Map(open.map((order) => [order.id, order]));
  const inWindow = startingInWindow(instance, master.settings.frozenWindowMinutes);
  const frozenIds = new Set<string>();
  for (const sequence of Object.values(plan)) {
    const isFrozen = (id: string) => {
      const order = byId.get(id)!;
      return order.status === 'running' || order.frozen === 1 || inWindow.has(id);
    };
    for (const id of sequence.slice(0, frozenPrefixLength(sequence, isFrozen))) frozenIds.add(id);
  }
  for (const order of instance.orders) order.frozen = frozenIds.has(order.id);
  validateInstance(instance);

  return {
    origin,
    timeZone: master.timeZone,
    settings: master.settings,
    instance,
    lines: master.lines.map((line) => ({ id: line.id, name: line.name })),
    orders: new Map(
      open.map((order) => [
        order.id,
        {
          id: order.id,
          lineId: order.lineId,
          productId: order.productId,
          productName: productNames.get(order.productId) ?? order.productId,
          quantity: order.quantity,
          producedUnits: order.producedUnits,
          status: order.status,
          dueAt: order.dueAt,
          sequence: order.sequence,
          frozen: frozenIds.has(order.id),
        },
      ]),
    ),
    parts,
    productNames,
    doors,
    supplies,
    skippedOrders,
  };
}
