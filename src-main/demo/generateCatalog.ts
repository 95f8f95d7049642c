import { type RandomStream, randomStream } from '../domain/seededRandom';
import { DOCK_DOORS, SHIFTS } from './catalog/dock';
import { PLACES, PLANT } from './catalog/geography';
import { CARRIER_PROFILES, SUPPLIER_PROFILES } from './catalog/partners';
import { PART_TEMPLATES, type PartTemplate, VARIANT_SUFFIXES } from './catalog/parts';
import { LINE_TEMPLATES, PRODUCT_TEMPLATES, sameKind } from './catalog/production';
import type { DemoCarrier, DemoCatalog, DemoLine, DemoPart, DemoProduct, DemoSupplier } from './model';
import { contactFor, fleetFor } from './partnerDetails';

// The demo plant's master data from a seed. The templates fix what the plant is (its doors,
// products, suppliers, roads); the seed varies the details (line count and speeds, setups,
// contacts, plates, which equipment variants the catalogue holds).

const FLEET_SIZE = 120;
/** Share of planned time a line loses to setups: used only to estimate hourly demand. */
const SETUP_LOSS = 0.05;
/** Share of parts whose buffer is kept thin: the demo's shortages come from them. */
const THIN_BUFFER_SHARE = 0.1;

/** Rounds to the 1/64-minute grid that RESCHEDULING.md requires of every time value. */
export const toSixtyFourths = (minutes: number) => Math.max(1, Math.round(minutes * 64)) / 64;

const roundUpToPack = (quantity: number, pack: number) => Math.max(0, Math.ceil(quantity / pack) * pack);

function buildLines(random: RandomStream): DemoLine[] {
  const withOptional = random.chance(0.5);
  const templates = LINE_TEMPLATES.filter((line) => !line.optional || withOptional);
  return templates.map((template, index) => {
    const products = Object.keys(template.rates);
    const minutesPerUnit = Object.fromEntries(
      products.map((id) => [id, toSixtyFourths(template.rates[id]! * random.between(0.94, 1.06))]),
    );
    const setupMinutes = Object.fromEntries(
      products.map((from) => [
        from,
        Object.fromEntries(
          products
            .filter((to) => to !== from)
            .map((to) => [
              to,
              Math.round(
                (sameKind(from, to) ? template.nearSetup : template.farSetup) * random.between(0.8, 1.25),
              ),
            ]),
        ),
      ]),
    );
    return {
      id: template.id,
      name: template.name,
      sortOrder: index + 1,
      initialProductId: random.pick(products),
      minutesPerUnit,
      setupMinutes,
    };
  });
}

/** Expected units per hour of each product over all lines, from the product weights. */
function productRates(lines: readonly DemoLine[], products: readonly DemoProduct[]): Map<string, number> {
  const weightOf = new Map(products.map((product) => [product.id, product.weight]));
  const perHour = new Map<string, number>();
  for (const line of lines) {
    const ids = Object.keys(line.minutesPerUnit);
    const totalWeight = ids.reduce((sum, id) => sum + (weightOf.get(id) ?? 0), 0);
    for (const id of ids) {
      const share = (weightOf.get(id) ?? 0) / totalWeight;
      const unitsPerHour = (60 / line.minutesPerUnit[id]!) * share * (1 - SETUP_LOSS);
      perHour.set(id, (perHour.get(id) ?? 0) + unitsPerHour);
    }
  }
  return perHour;
}

const PUT_AWAY_MINUTES: Readonly<Record<number, number>> = { 210: 10, 440: 30, 610: 25, 710: 45, 810: 25 };

function variantDescription(base: string, suffix: string): string {
  if (base.includes('Stoff anthrazit')) return base.replace('Stoff anthrazit', suffix);
  if (base.includes('anthrazit')) return base.replace('anthrazit', suffix);
  return `${base}, ${suffix}`;
}

interface NumberedTemplate {
  template: PartTemplate;
  /** Group and serial of the plant part number, e.g. "110.004". */
  stem: string;
}

/** Plant part numbers: serials count up within each material group, in template order. */
function numberTemplates(): NumberedTemplate[] {
  const serialInGroup = new Map<number, number>();
  return PART_TEMPLATES.map((template) => {
    const serial = (serialInGroup.get(template.group) ?? 0) + 1;
    serialInGroup.set(template.group, serial);
    return { template, stem: `${template.group}.${String(serial).padStart(3, '0')}` };
  });
}

