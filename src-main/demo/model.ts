import type { LatLon } from '../domain/geo';
import type { OpeningWindow } from '../domain/openingHours';
import type { PlaceKey } from './catalog/geography';

// The demo plant's master data as plain values: what generateCatalog derives from a seed and what
// the day planner and the simulator read. Nothing here touches the database.

export type DoorCapability = 'side_loading' | 'cooled' | 'hazardous' | 'oversize';
export type PartUnit = 'ST' | 'KG' | 'M';

export interface Contact {
  name: string;
  email: string;
  phone: string;
}

export interface DemoSupplier {
  id: string;
  name: string;
  /** Short code in shipping-notice numbers, e.g. "KWO". */
  code: string;
  city: string;
  countryCode: string;
  at: LatLon;
  /** Places the trucks drive through, origin first, plant excluded. */
  route: readonly PlaceKey[];
  contact: Contact;
  /** Trucks the supplier sends on an ordinary day. */
  dailyTrucks: number;
  /** Door capabilities every truck of this supplier needs. */
  requires: readonly DoorCapability[];
  /** Carriers that drive for this supplier: the first most of the time. */
  carrierIds: readonly string[];
}

export interface FleetTruck {
  plate: string;
  deviceId: string;
}

export interface DemoCarrier {
  id: string;
  name: string;
  city: string;
  countryCode: string;
  at: LatLon;
  contact: Contact;
  fleet: readonly FleetTruck[];
}

export interface DemoPart {
  id: string;
  description: string;
  unit: PartUnit;
  supplierId: string;
  supplierPartNumber: string;
  /** Units per load carrier: delivery quantities are whole carriers. */
  pack: number;
  safetyStock: number;
  putAwayMinutes: number;
  /** Expected consumption per hour from the product mix (0 for parts no BOM uses). */
  hourlyDemand: number;
  /**
   * Hours of consumption the plant keeps beyond the day's needs. Most parts have a few hours;
   * a few are kept thin on purpose, so that a late truck stops a line now and then.
   */
  bufferHours: number;
}

export interface DemoProduct {
  id: string;
  name: string;
  /** Share of this product in its lines' plans. */
  weight: number;
  /** Order quantities: from min to max in steps of `step`. */
  lot: { min: number; max: number; step: number };
  bom: readonly { partId: string; quantity: number }[];
}

export interface DemoLine {
  id: string;
  name: string;
  sortOrder: number;
  initialProductId: string;
  /** Minutes per unit by product; multiples of 1/64 minute. */
  minutesPerUnit: Readonly<Record<string, number>>;
  /** setupMinutes[from][to]; a missing entry is no setup. */
  setupMinutes: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface DemoDoor {
  id: string;
  name: string;
  capabilities: readonly DoorCapability[];
  openingHours: readonly OpeningWindow[];
  unloadMinutes: number;
  sortOrder: number;
}

export interface DemoShift {
  id: string;
  name: string;
  startMinute: number;
  endMinute: number;
}

export interface DemoCatalog {
  seed: number;
  site: {
    id: string;
    name: string;
    city: string;
    at: LatLon;
    timeZone: string;
    geofenceRadiusM: number;
  };
  doors: readonly DemoDoor[];
  shifts: readonly DemoShift[];
  suppliers: readonly DemoSupplier[];
  carriers: readonly DemoCarrier[];
  parts: readonly DemoPart[];
  products: readonly DemoProduct[];
  lines: readonly DemoLine[];
}
