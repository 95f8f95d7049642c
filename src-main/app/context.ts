import type { EventBus } from '../api/events';
import type { PlantDatabase } from '../db/connection';
import type { DisruptionKind } from '../demo/engine/types';
import type { PlantClock } from './clock';

/** The running demo simulator, as procedures see it: presenters stage a disruption through it. */
export interface DemoSimulatorHandle {
  readonly isRunning: boolean;
  disrupt(deliveryId: string, kind: DisruptionKind, minutes: number): Promise<void>;
}

/** What every procedure and service gets: the database, the event bus and the plant clock. */
export interface AppContext {
  database: PlantDatabase;
  bus: EventBus;
  clock: PlantClock;
  /** The demo simulator when the plant is the demo and it runs; absent otherwise. */
  simulator?: DemoSimulatorHandle;
}
