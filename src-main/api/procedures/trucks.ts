import { liveTrucks } from '../../services/liveTrucks';
import { procedure } from '../registry';
import { noInput } from '../schemas';

export const truckProcedures = {
  'trucks.live': procedure({
    access: 'read',
    summary: 'Every truck on its way to the plant or at it, with its last position and punctuality.',
    input: noInput,
    handler: (ctx) => liveTrucks(ctx),
  }),
};
