import { EventEmitter } from 'node:events';

/** Change events, pushed to every open view. Payloads stay small: views refetch what they show. */
export interface EventMap {
  'clock.tick': { now: number; speed: number };
  'deliveries.changed': { ids: string[] };
  'positions.moved': { count: number; at: number };
  'stock.changed': { partIds: string[] };
  'orders.changed': { lineIds: string[] };
  'alerts.changed': { open: number };
  /** The coverage projection was recomputed: `at` is its t = 0, `stoppages` how many it predicts. */
  'coverage.changed': { at: number; stoppages: number };
  /** Proposals were computed, superseded or decided. */
  'recommendations.changed': { ids: string[] };
  /** A partner's notices or channels changed (queued, sent, failed, retried). */
  'notices.changed': { partnerIds: string[] };
  /** Plant settings were changed (e.g. the scorecard tolerance): views showing them refetch. */
  'settings.changed': { keys: string[] };
  'plant.reset': { demo: boolean };
  /** A shift's report was written into the automatic-export folder (or failed to be). */
  'reports.exported': { day: string; shiftId: string; ok: boolean };
  /** Asks the open views to show a view (menu shortcuts in the desktop app). */
  'ui.navigate': { view: ViewName };
  /** A plant import's commit advanced (phase write/remove/done): the import dialog's progress bar. */
  'import.progress': {
    jobId: string;
    phase: 'validate' | 'write' | 'remove' | 'done';
    done: number;
    total: number;
  };
}

export type ViewName =
  | 'map'
  | 'docks'
  | 'lines'
  | 'deliveries'
  | 'partners'
  | 'reports'
  | 'wall'
  | 'settings';

export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = [
  'clock.tick',
  'deliveries.changed',
  'positions.moved',
  'stock.changed',
  'orders.changed',
  'alerts.changed',
  'coverage.changed',
  'recommendations.changed',
  'notices.changed',
  'settings.changed',
  'plant.reset',
  'reports.exported',
  'ui.navigate',
  'import.progress',
];

export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;

/** A typed in-process bus: services emit after commit, transports forward to views. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open view (IPC window, SSE stream) listens to every event.
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  /** Listen to all events at once (transports). */
  onAny(listener: <E extends EventName>(event: E, payload: EventMap[E]) => void): () => void {
    const offs = EVENT_NAMES.map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => {
      for (const off of offs) off();
    };
  }
}
