import type BetterSqlite3 from 'better-sqlite3';
import type { DeliveryStatus } from '../db/schema';

// Which delivery a partner's device is driving now. A device id maps to a delivery directly
// (inbound_delivery.device_id, set by a shipping notice) or through the truck plate the partner
// registered for it (partner_device). Of several, the one whose slot is nearest now: yesterday's
// finished trip and tomorrow's announced one both lose to today's. Only the partner's own
// deliveries (as supplier or carrier) are candidates.
//
// Every position asks this, so the answer is cached per partner and device for a few seconds; a
// cached delivery is re-read by its key and dropped as soon as it left the road.

/** Statuses in which a truck's phone still reports: on the way, or in the plant. */
export const TRACKED_STATUSES: readonly DeliveryStatus[] = [
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
];

export interface TrackedDelivery {
  id: string;
  status: DeliveryStatus;
  lastPositionAt: number | null;
  eta: number | null;
}

const CACHE_MS = 10_000;
const MAX_CACHED = 50_000;
const TRACKED_SQL = TRACKED_STATUSES.map((status) => `'${status}'`).join(', ');

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    // Two lookups, each on its own index, rather than one OR the planner may scan for.
    byDevice: sqlite.prepare<{ partnerId: string; deviceId: string; now: number }, TrackedDelivery>(
      `SELECT id, status, last_position_at AS lastPositionAt, eta FROM inbound_delivery
        WHERE device_id = @deviceId AND status IN (${TRACKED_SQL})
          AND (supplier_id = @partnerId OR carrier_id = @partnerId)
        ORDER BY abs(slot_start - @now), id LIMIT 1`,
    ),
    byPlate: sqlite.prepare<{ partnerId: string; deviceId: string; now: number }, TrackedDelivery>(
      `SELECT d.id, d.status, d.last_position_at AS lastPositionAt, d.eta
         FROM partner_device pd JOIN inbound_delivery d ON d.truck_plate = pd.truck_plate
        WHERE pd.partner_id = @partnerId AND pd.device_id = @deviceId AND d.status IN (${TRACKED_SQL})
          AND (d.supplier_id = @partnerId OR d.carrier_id = @partnerId)
        ORDER BY abs(d.slot_start - @now), d.id LIMIT 1`,
    ),
    byId: sqlite.prepare<[string], TrackedDelivery>(
      `SELECT id, status, last_position_at AS lastPositionAt, eta FROM inbound_delivery
        WHERE id = ? AND status IN (${TRACKED_SQL})`,
    ),
  };
}

export class DeviceDeliveries {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly cache = new Map<string, { deliveryId: string; until: number }>();

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly wallNow: () => number = Date.now,
  ) {
    this.statements = prepare(sqlite);
  }

  /** The delivery the device is on now, read fresh; null when the partner has none for it. */
  resolve(partnerId: string, deviceId: string, now: number): TrackedDelivery | null {
    const key = `${partnerId}\u0000${deviceId}`;
    const cached = this.cache.get(key);
    const wall = this.wallNow();
    if (cached && cached.until > wall) {
      const row = this.statements.byId.get(cached.deliveryId);
      if (row) return row;
    }
    this.cache.delete(key);
    const params = { partnerId, deviceId, now };
    const direct = this.statements.byDevice.get(params);
    const viaPlate = this.statements.byPlate.get(params);
    const found = nearer(direct, viaPlate);
    if (found) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(key, { deliveryId: found.delivery.id, until: wall + CACHE_MS });
    }
    return found?.delivery ?? null;
  }

  /** Forgets every mapping (a delivery was re-planned, a device re-registered). */
  forget(): void {
    this.cache.clear();
  }
}

function nearer(
  direct: TrackedDelivery | undefined,
  viaPlate: TrackedDelivery | undefined,
): { delivery: TrackedDelivery } | null {
  // A device named on the delivery itself is the stronger statement than a plate registration.
  if (direct) return { delivery: direct };
  if (viaPlate) return { delivery: viaPlate };
  return null;
}
