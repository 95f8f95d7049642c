import { imposeDisruption } from './engine/runPlant';
import type { DeliveryItemState, LineState, OrderState, PlantModel, TruckState } from './engine/types';
import type { DemoCatalog } from './model';
import { setupMinutes } from './planOrders';

// The demo's opening situation for the planners: a line heading into a shortage within the next
// hours that re-sequencing avoids. A truck bringing a part that only one product needs has broken
// down (several hours late), and the stock count of that part came out short, so the line runs
// dry shortly after it starts the order that needs it (the supplier adds what the count lacks to
// that truck). The next order on that line makes another product and lasts long enough: running
// it first, the truck is in before the part is needed.
// Everything is drawn from the generated plant as it stands at `now`, so the same seed and time
// give the same situation.

const MINUTE = 60_000;
/** The order that runs short starts after the frozen window (and within the next hours, see PASSES). */
const EARLIEST_START_MS = 75 * MINUTE;
/** The line runs this long on the order before the part runs out, then waits. */
const RUNS_BEFORE_SHORT_MINUTES = 15;
/** How long the line would wait: long enough to matter, short enough for one order to bridge. */
const WAIT_MINUTES = 90;
/** What the order run first must outlast the truck by, so ordinary traffic cannot undo the fix. */
const MARGIN_MINUTES = 60;
const CALL_AHEAD_MS = 30 * MINUTE;
/** A shorter wait is not worth a planner's attention. */
const MINIMUM_WAIT_MINUTES = 40;

export interface StagedShortage {
  lineId: string;
  /** The order that would stop. */
  shortOrderId: string;
  /** The order of another product the line could run first. */
  bridgeOrderId: string;
  partId: string;
  deliveryId: string;
  /** 0 when the truck was late anyway. */
  breakdownMinutes: number;
  stockBefore: number;
  stockAfter: number;
}

export interface ShortageInput {
  catalog: DemoCatalog;
  model: PlantModel;
  now: number;
  trucks: readonly TruckState[];
  itemsOf(deliveryId: string): readonly DeliveryItemState[];
  orders: readonly OrderState[];
  lines: readonly LineState[];
  stock: Map<string, number>;
}

interface OrderTimes {
  order: OrderState;
  lineId: string;
  setupStart: number;
  unitsStart: number;
  end: number;
}

/** When each open order would run if no part were missing: the plan as the lines work it. */
function plannedTimes(input: ShortageInput): OrderTimes[] {
  const times: OrderTimes[] = [];
  for (const line of input.catalog.lines) {
    const state = input.lines.find((candidate) => candidate.id === line.id);
    let t = Math.max(
      input.now,
      state && (state.phase === 'unit' || state.phase === 'setup') ? state.until : input.now,
    );
    let product = state?.productId ?? line.initialProductId;
    const open = input.orders
      .filter((order) => order.lineId === line.id && order.status !== 'done')
      .sort(
        (a, b) => Number(b.status === 'running') - Number(a.status === 'running') || a.sequence - b.sequence,
      );
    for (const order of open) {
      const setup = order.status === 'running' ? 0 : setupMinutes(line, product, order.productId) * MINUTE;
      const unitsStart = t + setup;
      const end =
        unitsStart +
        (order.quantity - order.producedUnits) * (line.minutesPerUnit[order.productId] ?? 2) * MINUTE;
      times.push({ order, lineId: line.id, setupStart: t, unitsStart, end });
      t = end;
      product = order.productId;
    }
  }
  return times;
}

/** Parts exactly one product needs: a shortage of one stops only that product. */
function singleProductParts(catalog: DemoCatalog): Map<string, string[]> {
  const users = new Map<string, Set<string>>();
  for (const product of catalog.products) {
    for (const { partId } of product.bom) {
      if (!users.has(partId)) users.set(partId, new Set());
      users.get(partId)!.add(product.id);
    }
  }
  const byProduct = new Map<string, string[]>();
  for (const [partId, products] of users) {
    if (products.size !== 1) continue;
    const [product] = [...products];
    byProduct.set(product!, [...(byProduct.get(product!) ?? []), partId].sort());
  }
  return byProduct;
}

