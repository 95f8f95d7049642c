import { z } from 'zod';
import { doorTimeline } from '../../services/doorTimeline';
import { procedure } from '../registry';
import { epochMs } from '../schemas';

const MAX_RANGE_MS = 8 * 24 * 60 * 60 * 1000;

export const dockProcedures = {
  'docks.timeline': procedure({
    access: 'read',
    summary: 'Dock doors with the delivery slots that overlap a time range.',
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
};
