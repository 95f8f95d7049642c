import { z } from 'zod';
import { dayOverview } from '../../services/dayOverview';
import { procedure } from '../registry';
import { plantDay } from '../schemas';

export const reportProcedures = {
  'reports.dayOverview': procedure({
    access: 'read',
    summary: "A plant-local day's deliveries in figures: punctuality, dwell, load per hour.",
    input: z.object({ day: plantDay }).strict(),
    handler: (ctx, { day }) => dayOverview(ctx, day),
  }),
};
