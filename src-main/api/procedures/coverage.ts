import { z } from 'zod';
import { coverageOverview, partCoverageCurve } from '../../services/coverage/coverageAccess';
import { procedure } from '../registry';
import { entityId, noInput } from '../schemas';

export const coverageProcedures = {
  'coverage.overview': procedure({
    access: 'read',
    summary: 'Material coverage for the next 48 hours: order schedule per line, predicted stoppages, parts.',
    input: noInput,
    handler: (ctx) => coverageOverview(ctx),
  }),
  'coverage.part': procedure({
    access: 'read',
    summary: "One part's projected stock over time, with the deliveries that feed it and its consumption.",
    input: z.object({ partId: entityId }).strict(),
    handler: (ctx, { partId }) => partCoverageCurve(ctx, partId),
  }),
};
