import { workDock } from './dockYard';
import { changeStatus, currentSpeedKmh, driveTruck } from './driving';
import { openOrdersByLine, runLine } from './lineRun';
import { forcedDisruption } from './traffic';
import { estimateArrival, fixAt, plannedDeparture, truckPace } from './truckTrip';
import type { DisruptionKind, Journal, PlantModel, PlantState, TruckState } from './types';

// The simulation loop: the plant advances in sub-steps on the whole-minute grid of epoch time, so
// a run from a to c gives the same trucks, lines and stock as a run from a to b and then b to c
// (only how many positions are recorded depends on where the steps fall). Within a sub-step:
// lines first (with the stock at its start), then departures, driving, and the dock, whose
// receipts the lines use from the next sub-step on.

const MINUTE = 60_000;

export interface RunOptions {
  /** Lines do not run before this time (the demo's history starts with trucks already on the way). */
  linesFrom?: number;
  /** Record a position every so often while driving (the demo's history); live steps leave it out. */
  trailEveryMs?: number;
  /** At the end of the run, record a position for trucks whose last one is at least this old. */
  fixGapMs: number;
}

const ON_THE_WAY_OR_AT_PLANT = new Set(['in_transit', 'at_gate', 'at_door', 'unloading', 'unloaded']);

function refreshEta(truck: TruckState, at: number, pace: number, model: PlantModel): void {
  const { eta, confidenceMinutes } = estimateArrival(truck, at, pace, model.geofenceKm);
  truck.eta = eta;
  truck.etaSource = 'gps';
  truck.etaConfidenceMinutes = confidenceMinutes;
  truck.dirty = true;
}

function recordFix(truck: TruckState, at: number, pace: number, journal: Journal): void {
  const fix = fixAt(truck, at, currentSpeedKmh(truck, at, pace));
  truck.lastFix = fix;
  truck.dirty = true;
  journal.positions.push({ ...fix, deliveryId: truck.id });
}

export function runPlant(
  model: PlantModel,
  state: PlantState,
  from: number,
  to: number,
  options: RunOptions,
  journal: Journal,
): void {
  const paces = new Map<string, number>();
  const paceOf = (truck: TruckState) => {
    let pace = paces.get(truck.id);
    if (pace === undefined) {
      pace = truckPace(model.seed, truck.id);
      paces.set(truck.id, pace);
    }
    return pace;
  };
  const departures = state.trucks
    .filter((truck) => truck.status === 'announced' && !truck.handledByHand)
    .map((truck) => ({ truck, at: plannedDeparture(model.seed, truck, model.geofenceKm) }))
    .sort((a, b) => a.at - b.at || a.truck.id.localeCompare(b.truck.id));
  let nextDeparture = 0;
  let active = state.trucks.filter((truck) => ON_THE_WAY_OR_AT_PLANT.has(truck.status));
  // Trucks staff handle by hand stay in `active`: the dock must see the doors they occupy.
  const driven = (truck: TruckState) => truck.status === 'in_transit' && !truck.handledByHand;
  const openOrders = openOrdersByLine(state.orders);

  for (let t = from; t < to; ) {
    const end = Math.min(to, Math.floor(t / MINUTE) * MINUTE + MINUTE);
    if (options.linesFrom === undefined || t >= options.linesFrom) {
      for (const line of state.lines)
        runLine(line, t, end, openOrders.get(line.id) ?? [], model, state, journal);
    }
    while (nextDeparture < departures.length && departures[nextDeparture]!.at < end) {
      const { truck, at } = departures[nextDeparture++]!;
      if (truck.status !== 'announced') continue;
      const departedAt = Math.max(at, t);
      changeStatus(truck, 'in_transit', departedAt, journal);
      truck.departedAt = departedAt;
      refreshEta(truck, departedAt, paceOf(truck), model);
      active.push(truck);
    }
    for (const truck of active) {
      if (driven(truck)) driveTruck(truck, t, end, paceOf(truck), model, journal);
    }
    workDock(active, t, end, model, state, journal);
    if (options.trailEveryMs !== undefined) {
      for (const truck of active) {
        if (!driven(truck)) continue;
        if (truck.lastFix === null || end - truck.lastFix.at >= options.trailEveryMs) {
          recordFix(truck, end, paceOf(truck), journal);
        }
      }
    }
    active = active.filter((truck) => truck.status !== 'departed');
    t = end;
  }

  for (const truck of active) {
    if (!driven(truck)) continue;
    if (truck.lastFix === null || to - truck.lastFix.at >= options.fixGapMs) {
      recordFix(truck, to, paceOf(truck), journal);
    }
    refreshEta(truck, to, paceOf(truck), model);
  }
}

/** Forces a disruption on a truck on the road, from `at` for `minutes`, and updates its ETA. */
export function imposeDisruption(
  model: PlantModel,
  truck: TruckState,
  kind: DisruptionKind,
  at: number,
  minutes: number,
): void {
  if (truck.status !== 'in_transit') {
    throw new Error(
      `Delivery ${truck.id} is ${truck.status}, not in transit: only a truck on the road is disrupted`,
    );
  }
  truck.disruption = forcedDisruption(kind, at, minutes);
  refreshEta(truck, at, truckPace(model.seed, truck.id), model);
}
