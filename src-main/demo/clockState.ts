import { acceleratedClock, type PlantClock } from '../app/clock';
import type { PlantDatabase } from '../db/connection';
import { DEMO_CLOCK, demoClockSchema, readSetting } from './settings';

// The demo clock survives restarts: it resumes from the simulated time the plant reached (the
// setting 'demo.clock' the simulator writes each step), so closing the app for a night does not
// make the demo plant skip a night. On the very first start that is the plant's generation time.

/** The simulated time the demo plant has reached, or null for a database without a plant. */
export async function demoClockTime(database: PlantDatabase): Promise<number | null> {
  const saved = readSetting(database.sqlite, DEMO_CLOCK, demoClockSchema);
  if (saved) return saved.simulatedAt;
  const site = await database.db
    .selectFrom('site')
    .select('createdAt')
    .orderBy('isDemo', 'desc')
    .executeTakeFirst();
  return site?.createdAt ?? null;
}

export async function resumeDemoClock(
  database: PlantDatabase,
  speed: number,
  wallNow: () => number,
): Promise<PlantClock> {
  const startAt = (await demoClockTime(database)) ?? wallNow();
  return acceleratedClock(startAt, speed, wallNow);
}
