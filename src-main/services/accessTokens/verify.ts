import type { AppContext } from '../../app/context';
import { hashTokenSecret, looksLikeTokenSecret, sameHash } from './secret';

/** "Last used" is for people deciding what to revoke; once a minute is precise enough. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Checks a presented viewer token: found by its hash, not revoked. Answers only yes or no, so
 * a caller cannot tell a forged token from a revoked one.
 */
export async function verifyViewerToken(ctx: AppContext, secret: string): Promise<boolean> {
  if (!looksLikeTokenSecret(secret)) return false;
  const hash = hashTokenSecret(secret);
  const row = await ctx.database.db
    .selectFrom('accessToken')
    .select(['id', 'tokenHash', 'revokedAt', 'lastUsedAt'])
    .where('tokenHash', '=', hash)
    .where('scope', '=', 'viewer')
    .executeTakeFirst();
  if (!row || !sameHash(row.tokenHash, hash) || row.revokedAt !== null) return false;
  const now = ctx.clock.now();
  // A wall screen calls several times a second; writing on every call would churn the WAL.
  if (row.lastUsedAt === null || Math.abs(now - row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    await ctx.database.db
      .updateTable('accessToken')
      .set({ lastUsedAt: now })
      .where('id', '=', row.id)
      .execute();
  }
  return true;
}
