import { randomUUID } from 'node:crypto';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { insertAccessToken, markAccessTokenRevoked } from './tokenRows';

export interface ViewerLink {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/**
 * Creates a viewer link: a read-only token for a wall PC's browser. The secret is returned this
 * once and stored only as its hash, so nobody can show it again later — a lost link is revoked
 * and replaced.
 */
export async function createViewerLink(ctx: AppContext, label: string, actor: string) {
  const now = ctx.clock.now();
  const id = `VL-${randomUUID()}`;
  const token = await ctx.database.db
    .transaction()
    .execute((trx) =>
      insertAccessToken(
        trx,
        { id, partnerId: null, scope: 'viewer', label, now },
        { actor, kind: 'viewerLink.created', payload: { label } },
      ),
    );
  return { id, label, token, createdAt: now };
}

const VIEWER_LINK_COLUMNS = ['id', 'label', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

export async function listViewerLinks(ctx: AppContext): Promise<ViewerLink[]> {
  return ctx.database.db
    .selectFrom('accessToken')
    .select(VIEWER_LINK_COLUMNS)
    .where('scope', '=', 'viewer')
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

/** Revokes a link for good; revoking twice keeps the first time. */
export async function revokeViewerLink(ctx: AppContext, id: string, actor: string): Promise<ViewerLink> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('accessToken')
      .select(VIEWER_LINK_COLUMNS)
      .where('id', '=', id)
      .where('scope', '=', 'viewer')
      .executeTakeFirst();
    if (!link) throw new DomainError('NOT_FOUND', `There is no viewer link ${id}.`);
    if (link.revokedAt !== null) return link;
    await markAccessTokenRevoked(trx, id, now, {
      actor,
      kind: 'viewerLink.revoked',
      payload: { label: link.label },
    });
    return { ...link, revokedAt: now };
  });
}
