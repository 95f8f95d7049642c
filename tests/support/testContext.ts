import { EventBus, type EventMap, type EventName } from '../../src-main/api/events';
import type { PlantClock } from '../../src-main/app/clock';
import type { AppContext } from '../../src-main/app/context';
import { openDatabase } from '../../src-main/db/connection';
import { tempFolder } from './tempDatabase';

/** A clock tests move by hand. */
export function manualClock(start: number): PlantClock & { set(at: number): void } {
  let now = start;
  return { speed: 1, now: () => now, set: (at) => (now = at) };
}

/** A real, migrated database in a temp folder, an event bus that records, and a manual clock. */
export async function testContext(start = Date.UTC(2026, 10, 27, 8, 0)) {
  const folder = tempFolder();
  const database = await openDatabase({ path: folder.file('plant.db') });
  const bus = new EventBus();
  const events: { event: EventName; payload: EventMap[EventName] }[] = [];
  bus.onAny((event, payload) => events.push({ event, payload }));
  const clock = manualClock(start);
  const ctx: AppContext = { database, bus, clock };
  return {
    ctx,
    clock,
    events,
    folder,
    async dispose() {
      await database.close();
      folder.remove();
    },
  };
}
