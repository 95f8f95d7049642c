import { z } from 'zod';
import { computeRecommendations } from '../../services/recommendation/compute';
import {
  applyRecommendation,
  rejectRecommendation,
  undoRecommendation,
} from '../../services/recommendation/decisions';
import { listRecommendations } from '../../services/recommendation/store';
import { procedure } from '../registry';
import { entityId, noInput } from '../schemas';

const byId = z.object({ id: entityId }).strict();

export const recommendationProcedures = {
  'recommendations.list': procedure({
    access: 'read',
    summary: 'Open re-sequencing, dock-priority and expedite proposals, and those decided recently.',
    input: noInput,
    handler: (ctx) => listRecommendations(ctx),
  }),
  'recommendations.compute': procedure({
    access: 'write',
    summary: 'Computes the proposals now (the recommender runs about a second) and lists them.',
    input: noInput,
    handler: (ctx) => computeRecommendations(ctx),
  }),
  'recommendations.apply': procedure({
    access: 'write',
    summary: 'Applies an open proposal: writes the new sequence (or dock door) with an audit entry.',
    input: byId,
    handler: (ctx, { id }) => applyRecommendation(ctx, id),
  }),
  'recommendations.undo': procedure({
    access: 'write',
    summary: 'Restores what an applied proposal or saved sequence replaced, with an audit entry.',
    input: byId,
    handler: (ctx, { id }) => undoRecommendation(ctx, id),
  }),
  'recommendations.reject': procedure({
    access: 'write',
    summary: 'Rejects an open proposal, with the planner’s reason.',
    input: z
      .object({
        id: entityId,
        reason: z.string().trim().min(1, 'must say why').max(500, 'must be at most 500 characters'),
      })
      .strict(),
    handler: (ctx, { id, reason }) => rejectRecommendation(ctx, id, reason),
  }),
};
