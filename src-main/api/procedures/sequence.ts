import { z } from 'zod';
import { evaluateSequence, saveSequence } from '../../services/recommendation/manualSequence';
import { procedure } from '../registry';
import { entityId } from '../schemas';

/** New sequences of the lines named; the lines not named keep the plan. */
export const sequenceInput = z
  .object({
    lines: z
      .record(entityId, z.array(entityId).max(2000, 'must hold at most 2000 orders'))
      .refine((lines) => Object.keys(lines).length > 0, 'must name at least one line')
      .refine((lines) => Object.keys(lines).length <= 100, 'must name at most 100 lines'),
  })
  .strict();

export const sequenceProcedures = {
  'lines.evaluateSequence': procedure({
    access: 'read',
    summary: 'Predicted effect of a re-sequencing (before/after metrics and stoppages) without saving it.',
    input: sequenceInput,
    handler: (ctx, input) => evaluateSequence(ctx, input.lines),
  }),
  'lines.saveSequence': procedure({
    access: 'write',
    summary: "Saves a planner's own sequence, with an audit entry; undo it with recommendations.undo.",
    input: sequenceInput,
    handler: (ctx, input) => saveSequence(ctx, input.lines),
  }),
};
