import type { DeliveryStatus } from '../../db/schema';
import { activeAt, borderWait, roadDisruption, TRAFFIC_BUCKET_MS } from './traffic';
import { fixAt, gateKm, geometryOf, nextProfileChangeKm, profileSpeedKmh } from './truckTrip';
import type { Journal, PlantModel, TruckState } from './types';

// Moves one in-transit truck through [from, to): along its road at the profile's speed, slowed
// by congestion, standing at borders and breakdowns, until it enters the plant's geofence.

const HOUR = 3_600_000;
/** Close to the plant no new jam or breakdown is drawn: the truck is as good as there. */
const NO_NEW_TROUBLE_KM = 10;
const BORDER_PASSED_KM = 0.01;

export function changeStatus(truck: TruckState, to: DeliveryStatus, at: number, journal: Journal): void {
  journal.statusChanges.push({ deliveryId: truck.id, from: truck.status, to, at });
  truck.status = to;
  truck.dirty = true;
}

/** The truck's speed at `at` given its disruption: 0 while it stands. */
export function currentSpeedKmh(truck: TruckState, at: number, pace: number): number {
  const disruption = truck.disruption;
  if (activeAt(disruption, at) && disruption.kind !== 'congestion') return 0;
  const factor = activeAt(disruption, at) ? (disruption.speedFactor ?? 1) : 1;
  return profileSpeedKmh(truck.travelledKm, truck.distanceKm) * pace * factor;
}

function arriveAtGate(truck: TruckState, at: number, journal: Journal): void {
  const arrivedAt = Math.round(at);
  changeStatus(truck, 'at_gate', arrivedAt, journal);
  truck.gateInAt = arrivedAt;
  truck.eta = arrivedAt;
  truck.etaSource = 'gps';
  truck.etaConfidenceMinutes = 0;
  const fix = fixAt(truck, arrivedAt, 0);
  truck.lastFix = fix;
  journal.positions.push({ ...fix, deliveryId: truck.id });
}

export function driveTruck(
  truck: TruckState,
  from: number,
  to: number,
  pace: number,
  model: PlantModel,
  journal: Journal,
): void {
  const geometry = geometryOf(truck);
  const gate = gateKm(truck.distanceKm, model.geofenceKm);
  const onRoadAtStart = truck.departedAt !== null && truck.departedAt <= from;
  if (
    onRoadAtStart &&
    from % TRAFFIC_BUCKET_MS === 0 &&
    !activeAt(truck.disruption, from) &&
    gate - truck.travelledKm > NO_NEW_TROUBLE_KM
  ) {
    const trouble = roadDisruption(model.seed, truck.id, from, model.timeZone);
    if (trouble) truck.disruption = trouble;
  }
  let t = Math.max(from, truck.departedAt ?? from);
  while (t < to) {
    if (truck.travelledKm >= gate - 1e-9) {
      truck.travelledKm = gate;
      arriveAtGate(truck, t, journal);
      return;
    }
    const disruption = truck.disruption;
    if (activeAt(disruption, t) && disruption.kind !== 'congestion') {
      t = Math.min(to, disruption.until);
      continue;
    }
    let segmentEnd = to;
    if (disruption && disruption.startedAt > t) segmentEnd = Math.min(segmentEnd, disruption.startedAt);
    const congested = activeAt(disruption, t) && disruption.kind === 'congestion';
    if (congested) segmentEnd = Math.min(segmentEnd, disruption.until);
    const speed =
      profileSpeedKmh(truck.travelledKm, truck.distanceKm) *
      pace *
      (congested ? (disruption.speedFactor ?? 1) : 1);
    // Metres of slack: a truck standing at a crossing (its km read back from the database) must
    // not reach the same crossing again.
    const border = geometry.borders.find((crossing) => crossing.km > truck.travelledKm + BORDER_PASSED_KM);
    const limitKm = Math.min(
      nextProfileChangeKm(truck.travelledKm, truck.distanceKm),
      border?.km ?? Infinity,
      gate,
    );
    const reachableKm = (speed * (segmentEnd - t)) / HOUR;
    if (truck.travelledKm + reachableKm < limitKm) {
      truck.travelledKm += reachableKm;
      t = segmentEnd;
      continue;
    }
    t += ((limitKm - truck.travelledKm) / speed) * HOUR;
    truck.travelledKm = limitKm;
    if (limitKm >= gate - 1e-9) {
      truck.travelledKm = gate;
      arriveAtGate(truck, t, journal);
      return;
    }
    const waitedHere = truck.disruption?.kind === 'border_wait' && truck.disruption.place === border?.place;
    if (border && Math.abs(border.km - limitKm) < 1e-9 && !activeAt(truck.disruption, t) && !waitedHere) {
      const wait = borderWait(model.seed, truck.id, border.place, Math.round(t));
      if (wait) truck.disruption = wait;
    }
  }
  truck.dirty = true;
}
