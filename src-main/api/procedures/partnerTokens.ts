import { z } from 'zod';
import { ingestUrlHints, readIngestSettings } from '../../ingest/ingestSettings';
import { listPartnerDevices, registerPartnerDevice, removePartnerDevice } from '../../ingest/partnerDevices';
import {
  createPartnerToken,
  listPartnerTokens,
  revokePartnerToken,
} from '../../services/accessTokens/partnerTokens';
import { procedure } from '../registry';
import { entityId } from '../schemas';

const deviceId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'may be at most 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'may hold only printable ASCII without spaces');

// Partner tokens and devices are administration, like viewer links: even listing them is for the
// desk.
export const partnerTokenProcedures = {
  'partnerTokens.create': procedure({
    access: 'write',
    summary: 'Creates an ingest token for one partner; its secret is shown in this answer only.',
    input: z
      .object({
        partnerId: entityId,
        label: z.string().trim().min(1, 'must not be empty').max(80, 'may be at most 80 characters'),
      })
      .strict(),
    async handler(ctx, { partnerId, label }) {
      const created = await createPartnerToken(ctx, partnerId, label, 'user');
      return {
        ...created,
        ingestUrl: ingestUrlHints(readIngestSettings(ctx.database.sqlite), created.token),
      };
    },
  }),

  'partnerTokens.list': procedure({
    access: 'write',
    summary: "The partners' ingest tokens with when they were last used and whether they are revoked.",
    input: z.object({ partnerId: entityId.optional() }).strict(),
    handler: (ctx, { partnerId }) => listPartnerTokens(ctx, partnerId),
  }),

  'partnerTokens.revoke': procedure({
    access: 'write',
    summary: 'Revokes a partner token; the ingest server refuses it from its next request on.',
    input: z.object({ id: entityId }).strict(),
    handler: (ctx, { id }) => revokePartnerToken(ctx, id, 'user'),
  }),

  'partnerDevices.register': procedure({
    access: 'write',
    summary: "Registers a partner's phone or tracker for a truck plate, so its positions find that truck.",
    input: z
      .object({
        partnerId: entityId,
        deviceId,
        truckPlate: z.string().trim().min(1).max(20, 'may be at most 20 characters').nullable(),
        label: z.string().trim().max(80, 'may be at most 80 characters').default(''),
      })
      .strict(),
    handler: (ctx, input) => registerPartnerDevice(ctx, input, 'user'),
  }),

  'partnerDevices.list': procedure({
    access: 'write',
    summary: "The partners' registered devices with their truck plates.",
    input: z.object({ partnerId: entityId.optional() }).strict(),
    handler: (ctx, { partnerId }) => listPartnerDevices(ctx, partnerId),
  }),

  'partnerDevices.remove': procedure({
    access: 'write',
    summary: 'Removes a registered device; its positions no longer find a truck by plate.',
    input: z.object({ partnerId: entityId, deviceId }).strict(),
    handler: (ctx, { partnerId, deviceId: device }) => removePartnerDevice(ctx, partnerId, device, 'user'),
  }),
};