/** When a truck's goods of `partId` can feed the lines: arrival, door call, unloading, put-away. */
function availableAt(input: ShortageInput, truck: TruckState, partId: string): number {
  const door = input.catalog.doors.find((candidate) => candidate.id === truck.doorId);
  const part = input.catalog.parts.find((candidate) => candidate.id === partId);
  const arrival = Math.max(truck.eta ?? truck.slotStart, truck.slotStart - CALL_AHEAD_MS);
  return arrival + ((door?.unloadMinutes ?? 25) + (part?.putAwayMinutes ?? 0)) * MINUTE;
}

const STILL_COMING = new Set(['announced', 'in_transit', 'at_gate', 'at_door', 'unloading']);

/** How strict a search pass is: the first passes give the cleanest story. */
interface Pass {
  way: 'breakdown' | 'late';
  /** The next truck with the part must come well after the broken-down one. */
  strictSecond: boolean;
  /** The order to run first may sit behind more orders of the short one's product. */
  bridgeFurther: boolean;
  /** The short order starts within this many hours. */
  withinHours: number;
}

const PASSES: readonly Pass[] = [
  { way: 'breakdown', strictSecond: true, bridgeFurther: false, withinHours: 8 },
  { way: 'late', strictSecond: true, bridgeFurther: false, withinHours: 8 },
  { way: 'breakdown', strictSecond: false, bridgeFurther: false, withinHours: 8 },
  { way: 'breakdown', strictSecond: false, bridgeFurther: true, withinHours: 8 },
  { way: 'late', strictSecond: true, bridgeFurther: true, withinHours: 8 },
  { way: 'breakdown', strictSecond: false, bridgeFurther: true, withinHours: 14 },
  { way: 'late', strictSecond: true, bridgeFurther: true, withinHours: 14 },
];

/** The order to run first: the next one, or (further) the next one of another product. */
function bridgeFor(sequence: readonly OrderTimes[], index: number, further: boolean): OrderTimes | undefined {
  const short = sequence[index]!;
  for (let i = index + 1; i < sequence.length; i++) {
    const candidate = sequence[i]!;
    if (candidate.order.productId !== short.order.productId) return candidate;
    if (!further) return undefined;
  }
  return undefined;
}

/**
 * Finds a line, an order and a part for the situation and stages it on the generated plant
 * (stock and the truck's disruption, in place); null when the plant offers none at this time.
 * A broken-down truck is preferred; failing that, a truck that is late anyway will do.
 */
export function stageShortage(input: ShortageInput): StagedShortage | null {
  const times = plannedTimes(input);
  const singles = singleProductParts(input.catalog);
  const bomQuantity = (productId: string, partId: string) =>
    input.catalog.products.find((p) => p.id === productId)?.bom.find((b) => b.partId === partId)?.quantity ??
    0;
  for (const pass of PASSES) {
    for (const line of input.catalog.lines) {
      const sequence = times.filter((entry) => entry.lineId === line.id);
      for (let i = 0; i + 1 < sequence.length; i++) {
        const short = sequence[i]!;
        const bridge = bridgeFor(sequence, i, pass.bridgeFurther);
        if (!bridge || short.order.status !== 'planned' || bridge.order.status !== 'planned') continue;
        if (
          short.setupStart < input.now + EARLIEST_START_MS ||
          short.unitsStart > input.now + pass.withinHours * 60 * MINUTE
        )
          continue;
        const bridgeMinutes = (bridge.end - bridge.unitsStart) / MINUTE;
        const before = unitsBefore(times, short, bridgeMinutes);
        if (before === null) continue;
        for (const partId of singles.get(short.order.productId) ?? []) {
          const perUnit = bomQuantity(short.order.productId, partId);
          const staged = stageOn(input, pass, short, bridgeMinutes, partId, perUnit, before * perUnit);
          if (staged)
            return {
              ...staged,
              lineId: line.id,
              shortOrderId: short.order.id,
              bridgeOrderId: bridge.order.id,
            };
        }
      }
    }
  }
  return null;
}

/**
 * Units of the short order's product that other orders make before it starts (they take the
 * same part); null when one of them runs while it waits or is bridged — it would share the part.
 */
