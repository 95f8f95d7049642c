import type { Transaction } from 'kysely';
import type { AccessTokenTable, Database } from '../../db/schema';
import { hashTokenSecret, newTokenSecret } from './secret';

// What every kind of access token does with its access_token row, whatever its scope: created
// with a fresh secret (only its hash stored), revoked for good, each logged in event_log in the
// caller's transaction. The scope-specific parts (ids, checks, what is listed) stay with each kind.

interface TokenEvent {
  actor: string;
  /** event_log kind, e.g. 'viewerLink.created'. */
  kind: string;
  payload: unknown;
}

/** Inserts a new token row and its creation event; returns the secret, shown this once. */
export async function insertAccessToken(
  trx: Transaction<Database>,
  row: { id: string; partnerId: string | null; scope: AccessTokenTable['scope']; label: string; now: number },
  event: TokenEvent,
): Promise<string> {
  const token = newTokenSecret();
  await trx
    .insertInto('accessToken')
    .values({
      id: row.id,
      partnerId: row.partnerId,
      scope: row.scope,
      label: row.label,
      tokenHash: hashTokenSecret(token),
      createdAt: row.now,
      revokedAt: null,
      lastUsedAt: null,
    })
    .execute();
  await logTokenEvent(trx, row.id, row.now, event);
  return token;
}

/** Marks a token revoked at `now` and logs it; the caller has checked that it was not yet. */
export async function markAccessTokenRevoked(
  trx: Transaction<Database>,
  id: string,
  now: number,
  event: TokenEvent,
): Promise<void> {
  await trx.updateTable('accessToken').set({ revokedAt: now }).where('id', '=', id).execute();
  await logTokenEvent(trx, id, now, event);
}

async function logTokenEvent(trx: Transaction<Database>, id: string, now: number, event: TokenEvent) {
  await trx
    .insertInto('eventLog')
    .values({
      at: now,
      actor: event.actor,
      kind: event.kind,
      entityType: 'accessToken',
      entityId: id,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}
