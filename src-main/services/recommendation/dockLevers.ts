import { openAt, parseOpeningHours } from '../../domain/openingHours';
import { compareMetrics, type Evaluation, type EvaluationTrace } from '../../domain/reschedule/index';
import { type CoverageState, evaluateWithSupplies } from '../coverage/coverageState';
import type { PlantInstance, PlantSupply } from '../coverage/instanceFromPlant';
import type { DoorRow } from '../coverage/plantReads';
import { fallbackUnloadMinutes, instanceMinutes, plannedArrival } from '../coverage/supplyAvailability';
import type { PredictedStoppage } from '../coverage/types';
import { dockPrioritySummary, expediteSummary, plantClock } from './sentences';
import type { ProposalDraft } from './store';
import type { DockPrioritySentence, ExpediteSentence } from './types';

// The dock-side levers against a predicted stoppage, each checked by evaluating the plan with the
// truck's goods at another time: unloading a truck that is in the yard (or about to arrive) first
// at a free door, and asking the supplier to have a truck at the gate earlier.

const MINUTE = 60_000;
/** Trucks arriving within this time count for dock priority, besides those already in the yard. */
const ARRIVING_SOON_MS = 2 * 60 * MINUTE;
const MOST_PER_KIND = 3;

type Trace = EvaluationTrace;

/** Minutes the line waits for the part, summed over its stoppages. */
function waitingMinutes(trace: Trace | undefined, lineId: string, partId: string): number {
  let total = 0;
  for (const stoppage of trace?.stoppages ?? []) {
    if (stoppage.line === lineId && stoppage.part === partId) total += stoppage.end - stoppage.start;
  }
  return total;
}

/** The plan evaluated with one delivery's goods available at `availableAt(supply)` instead. */
function withDeliveryAt(
  state: CoverageState,
  deliveryId: string,
  availableAt: (supply: PlantSupply) => number,
): Evaluation {
  const { plant } = state;
  const supplies = plant.instance.supplies.map((supply, index) => {
    const source = plant.supplies[index]!;
    return source.deliveryId === deliveryId
      ? { ...supply, at: instanceMinutes(availableAt(source), plant.origin) }
      : supply;
  });
  return evaluateWithSupplies(state, supplies);
}

function deliveriesOf(plant: PlantInstance): Map<string, PlantSupply[]> {
  const byDelivery = new Map<string, PlantSupply[]>();
  for (const supply of plant.supplies) {
    const list = byDelivery.get(supply.deliveryId) ?? [];
    list.push(supply);
    byDelivery.set(supply.deliveryId, list);
  }
  return byDelivery;
}

