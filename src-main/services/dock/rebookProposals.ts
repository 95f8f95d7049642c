import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../../app/context';
import { placementProblem } from '../../domain/slots/placement';
import type { SlotSuggestion } from '../../domain/slots/suggest';
import {
  DOCK_DELIVERY_SELECT,
  type DockDelivery,
  type DockDeliveryRow,
  type DockDoor,
  deliveryFromRow,
} from './dockReads';
import { type DockPicture, readDockPicture, readyAt, suggestionsFor } from './slotSuggestions';
import { isMovable } from './slotView';
import { currentStoppageFeeds, partsCarried } from './stoppageFeeds';

// Trucks that will miss their window, each with a new slot to book and — where it matters — a
// swap with a less critical delivery. It matters when the late truck's goods are awaited by a
// line (it feeds a predicted stoppage) or when no free slot near its ETA is left; the partner is
// a movable delivery that feeds no stoppage, holds a slot near the late truck's ETA that the late
// truck fits, and can make the late truck's old slot itself (or would be no worse off there).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A truck expected later than its slot start plus this is late enough to rebook. */
export const LATE_TOLERANCE_MS = 15 * MINUTE;
/** Look at slots starting within the next day … */
const AHEAD_MS = 24 * HOUR;
/** … and at those that passed this recently with the truck still on its way. */
const BEHIND_MS = 12 * HOUR;
/** A swap partner's slot starts within this of the late truck's first possible start. */
const SWAP_REACH_MS = 60 * MINUTE;
/** A free slot further than this after the truck could be there is no real answer. */
const NEAR_ETA_MS = 60 * MINUTE;
/** The bookings read reach a day past the latest ETA a suggestion is searched from. */
const SUGGESTION_REACH_MS = 2 * AHEAD_MS;

export interface SwapProposal {
  withDeliveryId: string;
  withNoticeNumber: string | null;
  withSupplierName: string;
  /** The partner's slot: what the late truck would get. */
  slotStart: number;
  doorId: string;
  /** 'feeds_stoppage' or 'no_free_slot': why a swap beats the free slot. */
  reason: 'feeds_stoppage' | 'no_free_slot';
}

export interface RebookProposal {
  deliveryId: string;
  noticeNumber: string | null;
  supplierName: string;
  doorId: string;
  slotStart: number;
  slotEnd: number;
  eta: number;
  /** ETA after the booked slot start, in minutes. */
  lateMinutes: number;
  critical: boolean;
  proposal: SlotSuggestion | null;
  swap: SwapProposal | null;
}

/** Booked at a door: readMovable asks for door_id IS NOT NULL. */
type Row = DockDeliveryRow & { door_id: string };

const toDelivery = (row: Row): DockDelivery & { doorId: string } => ({
  ...deliveryFromRow(row),
  doorId: row.door_id,
});

function readMovable(sqlite: BetterSqlite3.Database, now: number) {
  const rows = sqlite
    .prepare(
      `${DOCK_DELIVERY_SELECT}
       WHERE d.door_id IS NOT NULL AND d.status IN ('announced', 'in_transit', 'at_gate')
         AND d.slot_start < ? AND d.slot_end > ?
       ORDER BY d.slot_start, d.id`,
    )
    .all(now + AHEAD_MS + 2 * HOUR, now - BEHIND_MS) as Row[];
  return rows.map(toDelivery);
}

const isLate = (delivery: DockDelivery, now: number) =>
  delivery.status !== 'at_gate' &&
  delivery.eta !== null &&
  delivery.slotStart < now + AHEAD_MS &&
  (delivery.eta > delivery.slotEnd || delivery.eta > delivery.slotStart + LATE_TOLERANCE_MS);

/** Can `delivery` take `window` at `door`, the other swap partner's slot? */
function fitsSwap(
  delivery: DockDelivery,
  door: DockDoor,
  window: { start: number; end: number },
  picture: DockPicture,
  ignore: readonly string[],
): boolean {
  return (
    placementProblem({
      window,
      door,
      required: delivery.requiredCapabilities,
      booked: picture.booked.filter(
        (booked) => booked.doorId === door.id && !ignore.includes(booked.deliveryId),
      ),
      now: picture.now,
      timeZone: picture.timeZone,
      gridMinutes: null,
    }) === null
  );
}

