import { z } from 'zod';
import {
  assignDoor,
  checkIn,
  checkOut,
  finishUnloading,
  startUnloading,
} from '../../services/gate/gateSteps';
import { procedure } from '../registry';
import { entityId } from '../schemas';

// The gate and dock workflow by hand. Each step answers the delivery as deliveries.get gives it.

const delivery = z.object({ deliveryId: entityId }).strict();

export const gateProcedures = {
  'gate.checkIn': procedure({
    access: 'write',
    summary: 'Checks a truck in at the gate by hand.',
    input: delivery,
    handler: (ctx, input) => checkIn(ctx, input.deliveryId),
  }),

  'gate.assignDoor': procedure({
    access: 'write',
    summary: 'Sends a truck from the gate to a free, open door that fits it.',
    input: z.object({ deliveryId: entityId, doorId: entityId }).strict(),
    handler: (ctx, input) => assignDoor(ctx, input.deliveryId, input.doorId),
  }),

  'gate.startUnloading': procedure({
    access: 'write',
    summary: 'Records that unloading started at the door.',
    input: delivery,
    handler: (ctx, input) => startUnloading(ctx, input.deliveryId),
  }),

  'gate.finishUnloading': procedure({
    access: 'write',
    summary: 'Records the quantities received per item line and books them into stock.',
    input: z
      .object({
        deliveryId: entityId,
        items: z
          .array(
            z
              .object({
                lineNo: z.number().int().min(1).max(10_000),
                quantityReceived: z.number().int().min(0).max(100_000_000),
              })
              .strict(),
          )
          .min(1)
          .max(1000),
        note: z.string().trim().min(1).max(500, 'may be at most 500 characters').optional(),
      })
      .strict(),
    handler: (ctx, input) => finishUnloading(ctx, input.deliveryId, input.items, input.note),
  }),

  'gate.checkOut': procedure({
    access: 'write',
    summary: 'Checks an unloaded truck out at the gate; its dwell time is recorded.',
    input: delivery,
    handler: (ctx, input) => checkOut(ctx, input.deliveryId),
  }),
};
