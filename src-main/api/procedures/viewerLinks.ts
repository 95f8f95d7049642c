import { z } from 'zod';
import { createViewerLink, listViewerLinks, revokeViewerLink } from '../../services/accessTokens/viewerLinks';
import { procedure } from '../registry';
import { entityId, noInput } from '../schemas';

// Viewer links are administration: even listing them is for the desk (write access), never for
// a wall screen holding one of them.
export const viewerLinkProcedures = {
  'viewerLinks.create': procedure({
    access: 'write',
    summary: 'Creates a read-only link for a wall screen; its token is shown in this answer only.',
    input: z
      .object({
        label: z.string().trim().min(1, 'must not be empty').max(80, 'may be at most 80 characters'),
      })
      .strict(),
    handler: (ctx, { label }) => createViewerLink(ctx, label, 'user'),
  }),

  'viewerLinks.list': procedure({
    access: 'write',
    summary: 'The viewer links with when they were last used and whether they are revoked.',
    input: noInput,
    handler: (ctx) => listViewerLinks(ctx),
  }),

  'viewerLinks.revoke': procedure({
    access: 'write',
    summary: 'Revokes a viewer link; a screen using it is refused from its next request on.',
    input: z.object({ id: entityId }).strict(),
    handler: (ctx, { id }) => revokeViewerLink(ctx, id, 'user'),
  }),
};
