import type { ProcedureOutput } from '../../../../src-main/api/contract';

export type DockTimeline = ProcedureOutput<'docks.timeline'>;
export type DockDoor = DockTimeline['doors'][number];
export type DockSlot = DockTimeline['slots'][number];
export type SlotConflict = DockSlot['conflicts'][number];
export type SlotSuggestions = ProcedureOutput<'docks.suggestSlots'>;
export type SlotSuggestion = SlotSuggestions['suggestions'][number];
export type RebookProposal = ProcedureOutput<'docks.rebookProposals'>[number];

/** The grid steps a planner may choose; the server keeps the choice (docks.setGridMinutes). */
export const GRID_MINUTES = [5, 10, 15, 30, 60] as const;
export type GridMinutes = (typeof GRID_MINUTES)[number];

const AT_PLANT = new Set(['at_gate', 'at_door', 'unloading']);

/** The truck's actual stay: gate check-in to check-out, still running while it is at the plant. */
export function actualStay(slot: DockSlot, now: number): { start: number; end: number } | null {
  if (slot.gateInAt === null) return null;
  return { start: slot.gateInAt, end: slot.gateOutAt ?? (AT_PLANT.has(slot.status) ? now : slot.gateInAt) };
}

/** Unloading start to end, still running while unloading. */
export function unloading(slot: DockSlot, now: number): { start: number; end: number } | null {
  if (slot.unloadingStartedAt === null) return null;
  return {
    start: slot.unloadingStartedAt,
    end: slot.unloadedAt ?? (slot.status === 'unloading' ? now : slot.unloadingStartedAt),
  };
}

/** The expected arrival of a truck still on its way; the bar marks it when it misses the window. */
export function expectedArrival(slot: DockSlot): number | null {
  return slot.status === 'announced' || slot.status === 'in_transit' ? slot.eta : null;
}
