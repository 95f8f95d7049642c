import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../../app/context';
import type { DeliveryStatus } from '../../db/schema';
import { coverageOverview } from '../coverage/coverageAccess';
import type { PredictedStoppage } from '../coverage/types';

// Which deliveries feed a predicted stoppage, from the current coverage projection: the truck
// the projection names as the one that ends it, or any truck with the stoppage's part that
// arrives before the stoppage ends (its goods shorten or end it). Those are the trucks the dock
// must not let slip, and the ones a booking puts first.

export interface StoppageFeed {
  stoppageId: string;
  lineId: string;
  lineName: string;
  partId: string;
  start: number;
  durationMinutes: number;
}

/** Goods still to come: a truck that has unloaded (or never comes) feeds nothing any more. */
const STILL_TO_COME: ReadonlySet<DeliveryStatus> = new Set([
  'announced',
  'in_transit',
  'at_gate',
  'at_door',
  'unloading',
]);

export interface FeedCandidate {
  id: string;
  status: DeliveryStatus;
  /** When the goods arrive: the gate check-in, else the ETA, else the slot start. */
  arrival: number;
}

export interface StoppageFeeds {
  /** Parts of the predicted stoppages: only deliveries carrying one of them need their items read. */
  partIds: ReadonlySet<string>;
  feedOf(delivery: FeedCandidate, partIds: readonly string[]): StoppageFeed | null;
}

const toFeed = (stoppage: PredictedStoppage): StoppageFeed => ({
  stoppageId: stoppage.id,
  lineId: stoppage.lineId,
  lineName: stoppage.lineName,
  partId: stoppage.partId,
  start: stoppage.start,
  durationMinutes: stoppage.durationMinutes,
});

export function feedsFrom(stoppages: readonly PredictedStoppage[]): StoppageFeeds {
  const byStart = [...stoppages].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const ending = new Map<string, PredictedStoppage>();
  for (const stoppage of byStart) {
    const id = stoppage.endingDelivery?.id;
    if (id && !ending.has(id)) ending.set(id, stoppage);
  }
  return {
    partIds: new Set(byStart.map((stoppage) => stoppage.partId)),
    feedOf(delivery, partIds) {
      if (!STILL_TO_COME.has(delivery.status)) return null;
      const ends = ending.get(delivery.id);
      if (ends) return toFeed(ends);
      const fed = byStart.find(
        (stoppage) => partIds.includes(stoppage.partId) && delivery.arrival < stoppage.end,
      );
      return fed ? toFeed(fed) : null;
    },
  };
}

export async function currentStoppageFeeds(ctx: AppContext): Promise<StoppageFeeds> {
  return feedsFrom((await coverageOverview(ctx)).stoppages);
}

/** The parts each of the given deliveries carries, limited to `partIds` (one query). */
export function partsCarried(
  sqlite: BetterSqlite3.Database,
  deliveryIds: readonly string[],
  partIds: ReadonlySet<string>,
): Map<string, string[]> {
  const carried = new Map<string, string[]>();
  if (deliveryIds.length === 0 || partIds.size === 0) return carried;
  const rows = sqlite
    .prepare(
      `SELECT i.delivery_id, i.part_id FROM delivery_item i
       WHERE i.delivery_id IN (SELECT value FROM json_each(?)) AND i.part_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(deliveryIds), JSON.stringify([...partIds])) as {
    delivery_id: string;
    part_id: string;
  }[];
  for (const row of rows) {
    const list = carried.get(row.delivery_id) ?? [];
    list.push(row.part_id);
    carried.set(row.delivery_id, list);
  }
  return carried;
}
