import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { perDatabase } from '../../db/perDatabase';
import { hashTokenSecret, looksLikeTokenSecret, sameHash } from './secret';
import { insertAccessToken, markAccessTokenRevoked } from './tokenRows';
import { LAST_USED_RESOLUTION_MS } from './verify';

// Partner access tokens (scope 'ingest'): what a supplier's or carrier's system, or a driver's
// phone, presents to the ingest server. Like viewer links, the secret is shown once and only its
// SHA-256 is stored. Verification runs on every ingest request (thousands a second), so verified
// tokens are cached by hash; revoking drops the cache at once.

export interface PartnerToken {
  id: string;
  partnerId: string;
  partnerName: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** What the ingest server knows about a caller once its token is verified. */
export interface VerifiedPartnerToken {
  tokenId: string;
  partnerId: string;
}

interface CachedToken extends VerifiedPartnerToken {
  tokenHash: string;
  lastUsedAt: number | null;
  /** Re-read from the database after this (wall time): a safety net besides the invalidation. */
  freshUntil: number;
}

const CACHE_TTL_MS = 60_000;
const MAX_CACHED = 10_000;
const cacheOf = perDatabase(() => new Map<string, CachedToken>());

/** Forgets every verified token of this database (after a revoke, or a plant reset). */
export function forgetVerifiedTokens(sqlite: BetterSqlite3.Database): void {
  cacheOf(sqlite).clear();
}

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    byHash: sqlite.prepare<
      [string],
      { id: string; partnerId: string | null; tokenHash: string; lastUsedAt: number | null }
    >(
      `SELECT id, partner_id AS partnerId, token_hash AS tokenHash, last_used_at AS lastUsedAt
         FROM access_token WHERE token_hash = ? AND scope = 'ingest' AND revoked_at IS NULL`,
    ),
    touch: sqlite.prepare<[number, string]>('UPDATE access_token SET last_used_at = ? WHERE id = ?'),
  };
}

const statementsOf = perDatabase(prepare);

/**
 * Checks a presented partner token: found by its hash, scope 'ingest', not revoked, tied to a
 * partner. Null for anything else, so a caller cannot tell a forged token from a revoked one.
 * Synchronous: the ingest server calls it on its hot path. `now` is the plant time for
 * last_used_at, written at most once a minute per token.
 */
export function verifyPartnerToken(
  sqlite: BetterSqlite3.Database,
  secret: string,
  now: number,
  wallNow: number = Date.now(),
): VerifiedPartnerToken | null {
  if (!looksLikeTokenSecret(secret)) return null;
  const hash = hashTokenSecret(secret);
  const cache = cacheOf(sqlite);
  let entry = cache.get(hash);
  if (!entry || entry.freshUntil < wallNow) {
    cache.delete(hash);
    const row = statementsOf(sqlite).byHash.get(hash);
    if (!row || row.partnerId === null || !sameHash(row.tokenHash, hash)) return null;
    entry = {
      tokenId: row.id,
      partnerId: row.partnerId,
      tokenHash: row.tokenHash,
      lastUsedAt: row.lastUsedAt,
      freshUntil: wallNow + CACHE_TTL_MS,
    };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(hash, entry);
  } else if (!sameHash(entry.tokenHash, hash)) {
    return null;
  }
  if (entry.lastUsedAt === null || Math.abs(now - entry.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    entry.lastUsedAt = now;
    statementsOf(sqlite).touch.run(now, entry.tokenId);
  }
  return { tokenId: entry.tokenId, partnerId: entry.partnerId };
}

/**
 * Creates a token for one partner. The secret is returned this once; a lost token is revoked and
 * replaced.
 */
export async function createPartnerToken(ctx: AppContext, partnerId: string, label: string, actor: string) {
  const now = ctx.clock.now();
  const id = `PT-${randomUUID()}`;
  const token = await ctx.database.db.transaction().execute(async (trx) => {
    const partner = await trx
      .selectFrom('partner')
      .select('id')
      .where('id', '=', partnerId)
      .executeTakeFirst();
    if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${partnerId}.`);
    return insertAccessToken(
      trx,
      { id, partnerId, scope: 'ingest', label, now },
      { actor, kind: 'partnerToken.created', payload: { partnerId, label } },
    );
  });
  return { id, partnerId, label, token, createdAt: now };
}

/** A PartnerToken, from access_token as t joined to its partner as p. */
const PARTNER_TOKEN_COLUMNS = [
  't.id',
  'p.id as partnerId',
  'p.name as partnerName',
  't.label',
  't.createdAt',
  't.lastUsedAt',
  't.revokedAt',
] as const;

export async function listPartnerTokens(ctx: AppContext, partnerId?: string): Promise<PartnerToken[]> {
  let query = ctx.database.db
    .selectFrom('accessToken as t')
    .innerJoin('partner as p', 'p.id', 't.partnerId')
    .select(PARTNER_TOKEN_COLUMNS)
    .where('t.scope', '=', 'ingest');
  if (partnerId !== undefined) query = query.where('t.partnerId', '=', partnerId);
  return query.orderBy('t.createdAt', 'desc').orderBy('t.id').execute();
}

/** Revokes a token for good; the ingest server refuses it from its next request on. */
export async function revokePartnerToken(ctx: AppContext, id: string, actor: string): Promise<PartnerToken> {
  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('accessToken as t')
      .innerJoin('partner as p', 'p.id', 't.partnerId')
      .select(PARTNER_TOKEN_COLUMNS)
      .where('t.id', '=', id)
      .where('t.scope', '=', 'ingest')
      .executeTakeFirst();
    if (!token) throw new DomainError('NOT_FOUND', `There is no partner token ${id}.`);
    if (token.revokedAt !== null) return token;
    await markAccessTokenRevoked(trx, id, now, {
      actor,
      kind: 'partnerToken.revoked',
      payload: { partnerId: token.partnerId, label: token.label },
    });
    return { ...token, revokedAt: now };
  });
  forgetVerifiedTokens(ctx.database.sqlite);
  return result;
}
