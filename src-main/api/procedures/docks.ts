import { z } from 'zod';
import { GRID_CHOICES, type GridMinutes } from '../../domain/slots/grid';
import { setGridMinutes } from '../../services/dock/gridSetting';
import { rebookProposals } from '../../services/dock/rebookProposals';
import { moveSlot, swapSlots } from '../../services/dock/slotMoves';
import { suggestDeliverySlots } from '../../services/dock/slotSuggestions';
import { doorTimeline } from '../../services/doorTimeline';
import { procedure } from '../registry';
import { entityId, epochMs, noInput } from '../schemas';

const MAX_RANGE_MS = 8 * 24 * 60 * 60 * 1000;

export const dockProcedures = {
  'docks.timeline': procedure({
    access: 'read',
    summary: 'Dock doors with the delivery slots that overlap a time range, their conflicts and the grid.',
    input: z
      .object({ from: epochMs, to: epochMs })
      .strict()
      .refine((range) => range.to > range.from, { message: 'must end after it starts', path: ['to'] })
      .refine((range) => range.to - range.from <= MAX_RANGE_MS, {
        message: 'may span at most 8 days',
        path: ['to'],
      }),
    handler: (ctx, range) => doorTimeline(ctx, range.from, range.to),
  }),

  'docks.moveSlot': procedure({
    access: 'write',
    summary: 'Moves a delivery’s slot to another time or door (or books a door), keeping its length.',
    input: z.object({ deliveryId: entityId, doorId: entityId, slotStart: epochMs }).strict(),
    handler: (ctx, move) => moveSlot(ctx, move),
  }),

  'docks.swapSlots': procedure({
    access: 'write',
    summary: 'Swaps two deliveries’ slots: each takes the other’s door and window.',
    input: z
      .object({ deliveryId: entityId, withDeliveryId: entityId })
      .strict()
      .refine((swap) => swap.deliveryId !== swap.withDeliveryId, {
        message: 'must be another delivery',
        path: ['withDeliveryId'],
      }),
    handler: (ctx, swap) => swapSlots(ctx, swap.deliveryId, swap.withDeliveryId),
  }),

  'docks.suggestSlots': procedure({
    access: 'read',
    summary: 'The best free slots for a delivery: fitting door, open, free, from its ETA on.',
    input: z.object({ deliveryId: entityId, limit: z.number().int().min(1).max(20).default(5) }).strict(),
    handler: (ctx, input) => suggestDeliverySlots(ctx, input.deliveryId, input.limit),
  }),

  'docks.rebookProposals': procedure({
    access: 'read',
    summary: 'Trucks that will miss their window, each with a new slot and, where it matters, a swap.',
    input: noInput,
    handler: (ctx) => rebookProposals(ctx),
  }),

  'docks.setGridMinutes': procedure({
    access: 'write',
    summary: 'Sets the dock grid slots snap to: 5, 10, 15, 30 or 60 minutes.',
    input: z
      .object({
        minutes: z
          .number()
          .int()
          .refine((minutes) => (GRID_CHOICES as readonly number[]).includes(minutes), {
            message: `must be one of ${GRID_CHOICES.join(', ')}`,
          }),
      })
      .strict(),
    handler: (ctx, input) => setGridMinutes(ctx, input.minutes as GridMinutes),
  }),
};