function buildParts(
  random: RandomStream,
  numbered: readonly NumberedTemplate[],
  demandOf: (key: string) => number,
): DemoPart[] {
  const supplierNumbers = new Set<string>();
  const supplierCode = new Map(SUPPLIER_PROFILES.map((profile) => [profile.id, profile.code]));
  const supplierPartNumber = (supplierId: string) => {
    for (;;) {
      const candidate = `${supplierCode.get(supplierId)}-${random.int(100000, 999999)}`;
      if (!supplierNumbers.has(candidate)) {
        supplierNumbers.add(candidate);
        return candidate;
      }
    }
  };
  const make = (template: PartTemplate, id: string, description: string, hourlyDemand: number): DemoPart => ({
    id,
    description,
    unit: template.unit,
    supplierId: template.supplierId,
    supplierPartNumber: supplierPartNumber(template.supplierId),
    pack: template.pack,
    // Two hours of consumption: what the planners want on hand when a truck is late.
    safetyStock: roundUpToPack(hourlyDemand * 2, template.pack),
    putAwayMinutes: (PUT_AWAY_MINUTES[template.group] ?? 15) + random.int(-3, 5),
    hourlyDemand,
    bufferHours:
      hourlyDemand === 0
        ? 0
        : random.chance(THIN_BUFFER_SHARE)
          ? random.between(0.2, 0.6)
          : random.between(2, 5),
  });
  const production = numbered.map(({ template, stem }) =>
    make(template, `${stem}.00`, template.description, demandOf(template.key)),
  );
  const candidates = random.shuffle(
    numbered.flatMap(({ template, stem }) =>
      (VARIANT_SUFFIXES[template.group] ?? []).map((suffix, index) => ({ template, stem, suffix, index })),
    ),
  );
  const variantCount = random.int(196, 204) - production.length;
  const variants = candidates
    .slice(0, variantCount)
    .map(({ template, stem, suffix, index }) =>
      make(
        template,
        `${stem}.${String(index + 1).padStart(2, '0')}`,
        variantDescription(template.description, suffix),
        0,
      ),
    );
  return [...production, ...variants].sort((a, b) => a.id.localeCompare(b.id));
}

export function generateCatalog(seed: number): DemoCatalog {
  const random = (purpose: string) => randomStream(seed, 'catalog', purpose);
  const lines = buildLines(random('lines'));
  const numbered = numberTemplates();
  const partIdByKey = new Map(numbered.map(({ template, stem }) => [template.key, `${stem}.00`]));
  const products: DemoProduct[] = PRODUCT_TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name,
    weight: template.weight,
    lot: template.lot,
    bom: template.bom.map(([key, quantity]) => {
      const partId = partIdByKey.get(key);
      if (!partId) throw new Error(`The BOM of ${template.id} names an unknown part ${key}`);
      return { partId, quantity };
    }),
  }));
  const unitsPerHour = productRates(lines, products);
  const demandByKey = new Map<string, number>();
  for (const template of PRODUCT_TEMPLATES) {
    for (const [key, quantity] of template.bom) {
      demandByKey.set(key, (demandByKey.get(key) ?? 0) + (unitsPerHour.get(template.id) ?? 0) * quantity);
    }
  }
  const parts = buildParts(random('parts'), numbered, (key) => demandByKey.get(key) ?? 0);

  const contacts = random('contacts');
  const fleets = random('fleets');
  const carriers: DemoCarrier[] = CARRIER_PROFILES.map((profile) => ({
    id: profile.id,
    name: profile.name,
    city: PLACES[profile.place].name,
    countryCode: PLACES[profile.place].countryCode,
    at: PLACES[profile.place].at,
    contact: contactFor(contacts, profile),
    fleet: fleetFor(fleets, profile.plate, FLEET_SIZE),
  }));
  const trucks = random('trucks');
  const suppliers: DemoSupplier[] = SUPPLIER_PROFILES.map((profile) => ({
    id: profile.id,
    name: profile.name,
    code: profile.code,
    city: PLACES[profile.origin].name,
    countryCode: PLACES[profile.origin].countryCode,
    at: PLACES[profile.origin].at,
    route: profile.route,
    contact: contactFor(contacts, profile),
    dailyTrucks: profile.dailyTrucks + trucks.int(-1, 1),
    requires: profile.requires,
    carrierIds: profile.carrierIds,
  }));

  return {
    seed,
    site: {
      id: PLANT.id,
      name: PLANT.name,
      city: PLANT.city,
      at: PLANT.at,
      timeZone: PLANT.timeZone,
      geofenceRadiusM: PLANT.geofenceRadiusM,
    },
    doors: DOCK_DOORS,
    shifts: SHIFTS,
    suppliers,
    carriers,
    parts,
    products,
    lines,
  };
}