const capabilities = (door: DoorRow | undefined): string[] => {
  try {
    const parsed: unknown = JSON.parse(door?.capabilities ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
};

/** Doors that are open now, with nobody at them, able to take the truck (its booked door's capabilities). */
function freeDoorFor(plant: PlantInstance, bookedDoorId: string | null): DoorRow | null {
  const occupied = new Set(
    plant.supplies
      .filter((supply) => supply.status === 'at_door' || supply.status === 'unloading')
      .map((supply) => supply.doorId),
  );
  const needs = capabilities(bookedDoorId ? plant.doors.get(bookedDoorId) : undefined);
  const free = [...plant.doors.values()].filter(
    (door) =>
      !occupied.has(door.id) &&
      openAt(parseOpeningHours(door.openingHours), plant.origin, plant.timeZone) &&
      needs.every((need) => capabilities(door).includes(need)),
  );
  const booked = free.find((door) => door.id === bookedDoorId);
  return booked ?? free.sort((a, b) => a.unloadMinutes - b.unloadMinutes)[0] ?? null;
}

/** The first stoppage of the plan that waits for one of these parts. */
function stoppageFor(stoppages: readonly PredictedStoppage[], partIds: ReadonlySet<string>) {
  return stoppages.find((stoppage) => partIds.has(stoppage.partId));
}

interface Gain {
  draft: ProposalDraft;
  minutesSaved: number;
}

function best(gains: Gain[]): ProposalDraft[] {
  return gains
    .sort((a, b) => b.minutesSaved - a.minutesSaved)
    .slice(0, MOST_PER_KIND)
    .map((gain) => gain.draft);
}

export function dockPriorityDrafts(state: CoverageState): ProposalDraft[] {
  const { plant, projection, evaluation } = state;
  if (projection.stoppages.length === 0) return [];
  const now = plant.origin;
  const gains: Gain[] = [];
  for (const [deliveryId, items] of deliveriesOf(plant)) {
    const truck = items[0]!;
    const inYard = truck.status === 'at_gate';
    const arrivingSoon =
      (truck.status === 'in_transit' || truck.status === 'announced') &&
      plannedArrival(truck) <= now + ARRIVING_SOON_MS;
    if (!inYard && !arrivingSoon) continue;
    const stoppage = stoppageFor(projection.stoppages, new Set(items.map((item) => item.partId)));
    if (!stoppage) continue;
    const door = freeDoorFor(plant, truck.doorId);
    if (!door) continue;
    const arrival = inYard ? now : Math.max(now, plannedArrival(truck));
    const unloadedAt = (supply: PlantSupply) =>
      arrival + (door.unloadMinutes + (plant.parts.get(supply.partId)?.putAwayMinutes ?? 0)) * MINUTE;
    if (items.every((item) => unloadedAt(item) >= item.availableAt)) continue;
    const variant = withDeliveryAt(state, deliveryId, unloadedAt);
    const before = waitingMinutes(evaluation.trace, stoppage.lineId, stoppage.partId);
    const after = waitingMinutes(variant.trace, stoppage.lineId, stoppage.partId);
    if (after > before - 1 || compareMetrics(variant.metrics, evaluation.metrics) >= 0) continue;
    const sentence: DockPrioritySentence = {
      key: 'dock_priority',
      params: {
        deliveryId,
        truckPlate: truck.truckPlate,
        noticeNumber: truck.noticeNumber,
        supplierName: truck.supplierName,
        doorName: door.name,
        lineName: stoppage.lineName,
        partId: stoppage.partId,
        partDescription: stoppage.partDescription,
        stoppageMinutesBefore: before,
        stoppageMinutesAfter: after,
      },
    };
    gains.push({
      minutesSaved: before - after,
      draft: {
        kind: 'dock_priority',
        summary: dockPrioritySummary(sentence),
        before: evaluation.metrics,
        after: variant.metrics,
        payload: {
          sentence,
          deliveryId,
          doorId: door.id === truck.doorId ? null : door.id,
          previousDoorId: truck.doorId,
          stoppageId: stoppage.id,
        },
      },
    });
  }
  return best(gains);
}

/** The truck whose goods end the stoppage: the one the line resumes with, else the next of that part. */
function endingTruck(plant: PlantInstance, stoppage: PredictedStoppage): PlantSupply | undefined {
  if (stoppage.endingDelivery) {
    return plant.supplies.find(
      (supply) => supply.deliveryId === stoppage.endingDelivery!.id && supply.partId === stoppage.partId,
    );
  }
  return undefined;
}

export function expediteDrafts(state: CoverageState): ProposalDraft[] {
  const { plant, projection, evaluation } = state;
  const now = plant.origin;
  const fallback = fallbackUnloadMinutes(plant.doors);
  const gains: Gain[] = [];
  const asked = new Set<string>();
  for (const stoppage of projection.stoppages) {
    const supply = endingTruck(plant, stoppage);
    if (!supply || asked.has(supply.deliveryId)) continue;
    if (supply.status !== 'announced' && supply.status !== 'in_transit') continue;
    asked.add(supply.deliveryId);
    const unloadMinutes =
      (supply.doorId ? plant.doors.get(supply.doorId)?.unloadMinutes : undefined) ?? fallback;
    const putAway = (partId: string) => plant.parts.get(partId)?.putAwayMinutes ?? 0;
    // The latest arrival that still has the part on the shelf when the line would stop.
    const arriveBy = Math.max(now, stoppage.start - (unloadMinutes + putAway(stoppage.partId)) * MINUTE);
    if (arriveBy >= plannedArrival(supply)) continue;
    const variant = withDeliveryAt(
      state,
      supply.deliveryId,
      (item) => arriveBy + (unloadMinutes + putAway(item.partId)) * MINUTE,
    );
    const before = waitingMinutes(evaluation.trace, stoppage.lineId, stoppage.partId);
    const after = waitingMinutes(variant.trace, stoppage.lineId, stoppage.partId);
    if (after > before - 1 || compareMetrics(variant.metrics, evaluation.metrics) >= 0) continue;
    const sentence: ExpediteSentence = {
      key: 'expedite',
      params: {
        deliveryId: supply.deliveryId,
        truckPlate: supply.truckPlate,
        noticeNumber: supply.noticeNumber,
        supplierName: supply.supplierName,
        arriveBy,
        arriveByLocal: plantClock(arriveBy, plant.timeZone),
        lineName: stoppage.lineName,
        partId: stoppage.partId,
        partDescription: stoppage.partDescription,
        stoppageMinutesBefore: before,
        stoppageMinutesAfter: after,
      },
    };
    gains.push({
      minutesSaved: before - after,
      draft: {
        kind: 'expedite',
        summary: expediteSummary(sentence),
        before: evaluation.metrics,
        after: variant.metrics,
        payload: { sentence, deliveryId: supply.deliveryId, arriveBy, stoppageId: stoppage.id },
      },
    });
  }
  return best(gains);
}
