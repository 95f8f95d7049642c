import { FRESH_DRIVER } from '../../domain/eta/drivingRules';
import type { EtaSituation, KnownPosition } from '../../domain/eta/estimate';
import type { LaneBook } from '../../domain/eta/laneLearning';
import { laneKey } from '../../domain/eta/laneLearning';
import { fullRoadKm, remainingRoadKm } from '../../domain/eta/remainingDistance';
import type { DeliveryRow, TruckRecord } from './etaCache';
import type { PlantSite } from './plantSite';

/** Deliveries still on their way (or not yet left): an ETA means something only for them. */
export const ON_THE_WAY = new Set(['announced', 'in_transit']);

/** Everything the pure estimate needs, from the delivery's row and its running record. */
export function situationOf(
  row: DeliveryRow,
  record: TruckRecord,
  site: PlantSite,
  lanes: LaneBook,
  now: number,
): EtaSituation {
  let position: KnownPosition;
  const fix = record.lastFix;
  if (fix) {
    const road = remainingRoadKm([fix.lat, fix.lon], site.at, site.geofenceKm, record.route);
    position = { kind: 'fix', at: fix.at, kmToGate: road.km, driver: record.driver };
  } else {
    const kmToGate = fullRoadKm([row.origin_lat, row.origin_lon], site.at, site.geofenceKm, record.routeKm);
    position =
      row.departed_at !== null && row.departed_at <= now
        ? { kind: 'departure', at: row.departed_at, kmToGate, driver: FRESH_DRIVER }
        : { kind: 'not_departed', at: now, kmToGate, driver: FRESH_DRIVER };
  }
  return {
    now,
    utcOffsetMinutes: site.utcOffsetMinutes,
    position,
    lane: lanes.lookup(laneKey(row.supplier_id, row.origin_name), row.carrier_id),
    slotStart: row.slot_start,
    carrier: record.carrier,
    notice: record.notice,
  };
}
