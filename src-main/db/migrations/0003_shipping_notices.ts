import { type Kysely, sql } from 'kysely';

// Schema v3: shipping notices. A partner's EDI party id (GLN, DUNS or VDA supplier number) is how
// a DESADV names it; unique when set. notice_message keeps every incoming notice file or request,
// imported or refused, with its raw text: the plant's audit of what came in.
const statements = [
  'ALTER TABLE partner ADD COLUMN party_id TEXT',
  'CREATE UNIQUE INDEX partner_party_id ON partner(party_id) WHERE party_id IS NOT NULL',
  `CREATE TABLE notice_message (
    id INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('file', 'api', 'partner')),
    format TEXT NOT NULL CHECK (format IN ('desadv', 'csv', 'json')),
    file_name TEXT,
    partner_id TEXT REFERENCES partner(id) ON DELETE SET NULL,
    notice_numbers TEXT NOT NULL DEFAULT '[]',
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'refused')),
    error TEXT,
    raw TEXT,
    actor TEXT NOT NULL
  ) STRICT`,
  'CREATE INDEX notice_message_received ON notice_message(received_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema v3 cannot be undone: restore a backup of the database instead.');
}
