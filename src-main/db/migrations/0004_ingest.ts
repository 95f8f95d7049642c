import { type Kysely, sql } from 'kysely';

// Schema v4: the partner ingest server. A partner registers the phones and trackers its trucks
// carry: a device id (what Traccar Client or OsmAnd sends as `id`) stands for a truck plate, so a
// position finds the delivery that truck drives today even when the delivery itself names no
// device. Device ids are the partner's own: two partners may both call a phone "1".
const statements = [
  `CREATE TABLE partner_device (
    partner_id TEXT NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    truck_plate TEXT,
    label TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (partner_id, device_id)
  ) STRICT`,
  // A device registered for a plate finds that truck's deliveries by it.
  'CREATE INDEX inbound_delivery_plate ON inbound_delivery(truck_plate) WHERE truck_plate IS NOT NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema v4 cannot be undone: restore a backup of the database instead.');
}
