import type BetterSqlite3 from 'better-sqlite3';
import { FRESH_DRIVER } from '../../domain/eta/drivingRules';
import { type LaneBook, type LaneSample, laneKey, learnLanes } from '../../domain/eta/laneLearning';
import { fullRoadKm } from '../../domain/eta/remainingDistance';
import { planTrip } from '../../domain/eta/tripPlan';
import type { PlantSite } from './plantSite';

// The lanes' record, read from the deliveries that reached the gate: for each, the transit it
// took (departure → gate check-in) against the transit the engine predicts for the same road and
// departure time. The newest trips count; a lane changes (roadworks, a new border regime).

const MINUTE = 60_000;
/** Enough trips to know every lane, few enough to read in a few milliseconds. */
const RECENT_TRIPS = 3000;
/** How far back trips count: a lane a quarter ago is not today's lane. By slot, which is indexed. */
export const LANE_HISTORY_MS = 90 * 24 * 60 * MINUTE;

interface CompletedTrip {
  id: string;
  supplier_id: string;
  carrier_id: string | null;
  origin_name: string;
  origin_lat: number;
  origin_lon: number;
  departed_at: number;
  gate_in_at: number;
  distance_km: number | null;
}

/**
 * The lane record from the newest completed trips. `predictions` keeps each trip's predicted
 * transit (minutes) between calls: a finished trip's prediction never changes, and computing it is
 * most of the cost. The caller empties it when the site moves.
 */
export function readLaneBook(
  sqlite: BetterSqlite3.Database,
  site: PlantSite,
  now: number,
  predictions: Map<string, number> = new Map(),
): LaneBook {
  const trips = sqlite
    .prepare(
      `SELECT d.id, d.supplier_id, d.carrier_id, d.origin_name, d.origin_lat, d.origin_lon, d.departed_at,
              d.gate_in_at, r.distance_km
         FROM inbound_delivery d LEFT JOIN delivery_route r ON r.delivery_id = d.id
        WHERE d.slot_start >= ? AND d.departed_at IS NOT NULL AND d.gate_in_at > d.departed_at
        ORDER BY d.gate_in_at DESC LIMIT ?`,
    )
    .all(now - LANE_HISTORY_MS, RECENT_TRIPS) as CompletedTrip[];
  const samples: LaneSample[] = trips.map((trip) => {
    let predicted = predictions.get(trip.id);
    if (predicted === undefined) {
      const km = fullRoadKm([trip.origin_lat, trip.origin_lon], site.at, site.geofenceKm, trip.distance_km);
      const plan = planTrip(trip.departed_at, km, FRESH_DRIVER, {
        laneFactor: 1,
        utcOffsetMinutes: site.utcOffsetMinutes,
        sundayBan: true,
      });
      predicted = (plan.arrival - trip.departed_at) / MINUTE;
      predictions.set(trip.id, predicted);
    }
    return {
      laneKey: laneKey(trip.supplier_id, trip.origin_name),
      carrierId: trip.carrier_id,
      actualMinutes: (trip.gate_in_at - trip.departed_at) / MINUTE,
      predictedMinutes: predicted,
    };
  });
  // Trips that fell out of the newest are forgotten with their prediction.
  if (predictions.size > trips.length * 2) {
    const kept = new Set(trips.map((trip) => trip.id));
    for (const id of predictions.keys()) if (!kept.has(id)) predictions.delete(id);
  }
  return learnLanes(samples);
}
