import { sql } from 'kysely';
import type { AppContext } from '../app/context';
import { readTolerance } from './scorecard/toleranceSetting';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

export async function partnerList(ctx: AppContext) {
  const { db } = ctx.database;
  const since = ctx.clock.now() - WEEK_MS;
  // The same tolerance the scorecards judge by, so the list and a partner's page agree.
  const toleranceMs = (await readTolerance(db)) * MINUTE;
  const partners = await db.selectFrom('partner').selectAll().orderBy('name').execute();
  // One pass over the week's arrived deliveries, grouped per partner role.
  const arrivals = (role: 'supplierId' | 'carrierId') =>
    db
      .selectFrom('inboundDelivery')
      .select([
        sql<string>`${sql.ref(role)}`.as('partnerId'),
        (eb) => eb.fn.countAll<number>().as('arrived'),
        sql<number>`sum(case when gate_in_at <= slot_end + ${toleranceMs} then 1 else 0 end)`.as('onTime'),
      ])
      .where('gateInAt', 'is not', null)
      .where('slotStart', '>=', since)
      .groupBy(role)
      .execute();
  const [bySupplier, byCarrier] = await Promise.all([arrivals('supplierId'), arrivals('carrierId')]);
  const stats = new Map<string, { arrived: number; onTime: number }>();
  for (const row of [...bySupplier, ...byCarrier]) {
    const current = stats.get(row.partnerId) ?? { arrived: 0, onTime: 0 };
    stats.set(row.partnerId, {
      arrived: current.arrived + Number(row.arrived),
      onTime: current.onTime + Number(row.onTime),
    });
  }
  return partners.map((partner) => {
    const week = stats.get(partner.id) ?? { arrived: 0, onTime: 0 };
    return {
      ...partner,
      arrivedLast7Days: week.arrived,
      onTimeRateLast7Days: week.arrived ? week.onTime / week.arrived : null,
    };
  });
}
