import { z } from 'zod';
import { findDelivery } from '../../db/repositories/deliveries';
import { explainEta } from '../../services/eta/explainEta';
import { procedure } from '../registry';
import { DomainError } from '../result';
import { entityId } from '../schemas';

export const etaProcedures = {
  'deliveries.eta': procedure({
    access: 'read',
    summary:
      'How the ETA engine sees a delivery now: ETA, band, source and why (km, driving, breaks, rests, lane).',
    input: z.object({ id: entityId }).strict(),
    async handler(ctx, { id }) {
      const delivery = await findDelivery(ctx.database.db, id);
      if (!delivery) throw new DomainError('NOT_FOUND', `There is no delivery ${id}.`);
      return {
        id,
        /** What is stored and what the plant plans with (the simulator's, a partner's or the engine's). */
        stored: {
          eta: delivery.eta,
          source: delivery.etaSource,
          confidenceMinutes: delivery.etaConfidenceMinutes,
        },
        /** Null once the truck is at the plant, done or cancelled: there is nothing left to estimate. */
        estimate: explainEta(ctx.database.sqlite, id, ctx.clock.now()),
      };
    },
  }),
};
