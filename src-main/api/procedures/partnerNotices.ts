import { z } from 'zod';
import { listChannels, setChannel } from '../../services/partnerNotices/channels';
import { dispatcherOf } from '../../services/partnerNotices/dispatcher';
import { noticeKind, noticeLanguage, noticeStatus } from '../../services/partnerNotices/noticeTypes';
import { messageLog, retryMessage } from '../../services/partnerNotices/outbox';
import { previewNotice } from '../../services/partnerNotices/preview';
import { smtpSettingsView, writeSmtpSettings } from '../../services/partnerNotices/smtpSettings';
import { procedure } from '../registry';
import { entityId, noInput } from '../schemas';

// Notices out: a partner's channels, its communication log (the outbox), the SMTP server, and a
// preview of each template. Secrets and the SMTP password go in, never out.

const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');
const emailAddress = z.string().trim().max(254).pipe(z.email('must be an e-mail address'));
const secret = z.string().min(16, 'must be at least 16 characters').max(200);

const channelCommon = {
  partnerId: entityId,
  id: entityId.optional(),
  language: noticeLanguage.optional(),
  enabled: z.boolean().default(true),
  noticeKinds: z.array(noticeKind).max(4).optional(),
};

const channelInput = z.discriminatedUnion('kind', [
  z
    .object({ ...channelCommon, kind: z.literal('webhook'), address: webhookUrl, secret: secret.optional() })
    .strict(),
  z.object({ ...channelCommon, kind: z.literal('email'), address: emailAddress }).strict(),
]);

export const partnerNoticeProcedures = {
  'partnerNotices.channels': procedure({
    access: 'write',
    summary: "A partner's notice channels (webhook, e-mail) with language and kinds; never the secret.",
    input: z.object({ partnerId: entityId }).strict(),
    handler: (ctx, { partnerId }) => listChannels(ctx, partnerId),
  }),

  'partnerNotices.setChannel': procedure({
    access: 'write',
    summary: 'Adds or changes a notice channel of a partner (webhook URL and secret, or e-mail address).',
    input: channelInput,
    handler: (ctx, input) => setChannel(ctx, input, 'user'),
  }),

  'partnerNotices.log': procedure({
    access: 'write',
    summary: 'The communication log and outbox: notices with status, attempts and last error, newest first.',
    input: z
      .object({
        partnerId: entityId.optional(),
        status: noticeStatus.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    handler: (ctx, input) => messageLog(ctx, input),
  }),

  'partnerNotices.retry': procedure({
    access: 'write',
    summary: 'Sends a failed notice again, with a fresh set of attempts.',
    input: z.object({ id: entityId }).strict(),
    handler: async (ctx, { id }) => {
      const result = await retryMessage(ctx, id, 'user');
      dispatcherOf(ctx)?.request();
      return result;
    },
  }),

  'partnerNotices.smtpSettings': procedure({
    access: 'write',
    summary: 'The SMTP server notices are mailed through; whether a password is set, never the password.',
    input: noInput,
    handler: (ctx) => smtpSettingsView(ctx),
  }),

  'partnerNotices.setSmtpSettings': procedure({
    access: 'write',
    summary: 'Sets the SMTP server; leaving out the password keeps the stored one, null removes it.',
    input: z
      .object({
        host: z.string().trim().min(1, 'must not be empty').max(253),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: z.string().trim().max(200).nullable().default(null),
        password: z.string().max(200).nullable().optional(),
        from: emailAddress,
      })
      .strict(),
    handler: (ctx, input) => writeSmtpSettings(ctx, input, 'user'),
  }),

  'partnerNotices.preview': procedure({
    access: 'write',
    summary: 'A notice rendered from its template for a delivery, as it would be sent now.',
    input: z.object({ kind: noticeKind, deliveryId: entityId, language: noticeLanguage }).strict(),
    handler: (ctx, { kind, deliveryId, language }) => previewNotice(ctx, kind, deliveryId, language),
  }),
};
