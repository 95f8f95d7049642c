import { z } from 'zod';
import { partnerList } from '../../services/partnerList';
import { crossReference } from '../../services/scorecard/crossReference';
import { partnerDetail } from '../../services/scorecard/partnerDetail';
import { MAX_RANGE_DAYS, partnerScorecard } from '../../services/scorecard/partnerScorecard';
import { toleranceMinutes, writeTolerance } from '../../services/scorecard/toleranceSetting';
import { procedure } from '../registry';
import { entityId, epochMs, noInput, searchText } from '../schemas';

const DAY_MS = 86_400_000;

export const partnerProcedures = {
  'partners.list': procedure({
    access: 'read',
    summary: 'Suppliers and carriers with contacts and their last 7 days of punctuality.',
    input: noInput,
    handler: (ctx) => partnerList(ctx),
  }),

  'partners.get': procedure({
    access: 'read',
    summary: 'One partner: role, city, contacts, party id and how many deliveries, parts and tokens it has.',
    input: z.object({ id: entityId }).strict(),
    handler: (ctx, { id }) => partnerDetail(ctx, id),
  }),

  'partners.scorecard': procedure({
    access: 'read',
    summary:
      "A partner's scorecard over [from, to): on-time rate, slot adherence, notice accuracy, delays, weekly trend, production impact.",
    input: z
      .object({ id: entityId, from: epochMs, to: epochMs })
      .strict()
      .refine((range) => range.to > range.from, { message: 'must lie after from', path: ['to'] })
      .refine((range) => range.to - range.from <= MAX_RANGE_DAYS * DAY_MS, {
        message: `may lie at most ${MAX_RANGE_DAYS} days after from`,
        path: ['to'],
      }),
    handler: (ctx, { id, from, to }) => partnerScorecard(ctx, id, { from, to }),
  }),

  'partners.crossReference': procedure({
    access: 'read',
    summary: "A supplier's part numbers with the plant parts they map to, optionally searched.",
    input: z.object({ id: entityId, search: searchText.optional() }).strict(),
    handler: (ctx, { id, search }) => crossReference(ctx, id, search),
  }),

  'partners.setTolerance': procedure({
    access: 'write',
    summary: 'Sets the minutes around a slot window within which an arrival still counts on the scorecards.',
    input: z.object({ minutes: toleranceMinutes }).strict(),
    handler: (ctx, { minutes }) => writeTolerance(ctx, minutes, 'user'),
  }),
};