function findSwap(
  late: DockDelivery & { doorId: string },
  earliest: number,
  candidates: readonly (DockDelivery & { doorId: string })[],
  critical: ReadonlySet<string>,
  picture: DockPicture,
  reason: SwapProposal['reason'],
): SwapProposal | null {
  const doors = new Map(picture.doors.map((door) => [door.id, door]));
  const lateDoor = doors.get(late.doorId);
  if (!lateDoor || late.slotEnd <= picture.now) return null;
  let best: { partner: DockDelivery & { doorId: string }; distance: number } | null = null;
  for (const partner of candidates) {
    if (partner.id === late.id || critical.has(partner.id) || !isMovable(partner.status)) continue;
    if (partner.slotStart < earliest || partner.slotStart - earliest > SWAP_REACH_MS) continue;
    const partnerDoor = doors.get(partner.doorId);
    if (!partnerDoor) continue;
    // The partner must make the late truck's old slot, or be no worse off than in its own.
    const arrival = readyAt(partner, picture.now);
    const makesOldSlot = arrival <= late.slotStart + LATE_TOLERANCE_MS;
    if (!makesOldSlot && late.slotStart < partner.slotStart) continue;
    const ignore = [late.id, partner.id];
    if (!fitsSwap(late, partnerDoor, { start: partner.slotStart, end: partner.slotEnd }, picture, ignore))
      continue;
    if (!fitsSwap(partner, lateDoor, { start: late.slotStart, end: late.slotEnd }, picture, ignore)) continue;
    const distance = partner.slotStart - earliest;
    if (best === null || distance < best.distance) best = { partner, distance };
  }
  if (!best) return null;
  return {
    withDeliveryId: best.partner.id,
    withNoticeNumber: best.partner.noticeNumber,
    withSupplierName: best.partner.supplierName,
    slotStart: best.partner.slotStart,
    doorId: best.partner.doorId,
    reason,
  };
}

export async function rebookProposals(ctx: AppContext): Promise<RebookProposal[]> {
  const feeds = await currentStoppageFeeds(ctx);
  const { sqlite } = ctx.database;
  const now = ctx.clock.now();
  const movable = readMovable(sqlite, now);
  const late = movable.filter((delivery) => isLate(delivery, now));
  if (late.length === 0) return [];
  const parts = partsCarried(
    sqlite,
    movable.map((delivery) => delivery.id),
    feeds.partIds,
  );
  const critical = new Set(
    movable
      .filter(
        (delivery) =>
          feeds.feedOf(
            {
              id: delivery.id,
              status: delivery.status,
              arrival: delivery.gateInAt ?? delivery.eta ?? delivery.slotStart,
            },
            parts.get(delivery.id) ?? [],
          ) !== null,
      )
      .map((delivery) => delivery.id),
  );
  const picture = readDockPicture(sqlite, now, now + AHEAD_MS + SUGGESTION_REACH_MS);
  const proposals = late.map((delivery): RebookProposal => {
    const isCritical = critical.has(delivery.id);
    const { earliest, suggestions } = suggestionsFor(delivery, isCritical, picture, 1);
    const proposal = suggestions[0] ?? null;
    const noNearSlot = proposal === null || proposal.slotStart - earliest > NEAR_ETA_MS;
    const swap =
      isCritical || noNearSlot
        ? findSwap(
            delivery,
            earliest,
            movable,
            critical,
            picture,
            isCritical ? 'feeds_stoppage' : 'no_free_slot',
          )
        : null;
    return {
      deliveryId: delivery.id,
      noticeNumber: delivery.noticeNumber,
      supplierName: delivery.supplierName,
      doorId: delivery.doorId,
      slotStart: delivery.slotStart,
      slotEnd: delivery.slotEnd,
      eta: delivery.eta!,
      lateMinutes: Math.round((delivery.eta! - delivery.slotStart) / MINUTE),
      critical: isCritical,
      proposal,
      swap,
    };
  });
  return proposals.sort(
    (a, b) =>
      Number(b.critical) - Number(a.critical) ||
      a.slotStart - b.slotStart ||
      a.deliveryId.localeCompare(b.deliveryId),
  );
}
