import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

// Where the partner ingest server listens, from the `setting` table (JSON values, written by the
// settings view): 'ingest.enabled', 'ingest.host', 'ingest.port'. Read at start and again on each
// change (liveIngest.ts); the code defaults keep it on loopback, so a partner outside reaches it only after a person turned that on.

export const INGEST_ENABLED = 'ingest.enabled';
export const INGEST_HOST = 'ingest.host';
export const INGEST_PORT = 'ingest.port';
/** How the listener fared with the settings last applied (liveIngest.ts writes it, settings.get shows it). */
export const INGEST_STATUS = 'ingest.status';

export const DEFAULT_INGEST_PORT = 4880;
export const DEFAULT_INGEST_HOST = '127.0.0.1';

export interface IngestSettings {
  enabled: boolean;
  host: string;
  port: number;
}

export const DEFAULT_INGEST_SETTINGS: IngestSettings = {
  enabled: true,
  host: DEFAULT_INGEST_HOST,
  port: DEFAULT_INGEST_PORT,
};

const schemas = {
  enabled: z.boolean(),
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9.:_-]+$/),
  port: z.number().int().min(0).max(65535),
};

/** A stored value as JSON, or as the bare text a person might have typed; undefined when unusable. */
function parseValue<T>(raw: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (raw === undefined) return undefined;
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // A bare host name is not JSON; the schema decides.
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The stored ingest settings over the code defaults; a value that does not parse is ignored. */
export function readIngestSettings(sqlite: BetterSqlite3.Database): IngestSettings {
  const rows = sqlite
    .prepare('SELECT key, value FROM setting WHERE key IN (?, ?, ?)')
    .all(INGEST_ENABLED, INGEST_HOST, INGEST_PORT) as { key: string; value: string }[];
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return {
    enabled: parseValue(stored.get(INGEST_ENABLED), schemas.enabled) ?? DEFAULT_INGEST_SETTINGS.enabled,
    host: parseValue(stored.get(INGEST_HOST), schemas.host) ?? DEFAULT_INGEST_SETTINGS.host,
    port: parseValue(stored.get(INGEST_PORT), schemas.port) ?? DEFAULT_INGEST_SETTINGS.port,
  };
}

/** How the listener fared with the settings last applied, as liveIngest stores it. */
export const ingestStatusSchema = z.object({
  state: z.enum(['listening', 'off', 'failed']),
  /** The address partners reach while listening. */
  url: z.string().nullable(),
  /** Why it could not listen (a port in use …). */
  error: z.string().nullable(),
  /** Whether --no-ingest keeps it off whatever the settings say. */
  offByCommandLine: z.boolean(),
  at: z.number(),
});
export type IngestStatus = z.infer<typeof ingestStatusSchema>;

/** The stored status, or null before the first start (or when it does not parse). */
export function readIngestStatus(sqlite: BetterSqlite3.Database): IngestStatus | null {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(INGEST_STATUS) as
    | { value: string }
    | undefined;
  if (!row) return null;
  try {
    const parsed = ingestStatusSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\./.test(host);
}

/** The addresses a partner would configure, for the token dialog. */
export function ingestUrlHints(settings: IngestSettings, token: string) {
  const host =
    settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? '<this-computer>' : host;
  const base = `http://${shownHost}:${settings.port}`;
  return {
    enabled: settings.enabled,
    loopbackOnly: isLoopbackAddress(settings.host),
    osmandUrl: `${base}/osmand/${token}`,
    partnerApiUrl: `${base}/partner/v1/`,
  };
}