function unitsBefore(times: readonly OrderTimes[], short: OrderTimes, bridgeMinutes: number): number | null {
  const until = short.unitsStart + (WAIT_MINUTES + bridgeMinutes) * MINUTE;
  let units = 0;
  for (const entry of times) {
    if (entry === short || entry.order.productId !== short.order.productId) continue;
    if (entry.lineId === short.lineId && entry.setupStart >= short.end) continue;
    if (entry.end <= short.unitsStart) units += entry.order.quantity - entry.order.producedUnits;
    else if (entry.setupStart < until) return null;
  }
  return units;
}

type Staged = Omit<StagedShortage, 'lineId' | 'shortOrderId' | 'bridgeOrderId'>;

function stageOn(
  input: ShortageInput,
  pass: Pass,
  short: OrderTimes,
  bridgeMinutes: number,
  partId: string,
  perUnit: number,
  /** What orders of the same product take before the short one starts. */
  usedBefore: number,
): Staged | null {
  const carrying = input.trucks
    .filter((truck) => STILL_COMING.has(truck.status))
    .filter((truck) =>
      input.itemsOf(truck.id).some((item) => item.partId === partId && item.quantityAnnounced > 0),
    )
    .map((truck) => ({ truck, at: availableAt(input, truck, partId) }))
    .sort((a, b) => a.at - b.at || a.truck.id.localeCompare(b.truck.id));
  const first = carrying[0];
  if (!first) return null;
  const minutesPerUnit = input.catalog.lines.find((line) => line.id === short.lineId)!.minutesPerUnit[
    short.order.productId
  ]!;
  // The truck must be in before the order run first is over, with a margin.
  const latestEnd = short.unitsStart + (bridgeMinutes - MARGIN_MINUTES) * MINUTE;
  let end: number;
  let breakdownMinutes = 0;
  if (pass.way === 'breakdown') {
    if (first.truck.status !== 'in_transit') return null;
    const target = short.unitsStart + (RUNS_BEFORE_SHORT_MINUTES + WAIT_MINUTES) * MINUTE;
    if (first.at >= target || target > latestEnd) return null;
    // The next truck with the part should come later still, or it ends the wait instead.
    const second = carrying[1];
    if (pass.strictSecond && second && second.at < target + MARGIN_MINUTES * MINUTE) return null;
    // The breakdown moves the ETA; door call, unloading and put-away stay as they are.
    const eta = first.truck.eta ?? first.truck.slotStart;
    const lead = first.at - Math.max(eta, first.truck.slotStart - CALL_AHEAD_MS);
    breakdownMinutes = Math.ceil((target - lead - eta) / MINUTE);
    end = Math.min(target, carrying[1]?.at ?? target);
  } else {
    if (first.at > latestEnd) return null;
    end = first.at;
  }
  // Stock for the units the line makes before it waits WAIT_MINUTES (or from the order's start).
  const runMinutes = Math.max(
    0,
    Math.min(RUNS_BEFORE_SHORT_MINUTES, (end - short.unitsStart) / MINUTE - WAIT_MINUTES),
  );
  const units = Math.floor(runMinutes / minutesPerUnit);
  const waitMinutes = (end - short.unitsStart) / MINUTE - units * minutesPerUnit;
  if (waitMinutes < MINIMUM_WAIT_MINUTES) return null;
  const stockBefore = input.stock.get(partId) ?? 0;
  const stockAfter = usedBefore + units * perUnit;
  // Short already: the line would stop earlier, on an order that may not be moved.
  if (stockAfter > stockBefore) return null;
  if (breakdownMinutes > 0)
    imposeDisruption(input.model, first.truck, 'breakdown', input.now, breakdownMinutes);
  input.stock.set(partId, stockAfter);
  // The supplier sends what the count lacks with that truck: once it is in, the plan's stock is back.
  const item = input.itemsOf(first.truck.id).find((candidate) => candidate.partId === partId)!;
  item.quantityAnnounced += stockBefore - stockAfter;
  return { partId, deliveryId: first.truck.id, breakdownMinutes, stockBefore, stockAfter };
}
