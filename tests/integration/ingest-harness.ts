import type { AppContext } from '../../src-main/app/context';
import {
  type IngestServerOptions,
  type RunningIngestServer,
  startIngestServer,
} from '../../src-main/ingest/server';
import { createPartnerToken } from '../../src-main/services/accessTokens/partnerTokens';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

// The ingest server on the small fixture plant (fixturePlant.ts), for the ingest tests: the
// carrier C1 drives D-1 (phone PHONE-1) and D-2 for supplier S1; a second supplier S2 has its own
// truck D-9 (phone PHONE-9). Tokens for C1, S1 and S2.

export const silent = { error: () => {}, warn: () => {}, info: () => {} };
const MINUTE = 60_000;

export async function addSecondPartner(ctx: AppContext) {
  const now = ctx.clock.now();
  const { sqlite } = ctx.database;
  sqlite
    .prepare(
      `INSERT INTO partner (id, name, role, city, country_code, lat, lon, created_at)
       VALUES ('S2', 'Gießerei Linz', 'supplier', 'Linz', 'AT', 48.3, 14.29, ?)`,
    )
    .run(now);
  sqlite
    .prepare(
      `INSERT INTO inbound_delivery (id, notice_number, supplier_id, carrier_id, truck_plate, device_id,
         origin_name, origin_lat, origin_lon, door_id, slot_start, slot_end, status, eta, eta_source,
         created_at, updated_at)
       VALUES ('D-9', 'ASN-D-9', 'S2', NULL, 'L 999', 'PHONE-9', 'Linz', 48.3, 14.29, 'T2', ?, ?, 'announced', ?, 'plan', ?, ?)`,
    )
    .run(now + 120 * MINUTE, now + 150 * MINUTE, now + 130 * MINUTE, now, now);
  sqlite.prepare("UPDATE inbound_delivery SET device_id = 'PHONE-1' WHERE id = 'D-1'").run();
}

export interface StoredPosition {
  deliveryId: string;
  at: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
  heading: number | null;
  source: string;
}

export interface IngestHarness {
  t: Awaited<ReturnType<typeof testContext>>;
  server: RunningIngestServer;
  tokens: { C1: string; S1: string; S2: string };
  tokenIds: { C1: string; S1: string; S2: string };
  /** A request to the ingest server, by path. */
  send(path: string, init?: RequestInit): Promise<Response>;
  positions(deliveryId?: string): StoredPosition[];
  dispose(): Promise<void>;
}

export async function ingestHarness(
  options: Partial<Omit<IngestServerOptions, 'ctx'>> = {},
  load: (ctx: AppContext) => Promise<void> = loadFixturePlant,
): Promise<IngestHarness> {
  const t = await testContext();
  await load(t.ctx);
  await addSecondPartner(t.ctx);
  const make = async (partnerId: string) => createPartnerToken(t.ctx, partnerId, `Test ${partnerId}`, 'test');
  const [c1, s1, s2] = [await make('C1'), await make('S1'), await make('S2')];
  const server = await startIngestServer({
    ctx: t.ctx,
    port: 0,
    logger: silent,
    feedIntervalMs: 10,
    ...options,
  });
  return {
    t,
    server,
    tokens: { C1: c1.token, S1: s1.token, S2: s2.token },
    tokenIds: { C1: c1.id, S1: s1.id, S2: s2.id },
    send: (path, init) =>
      fetch(`${server.url.slice(0, -1)}${path.startsWith('/') ? path : `/${path}`}`, init),
    positions: (deliveryId) =>
      t.ctx.database.sqlite
        .prepare(
          `SELECT delivery_id AS deliveryId, at, lat, lon, speed_kmh AS speedKmh, heading, source FROM position
            WHERE (? IS NULL OR delivery_id = ?) ORDER BY id`,
        )
        .all(deliveryId ?? null, deliveryId ?? null) as StoredPosition[],
    async dispose() {
      await server.close();
      await t.dispose();
    },
  };
}

/** JSON POST with a bearer token. */
export const jsonPost = (token: string | null, body: unknown): RequestInit => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
