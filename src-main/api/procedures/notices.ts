import { z } from 'zod';
import { noticeCsvTemplate } from '../../imports/notices/noticeCsvTemplate';
import { importNoticeFile, previewNoticeFile } from '../../imports/notices/noticeFile';
import { listNoticeMessages } from '../../imports/notices/noticeMessages';
import { procedure } from '../registry';
import { noInput } from '../schemas';

// Shipping notices (Lieferavis) from a file: a DESADV interchange or the CSV template.

const MAX_CONTENT = 2_000_000;

const noticeFile = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    content: z.string().min(1, 'the file is empty').max(MAX_CONTENT, 'the file is larger than 2 MB'),
    format: z.enum(['auto', 'desadv', 'csv']).default('auto'),
  })
  .strict();

export const noticeProcedures = {
  'notices.preview': procedure({
    // Writes nothing, but shows the supplier part cross-reference: not for read-only viewers.
    access: 'write',
    summary: 'What a shipping-notice file would import (per notice, items mapped to plant parts) or why not.',
    input: noticeFile,
    handler: (ctx, input) => previewNoticeFile(ctx, input),
  }),

  'notices.import': procedure({
    access: 'write',
    summary: 'Imports a shipping-notice file (DESADV or CSV) all or nothing; refusals name segment or row.',
    input: noticeFile,
    handler: (ctx, input) => importNoticeFile(ctx, input),
  }),

  'notices.template': procedure({
    access: 'read',
    summary: 'The CSV template for shipping notices, with its explanation lines.',
    input: noInput,
    handler: () => ({ fileName: 'leitstand-lieferavis-vorlage.csv', content: noticeCsvTemplate() }),
  }),

  'notices.messages': procedure({
    access: 'write',
    summary: 'The audit of incoming shipping notices, newest first: imported or refused, and why.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    handler: (ctx, { limit }) => listNoticeMessages(ctx.database.sqlite, limit),
  }),
};
