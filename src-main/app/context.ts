import type { EventBus } from '../api/events';
import type { PlantDatabase } from '../db/connection';
import type { PlantClock } from './clock';

/** What every procedure and service gets: the database, the event bus and the plant clock. */
export interface AppContext {
  database: PlantDatabase;
  bus: EventBus;
  clock: PlantClock;
}
