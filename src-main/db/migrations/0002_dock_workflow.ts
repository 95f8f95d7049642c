import { type Kysely, sql } from 'kysely';

// Schema v2: the dock workflow. A delivery carries the door capabilities it needs (so a slot can
// be moved to another fitting door, and a mismatch flagged), and whether staff handle it at the
// dock by hand (the demo simulator then leaves it alone). The dock grid lives in the setting
// table ('dock.gridMinutes', default 30) and needs no column.
const statements = [
  `ALTER TABLE inbound_delivery ADD COLUMN required_capabilities TEXT NOT NULL DEFAULT '[]'`,
  `ALTER TABLE inbound_delivery ADD COLUMN dock_handling TEXT NOT NULL DEFAULT 'auto'
    CHECK (dock_handling IN ('auto', 'manual'))`,
  // What a delivery needs is best known from the door it was booked at: that door fitted it.
  `UPDATE inbound_delivery SET required_capabilities = coalesce(
     (SELECT json(door.capabilities) FROM dock_door door
       WHERE door.id = inbound_delivery.door_id AND json_valid(door.capabilities)
         AND json_type(door.capabilities) = 'array'),
     '[]')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema v2 cannot be undone: restore a backup of the database instead.');
}
