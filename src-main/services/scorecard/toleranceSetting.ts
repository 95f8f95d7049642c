import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import type { Database } from '../../db/schema';

// The scorecard's tolerance: how many minutes after a slot's end (and before its start) an
// arrival still counts. One plant-wide value in the `setting` table (a JSON number), so every
// partner is measured by the same rule.

export const TOLERANCE_SETTING = 'scorecard.toleranceMinutes';
export const DEFAULT_TOLERANCE_MINUTES = 15;
export const MAX_TOLERANCE_MINUTES = 120;

export const toleranceMinutes = z
  .number()
  .int('must be whole minutes')
  .min(0, 'must not be negative')
  .max(MAX_TOLERANCE_MINUTES, `may be at most ${MAX_TOLERANCE_MINUTES} minutes`);

/** The stored tolerance, or the default when none is stored or the stored value is unusable. */
export async function readTolerance(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', TOLERANCE_SETTING)
    .executeTakeFirst();
  if (!row) return DEFAULT_TOLERANCE_MINUTES;
  try {
    const parsed = toleranceMinutes.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_TOLERANCE_MINUTES;
  } catch {
    return DEFAULT_TOLERANCE_MINUTES;
  }
}

/** Stores the tolerance with an audit entry; open scorecards refetch on `settings.changed`. */
export async function writeTolerance(ctx: AppContext, minutes: number, actor: string) {
  const now = ctx.clock.now();
  const previous = await ctx.database.db.transaction().execute(async (trx) => {
    const before = await readTolerance(trx);
    await trx
      .insertInto('setting')
      .values({ key: TOLERANCE_SETTING, value: JSON.stringify(minutes), updatedAt: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(minutes), updatedAt: now }))
      .execute();
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'setting.changed',
        entityType: 'setting',
        entityId: TOLERANCE_SETTING,
        payload: JSON.stringify({ from: before, to: minutes }),
      })
      .execute();
    return before;
  });
  ctx.bus.emit('settings.changed', { keys: [TOLERANCE_SETTING] });
  return { toleranceMinutes: minutes, previousMinutes: previous };
}
