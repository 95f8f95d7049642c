import { procedure } from '../registry';
import { noInput } from '../schemas';

export const partProcedures = {
  'parts.stock': procedure({
    access: 'read',
    summary: 'Every part with its stock on hand against its safety stock.',
    input: noInput,
    handler: (ctx) =>
      ctx.database.db
        .selectFrom('part as p')
        .leftJoin('stock as s', 's.partId', 'p.id')
        .leftJoin('partner as supplier', 'supplier.id', 'p.supplierId')
        .select([
          'p.id',
          'p.description',
          'p.unit',
          'p.safetyStock',
          'supplier.name as supplierName',
          (eb) => eb.fn.coalesce('s.onHand', eb.val(0)).as('onHand'),
          's.updatedAt',
        ])
        .orderBy('p.id')
        .execute(),
  }),
};
