import { z } from 'zod';
import { findDelivery } from '../../db/repositories/deliveries';
import { plantIsDemo } from '../../demo/load';
import { procedure } from '../registry';
import { DomainError } from '../result';
import { entityId } from '../schemas';

export const demoProcedures = {
  'demo.disrupt': procedure({
    access: 'write',
    summary:
      'Demo plant only: delays an in-transit truck by a congestion, border wait or breakdown of the given minutes.',
    input: z
      .object({
        deliveryId: entityId,
        kind: z.enum(['congestion', 'border_wait', 'breakdown']),
        minutes: z.number().int().min(1).max(1440),
      })
      .strict(),
    async handler(ctx, { deliveryId, kind, minutes }) {
      const simulator = ctx.simulator;
      if (!(await plantIsDemo(ctx.database)) || !simulator?.isRunning) {
        throw new DomainError(
          'CONFLICT',
          'Disruptions can only be staged on the demo plant while its simulator runs.',
        );
      }
      const delivery = await findDelivery(ctx.database.db, deliveryId);
      if (!delivery) throw new DomainError('NOT_FOUND', `There is no delivery ${deliveryId}.`);
      if (delivery.status !== 'in_transit') {
        throw new DomainError(
          'CONFLICT',
          `Delivery ${deliveryId} is ${delivery.status}, not in transit: only a truck on the road can be disrupted.`,
        );
      }
      await simulator.disrupt(deliveryId, kind, minutes);
      const after = await findDelivery(ctx.database.db, deliveryId);
      return { deliveryId, kind, minutes, eta: after?.eta ?? null };
    },
  }),
};
