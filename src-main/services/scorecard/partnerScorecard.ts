import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';
import { requireSite } from '../../db/repositories/site';
import {
  noticeAccuracy,
  productionImpact,
  punctualityFigures,
  type ThreatenedStoppage,
  weeklyTrend,
} from '../../domain/scorecard/index';
import { currentCoverage } from '../coverage/coverageAccess';
import {
  deliveriesOfPartner,
  endedStoppages,
  partnerDeliveries,
  receivedLines,
  type ScorecardRange,
} from './scorecardReads';
import { readTolerance } from './toleranceSetting';

/** A scorecard covers at most a bit more than a year: the trend then has 58 weeks at most. */
export const MAX_RANGE_DAYS = 400;

async function threatenedStoppages(ctx: AppContext, partnerId: string): Promise<ThreatenedStoppage[]> {
  // The projection within its horizon, as the Lines view shows it; the running application's
  // projector answers from memory.
  const { projection } = await currentCoverage(ctx);
  const ending = projection.stoppages.filter((stoppage) => stoppage.endingDelivery !== null);
  const mine = deliveriesOfPartner(
    ctx.database.sqlite,
    partnerId,
    ending.map((stoppage) => stoppage.endingDelivery!.id),
  );
  return ending
    .filter((stoppage) => mine.has(stoppage.endingDelivery!.id))
    .map((stoppage) => ({
      lineId: stoppage.lineId,
      lineName: stoppage.lineName,
      partId: stoppage.partId,
      partDescription: stoppage.partDescription,
      start: stoppage.start,
      durationMinutes: stoppage.durationMinutes,
      deliveryId: stoppage.endingDelivery!.id,
    }));
}

/**
 * One partner's scorecard over [from, to): punctuality, slot adherence, notice accuracy, delays,
 * the weekly trend in plant time and the production impact. Deliveries count by their slot's
 * start; stoppages by when they ended.
 */
export async function partnerScorecard(ctx: AppContext, partnerId: string, range: ScorecardRange) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const site = await requireSite(db);
  const partner = await db
    .selectFrom('partner')
    .select(['id', 'name', 'role'])
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${partnerId}.`);
  const { sqlite } = ctx.database;
  const tolerance = await readTolerance(db);
  // One consistent read: the synchronous statements run back to back, nothing commits between.
  const deliveries = partnerDeliveries(sqlite, partnerId, range);
  const lines = partner.role === 'carrier' ? null : receivedLines(sqlite, partnerId, range);
  const ended = endedStoppages(sqlite, partnerId, range);
  const threatened = await threatenedStoppages(ctx, partnerId);
  return {
    partner,
    from: range.from,
    to: range.to,
    computedAt: now,
    timeZone: site.timeZone,
    toleranceMinutes: tolerance,
    deliveries: deliveries.length,
    cancelled: deliveries.filter((delivery) => delivery.status === 'cancelled').length,
    punctuality: punctualityFigures(deliveries, tolerance, now),
    // A carrier sends no shipping notices; its accuracy is not applicable rather than zero.
    noticeAccuracy: lines === null ? null : noticeAccuracy(lines),
    productionImpact: productionImpact(partnerId, ended, threatened, tolerance),
    weeks: weeklyTrend(deliveries, range, site.timeZone, tolerance, now),
  };
}

export type PartnerScorecard = Awaited<ReturnType<typeof partnerScorecard>>;
