import type BetterSqlite3 from 'better-sqlite3';

// A delivery's history is the event log: every slot move and every gate step writes a row the
// delivery's detail view shows. Inside the caller's transaction.

/** Writes one history row for a delivery; the control room is the actor unless said otherwise. */
export function logDeliveryEvent(
  sqlite: BetterSqlite3.Database,
  at: number,
  kind: string,
  deliveryId: string,
  payload: unknown,
  actor = 'control room',
): void {
  sqlite
    .prepare(
      `INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload)
       VALUES (?, ?, ?, 'delivery', ?, ?)`,
    )
    .run(at, actor, kind, deliveryId, JSON.stringify(payload));
}
