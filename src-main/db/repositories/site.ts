import type { Kysely } from 'kysely';
import { DomainError } from '../../api/result';
import type { Database } from '../schema';

export async function findSite(db: Kysely<Database>) {
  return db.selectFrom('site').selectAll().limit(1).executeTakeFirst();
}

/** The plant; procedures that need it refuse clearly on an empty database. */
export async function requireSite(db: Kysely<Database>) {
  const site = await findSite(db);
  if (!site) throw new DomainError('NOT_FOUND', 'No plant is set up in this database yet.');
  return site;
}
