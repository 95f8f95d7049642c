import { sql } from 'kysely';
import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';

/** Enough for any supplier's catalogue on one screen; the search narrows longer ones. */
export const CROSS_REFERENCE_LIMIT = 500;

/**
 * The supplier's part numbers and the plant parts they stand for (what shipping notices are
 * mapped by), searchable by either number or the description.
 */
export async function crossReference(ctx: AppContext, partnerId: string, search?: string) {
  const { db } = ctx.database;
  const partner = await db.selectFrom('partner').select('id').where('id', '=', partnerId).executeTakeFirst();
  if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${partnerId}.`);
  let query = db
    .selectFrom('supplierPart as sp')
    .innerJoin('part as p', 'p.id', 'sp.partId')
    .where('sp.supplierId', '=', partnerId);
  const text = search?.trim();
  if (text) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const matches = (column: 'sp.supplierPartNumber' | 'p.id' | 'p.description') =>
      sql<boolean>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
    query = query.where((eb) =>
      eb.or([matches('sp.supplierPartNumber'), matches('p.id'), matches('p.description')]),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'sp.supplierPartNumber',
        'p.id as partId',
        'p.description',
        'p.unit',
        'p.supplierId as primarySupplierId',
      ])
      .orderBy('sp.supplierPartNumber')
      .limit(CROSS_REFERENCE_LIMIT)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map(({ primarySupplierId, ...row }) => ({
      ...row,
      primarySupplier: primarySupplierId === partnerId,
    })),
  };
}
