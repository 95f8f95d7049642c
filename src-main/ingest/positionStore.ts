import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../app/context';
import { greatCircleKm } from '../domain/geo';
import type { IngestCollaborators } from './collaborators';
import type { DeviceDeliveries, TrackedDelivery } from './deviceDeliveries';
import type { PositionReport } from './osmand';

// Stores position reports: the position row, the delivery's last known position, its first fix
// (announced → in transit), its ETA and — inside the plant's geofence — the gate check-in. A batch
// of reports is one transaction, each report in a savepoint of its own, so one failing report
// fails alone and the others are committed before anybody is told "stored".

export type PositionOutcome = 'stored' | 'duplicate' | 'no_delivery' | 'failed';

export interface StoredBatch {
  outcomes: PositionOutcome[];
  /** Deliveries whose status or ETA changed: for 'deliveries.changed'. */
  changedDeliveryIds: Set<string>;
  stored: number;
  newestAt: number;
}

export interface PositionItem {
  partnerId: string;
  report: PositionReport;
}

/** An ETA that moved less than this does not wake the views (nor the coverage projector). */
const ETA_NOTICE_MS = 60_000;
const ACTOR = 'ingest';
const MAX_REMEMBERED = 50_000;

interface Site {
  lat: number;
  lon: number;
  radiusKm: number;
}

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    site: sqlite.prepare<[], { lat: number; lon: number; radiusM: number }>(
      'SELECT lat, lon, geofence_radius_m AS radiusM FROM site LIMIT 1',
    ),
    duplicate: sqlite.prepare<[string, number], { one: number }>(
      'SELECT 1 AS one FROM position WHERE delivery_id = ? AND at = ? LIMIT 1',
    ),
    insert: sqlite.prepare<[string, number, number, number, number | null, number | null]>(
      `INSERT INTO position (delivery_id, at, lat, lon, speed_kmh, heading, source)
       VALUES (?, ?, ?, ?, ?, ?, 'gps')`,
    ),
    last: sqlite.prepare<[number, number, number, number | null, number | null, number, string]>(
      `UPDATE inbound_delivery SET last_position_at = ?, last_lat = ?, last_lon = ?, last_speed_kmh = ?,
         last_heading = ?, updated_at = ? WHERE id = ?`,
    ),
    depart: sqlite.prepare<[number, number, string]>(
      `UPDATE inbound_delivery SET status = 'in_transit', departed_at = coalesce(departed_at, ?), updated_at = ?
        WHERE id = ? AND status = 'announced'`,
    ),
    state: sqlite.prepare<[string], { eta: number | null }>('SELECT eta FROM inbound_delivery WHERE id = ?'),
    event: sqlite.prepare<[number, string, string, string, string]>(
      "INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, ?, ?, 'delivery', ?, ?)",
    ),
  };
}

export class PositionStore {
  private readonly statements: ReturnType<typeof prepare>;
  /** The ETA the views were last told of, per delivery: small moves add up until they matter. */
  private readonly announcedEta = new Map<string, number | null>();

  constructor(
    private readonly ctx: AppContext,
    private readonly devices: DeviceDeliveries,
    private readonly collaborators: Pick<IngestCollaborators, 'refreshEta' | 'checkInOnArrival'>,
  ) {
    this.statements = prepare(ctx.database.sqlite);
  }

  /** Writes the batch in one transaction; throws only when the whole transaction failed. */
  storeBatch(items: readonly PositionItem[]): { batch: StoredBatch; errors: Map<number, unknown> } {
    const { sqlite } = this.ctx.database;
    const now = this.ctx.clock.now();
    const errors = new Map<number, unknown>();
    const batch: StoredBatch = { outcomes: [], changedDeliveryIds: new Set(), stored: 0, newestAt: 0 };
    const storeOne = sqlite.transaction((item: PositionItem, site: Site | null) =>
      this.storeOne(item, site, now, batch),
    );
    sqlite.transaction(() => {
      const row = this.statements.site.get();
      const site = row ? { lat: row.lat, lon: row.lon, radiusKm: row.radiusM / 1000 } : null;
      items.forEach((item, index) => {
        try {
          batch.outcomes[index] = storeOne(item, site);
        } catch (error) {
          // The savepoint rolled this report back; the others stand.
          errors.set(index, error);
          batch.outcomes[index] = 'failed';
        }
      });
    })();
    return { batch, errors };
  }

  private storeOne(item: PositionItem, site: Site | null, now: number, batch: StoredBatch): PositionOutcome {
    const { report } = item;
    const delivery = this.devices.resolve(item.partnerId, report.deviceId, now);
    if (!delivery) return 'no_delivery';
    const s = this.statements;
    if (s.duplicate.get(delivery.id, report.at)) return 'duplicate';
    const speed = report.speedKmh === null ? null : Math.round(report.speedKmh * 10) / 10;
    s.insert.run(delivery.id, report.at, report.lat, report.lon, speed, report.heading);
    batch.stored += 1;
    batch.newestAt = Math.max(batch.newestAt, report.at);
    // A phone empties its buffer oldest first: a late report joins the track but does not move
    // the truck back.
    if (delivery.lastPositionAt !== null && report.at < delivery.lastPositionAt) return 'stored';
    s.last.run(report.at, report.lat, report.lon, speed, report.heading, now, delivery.id);
    this.afterFix(delivery, report, speed, site, now, batch);
    return 'stored';
  }

  private afterFix(
    delivery: TrackedDelivery,
    report: PositionReport,
    speedKmh: number | null,
    site: Site | null,
    now: number,
    batch: StoredBatch,
  ): void {
    const s = this.statements;
    const { sqlite } = this.ctx.database;
    let status = delivery.status;
    if (status === 'announced' && s.depart.run(report.at, now, delivery.id).changes === 1) {
      s.event.run(
        report.at,
        ACTOR,
        'delivery.status',
        delivery.id,
        JSON.stringify({ from: status, to: 'in_transit' }),
      );
      status = 'in_transit';
      batch.changedDeliveryIds.add(delivery.id);
    }
    if (status !== 'in_transit') return;
    const estimate = this.collaborators.refreshEta(sqlite, delivery.id, now, {
      kind: 'gps',
      at: report.at,
      lat: report.lat,
      lon: report.lon,
      speedKmh,
    });
    if (site && greatCircleKm([report.lat, report.lon], [site.lat, site.lon]) <= site.radiusKm) {
      if (this.collaborators.checkInOnArrival(this.ctx, delivery.id, report.at)) {
        batch.changedDeliveryIds.add(delivery.id);
        return;
      }
    }
    // The engine wrote the ETA it returns; only without an estimate is the stored one read back.
    const after = estimate ? { eta: estimate.eta } : s.state.get(delivery.id);
    if (!after) return;
    const before = this.announcedEta.has(delivery.id) ? this.announcedEta.get(delivery.id)! : delivery.eta;
    const moved =
      before === null || after.eta === null
        ? before !== after.eta
        : Math.abs(after.eta - before) >= ETA_NOTICE_MS;
    if (this.announcedEta.size >= MAX_REMEMBERED) this.announcedEta.clear();
    if (moved) {
      batch.changedDeliveryIds.add(delivery.id);
      this.announcedEta.set(delivery.id, after.eta);
    } else if (!this.announcedEta.has(delivery.id)) {
      this.announcedEta.set(delivery.id, before);
    }
  }
}
