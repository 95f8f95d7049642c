import type { AppContext } from '../app/context';

const RECENT_MS = 8 * 60 * 60 * 1000;

/** Lines with their open orders in sequence, plus those finished in the last shift. */
export async function lineOverview(ctx: AppContext) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [lines, orders, rates] = await Promise.all([
    db.selectFrom('productionLine').selectAll().orderBy('sortOrder').execute(),
    db
      .selectFrom('productionOrder as o')
      .innerJoin('product as p', 'p.id', 'o.productId')
      .select([
        'o.id',
        'o.lineId',
        'o.productId',
        'p.name as productName',
        'o.quantity',
        'o.producedUnits',
        'o.sequence',
        'o.dueAt',
        'o.status',
        'o.frozen',
        'o.startedAt',
        'o.completedAt',
      ])
      .where((eb) => eb.or([eb('o.status', '!=', 'done'), eb('o.completedAt', '>=', now - RECENT_MS)]))
      .orderBy('o.lineId')
      .orderBy('o.sequence')
      .execute(),
    db.selectFrom('lineRate').selectAll().execute(),
  ]);
  return {
    now,
    lines: lines.map((line) => {
      const lineOrders = orders.filter((order) => order.lineId === line.id);
      const running = lineOrders.find((order) => order.status === 'running');
      return {
        id: line.id,
        name: line.name,
        currentProductId: running?.productId ?? line.initialProductId,
        minutesPerUnit: Object.fromEntries(
          rates
            .filter((rate) => rate.lineId === line.id)
            .map((rate) => [rate.productId, rate.minutesPerUnit]),
        ),
        orders: lineOrders.map((order) => ({ ...order, frozen: order.frozen === 1 })),
      };
    }),
  };
}
