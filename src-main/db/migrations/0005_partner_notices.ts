import { type Kysely, sql } from 'kysely';

// Schema v5: notices out. A partner is reached through channels (a webhook or an e-mail address,
// each with its language and the notice kinds it wants); every notice for a channel is one row
// of partner_message, which is both the partner's communication log and the outbox the
// dispatcher works through. `source_key` names what caused the notice (an event-log row, a
// predicted stoppage at a severity), so the same cause never queues a second notice on a channel.
const statements = [
  `CREATE TABLE partner_channel (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('webhook', 'email')),
    address TEXT NOT NULL,
    secret TEXT,
    language TEXT NOT NULL CHECK (language IN ('de', 'en')),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    notice_kinds TEXT NOT NULL DEFAULT '["slot_confirmation","slot_change","delay_ack","shortage_alert"]',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (kind = 'email' OR secret IS NOT NULL)
  ) STRICT`,
  'CREATE INDEX partner_channel_partner ON partner_channel(partner_id)',
  `CREATE TABLE partner_message (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    channel_id TEXT REFERENCES partner_channel(id) ON DELETE SET NULL,
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
    address TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('slot_confirmation', 'slot_change', 'delay_ack', 'shortage_alert')),
    delivery_id TEXT,
    topic TEXT NOT NULL,
    source_key TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('de', 'en')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
  ) STRICT`,
  'CREATE UNIQUE INDEX partner_message_source ON partner_message(source_key, channel_id)',
  'CREATE INDEX partner_message_outbox ON partner_message(status, next_attempt_at)',
  'CREATE INDEX partner_message_partner ON partner_message(partner_id, created_at)',
  'CREATE INDEX partner_message_topic ON partner_message(partner_id, kind, topic)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schema v5 cannot be undone: restore a backup of the database instead.');
}
