import type { LatLon } from '../domain/geo';
import { type RandomStream, randomStream } from '../domain/seededRandom';
import type { DemoCatalog, DemoPart, DemoSupplier } from './model';
import { type SupplierRoute, supplierRoute } from './routes';
import type { SlotBook } from './slotBooking';

// One day of inbound deliveries. Every supplier sends its usual number of trucks, spread over
// the day; each truck carries a few of the supplier's parts in turn, so every part arrives a few
// times a day, and the quantities add up to what the day's orders consume (a little more, whole
// load carriers). Now and then an equipment variant rides along.

const MAX_ITEMS = 6;

export interface PlannedDeliveryItem {
  lineNo: number;
  partId: string;
  supplierPartNumber: string;
  quantity: number;
}

export interface PlannedDelivery {
  id: string;
  noticeNumber: string;
  supplierId: string;
  carrierId: string;
  truckPlate: string;
  deviceId: string;
  originName: string;
  originAt: LatLon;
  doorId: string;
  slotStart: number;
  slotEnd: number;
  /** Door capabilities the supplier's trucks need (inbound_delivery.required_capabilities). */
  requires: readonly string[];
  items: PlannedDeliveryItem[];
  route: SupplierRoute;
}

interface TruckLoad {
  supplier: DemoSupplier;
  carrierId: string;
  preferredStart: number;
  parts: DemoPart[];
  quantities: number[];
  rotation: number;
}

const roundUpToPack = (quantity: number, pack: number) => Math.max(pack, Math.ceil(quantity / pack) * pack);

/** How many parts each truck carries: 1–6, but together at least every part once. */
function itemCounts(random: RandomStream, trucks: number, partCount: number): number[] {
  const most = Math.min(MAX_ITEMS, partCount);
  const counts = Array.from({ length: trucks }, () => random.int(1, most));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < partCount && i < trucks * MAX_ITEMS; i++) {
    if (counts[i % trucks]! < most) counts[i % trucks]!++;
  }
  return counts;
}

function supplierLoads(
  catalog: DemoCatalog,
  supplier: DemoSupplier,
  dayIndex: number,
  dayStart: number,
  dayEnd: number,
  demand: ReadonlyMap<string, number>,
): TruckLoad[] {
  const random = randomStream(catalog.seed, 'deliveries', dayIndex, supplier.id);
  const ownParts = catalog.parts.filter((part) => part.supplierId === supplier.id);
  const needed = ownParts.filter((part) => (demand.get(part.id) ?? 0) > 0);
  const variants = ownParts.filter((part) => part.hourlyDemand === 0);
  const trucks = needed.length === 0 ? 0 : Math.max(1, supplier.dailyTrucks + random.int(-1, 1));
  const counts = itemCounts(random, trucks, needed.length);
  let next = random.int(0, Math.max(0, needed.length - 1));
  const loads: TruckLoad[] = counts.map((count, index) => {
    const parts = Array.from({ length: count }, (_, k) => needed[(next + k) % needed.length]!);
    next = (next + count) % needed.length;
    const carrierId =
      random.chance(0.85) || supplier.carrierIds.length < 2
        ? supplier.carrierIds[0]!
        : supplier.carrierIds[1]!;
    return {
      supplier,
      carrierId,
      preferredStart: dayStart + ((index + random.between(0.1, 0.9)) / trucks) * (dayEnd - dayStart),
      parts,
      quantities: [],
      rotation: random.int(0, 9),
    };
  });
  const drops = new Map<string, number>();
  for (const load of loads) for (const part of load.parts) drops.set(part.id, (drops.get(part.id) ?? 0) + 1);
  for (const load of loads) {
    load.quantities = load.parts.map((part) =>
      roundUpToPack(((demand.get(part.id) ?? 0) / drops.get(part.id)!) * random.between(1, 1.12), part.pack),
    );
  }
  for (const variant of variants) {
    const roomy = loads.filter((load) => load.parts.length < MAX_ITEMS);
    if (roomy.length === 0 || !random.chance(0.25)) continue;
    const load = random.pick(roomy);
    load.parts.push(variant);
    load.quantities.push(variant.pack * random.int(1, 3));
  }
  return loads;
}

/** "20261127" → "261127", the date part of shipping-notice numbers. */
const shortDate = (dateKey: string) => dateKey.slice(2);

export function planDayDeliveries(
  catalog: DemoCatalog,
  dayIndex: number,
  dateKey: string,
  dayStart: number,
  dayEnd: number,
  demand: ReadonlyMap<string, number>,
  slots: SlotBook,
): PlannedDelivery[] {
  const loads = catalog.suppliers
    .flatMap((supplier) => supplierLoads(catalog, supplier, dayIndex, dayStart, dayEnd, demand))
    .sort((a, b) => a.preferredStart - b.preferredStart || a.supplier.id.localeCompare(b.supplier.id));
  const booked = loads
    .map((load) => ({
      load,
      slot: slots.book(load.supplier.requires, load.preferredStart, dayStart, dayEnd, load.rotation),
    }))
    .filter((entry) => entry.slot !== null)
    .sort((a, b) => a.slot!.slotStart - b.slot!.slotStart || a.slot!.doorId.localeCompare(b.slot!.doorId));

  const carrierById = new Map(catalog.carriers.map((carrier) => [carrier.id, carrier]));
  const noticeCount = new Map<string, number>();
  const carrierCount = new Map<string, number>();
  const routes = new Map<string, SupplierRoute>();
  return booked.map(({ load, slot }, index) => {
    const { supplier } = load;
    const notice = (noticeCount.get(supplier.id) ?? 0) + 1;
    noticeCount.set(supplier.id, notice);
    const carrier = carrierById.get(load.carrierId)!;
    const trip = carrierCount.get(carrier.id) ?? 0;
    carrierCount.set(carrier.id, trip + 1);
    // Walks the fleet so a truck is used again only days later, never on two trips at once.
    const truck = carrier.fleet[(dayIndex * 41 + trip) % carrier.fleet.length]!;
    let route = routes.get(supplier.id);
    if (!route) {
      route = supplierRoute(supplier, catalog.site.at);
      routes.set(supplier.id, route);
    }
    return {
      id: `an-${dateKey}-${String(index + 1).padStart(3, '0')}`,
      noticeNumber: `${supplier.code}-${shortDate(dateKey)}-${String(notice).padStart(2, '0')}`,
      supplierId: supplier.id,
      carrierId: carrier.id,
      truckPlate: truck.plate,
      deviceId: truck.deviceId,
      originName: `${supplier.city} (${supplier.countryCode})`,
      originAt: supplier.at,
      doorId: slot!.doorId,
      slotStart: slot!.slotStart,
      slotEnd: slot!.slotEnd,
      requires: supplier.requires,
      items: load.parts.map((part, k) => ({
        lineNo: k + 1,
        partId: part.id,
        supplierPartNumber: part.supplierPartNumber,
        quantity: load.quantities[k]!,
      })),
      route,
    };
  });
}
