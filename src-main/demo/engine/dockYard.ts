import { openAt } from '../../domain/openingHours';
import { unitDraw } from '../../domain/seededRandom';
import { changeStatus } from './driving';
import type { DoorModel, Journal, PlantModel, PlantState, TruckState } from './types';

// From the gate to the door and out again. A door takes one truck at a time; a waiting truck is
// called when its door is free and open, at most half an hour before its slot, the earliest
// callable first. Unloading takes the door's unload minutes, the goods are booked into stock
// (now and then short), and the truck checks out at the gate a few minutes later. A truck staff
// handle by hand is left to them: it is never called, unloaded or let out here, and the door it
// stands at takes nobody else until they have unloaded it.

const MINUTE = 60_000;
/** Trucks are not called to the door earlier than this before their slot. */
export const CALL_AHEAD_MS = 30 * MINUTE;
/** Short deliveries: the share of item lines, and how much of the announced quantity comes. */
const SHORT_CHANCE = 0.04;

const dockingMs = (seed: number, id: string) => (2 + 4 * unitDraw(seed, id, 'docking')) * MINUTE;
const gateOutDelayMs = (seed: number, id: string) => (6 + 14 * unitDraw(seed, id, 'gate-out')) * MINUTE;

function receiveGoods(truck: TruckState, at: number, model: PlantModel, state: PlantState, journal: Journal) {
  const items = state.itemsOf(truck.id);
  for (const item of items) {
    // Lines someone already booked (at the gate desk) are not booked twice.
    if (item.quantityReceived !== null) continue;
    const short = unitDraw(model.seed, truck.id, 'short', item.lineNo) < SHORT_CHANCE;
    const share = 0.5 + 0.45 * unitDraw(model.seed, truck.id, 'short-size', item.lineNo);
    item.quantityReceived = short ? Math.floor(item.quantityAnnounced * share) : item.quantityAnnounced;
    if (item.quantityReceived > 0) {
      state.stock.set(item.partId, (state.stock.get(item.partId) ?? 0) + item.quantityReceived);
      journal.receipts.push({
        deliveryId: truck.id,
        partId: item.partId,
        quantity: item.quantityReceived,
        at,
      });
      journal.changedParts.add(item.partId);
    }
  }
  journal.receivedItems.set(truck.id, items);
}

function callAt(truck: TruckState, freeSince: number): number {
  return Math.max(freeSince, truck.gateInAt ?? freeSince, truck.slotStart - CALL_AHEAD_MS);
}

function workDoor(
  door: DoorModel,
  atPlant: readonly TruckState[],
  from: number,
  to: number,
  model: PlantModel,
  state: PlantState,
  journal: Journal,
): void {
  let freeSince = from;
  for (let guard = 0; guard < 100; guard++) {
    const occupant = atPlant.find(
      (truck) => truck.doorId === door.id && (truck.status === 'at_door' || truck.status === 'unloading'),
    );
    if (occupant?.handledByHand) return;
    if (occupant?.status === 'at_door') {
      const startAt = Math.round(
        Math.max(from, (occupant.doorArrivedAt ?? from) + dockingMs(model.seed, occupant.id)),
      );
      if (startAt >= to) return;
      changeStatus(occupant, 'unloading', startAt, journal);
      occupant.unloadingStartedAt = startAt;
      continue;
    }
    if (occupant?.status === 'unloading') {
      const doneAt = Math.round(
        Math.max(from, (occupant.unloadingStartedAt ?? from) + door.unloadMinutes * MINUTE),
      );
      if (doneAt >= to) return;
      changeStatus(occupant, 'unloaded', doneAt, journal);
      occupant.unloadedAt = doneAt;
      receiveGoods(occupant, doneAt, model, state, journal);
      freeSince = Math.max(freeSince, doneAt);
      continue;
    }
    let next: TruckState | null = null;
    for (const truck of atPlant) {
      if (truck.status !== 'at_gate' || truck.doorId !== door.id || truck.handledByHand) continue;
      if (
        next === null ||
        callAt(truck, freeSince) < callAt(next, freeSince) ||
        (callAt(truck, freeSince) === callAt(next, freeSince) && truck.slotStart < next.slotStart)
      ) {
        next = truck;
      }
    }
    if (next === null) return;
    const calledAt = Math.round(callAt(next, freeSince));
    if (calledAt >= to || !openAt(door.openingHours, calledAt, model.timeZone)) return;
    changeStatus(next, 'at_door', calledAt, journal);
    next.doorArrivedAt = calledAt;
  }
}

/** Runs every door through [from, to) and lets unloaded trucks leave. */
export function workDock(
  atPlant: readonly TruckState[],
  from: number,
  to: number,
  model: PlantModel,
  state: PlantState,
  journal: Journal,
): void {
  for (const door of model.doors) workDoor(door, atPlant, from, to, model, state, journal);
  for (const truck of atPlant) {
    if (truck.status !== 'unloaded' || truck.unloadedAt === null || truck.handledByHand) continue;
    const leaveAt = Math.round(Math.max(from, truck.unloadedAt + gateOutDelayMs(model.seed, truck.id)));
    if (leaveAt >= to) continue;
    changeStatus(truck, 'departed', leaveAt, journal);
    truck.gateOutAt = leaveAt;
  }
}
