import type { AppContext } from '../app/context';
import { imposeDisruption, runPlant } from './engine/runPlant';
import { type DisruptionKind, emptyJournal } from './engine/types';
import { generateCatalog } from './generateCatalog';
import type { DemoCatalog } from './model';
import { extendHorizon } from './rollingHorizon';
import { DEMO_CLOCK, DEMO_LINES, demoClockSchema, readSetting, writeSetting } from './settings';
import { loadModel, loadPlant, loadTruck, readSite } from './simulatorState';
import { logEvent, type StepChanges, writeStep, writeTruck } from './simulatorWrite';

// The demo plant's simulator. Each step takes the plant from the simulated time it reached to
// `now` in one transaction — trucks leave, drive, wait, arrive and unload, lines produce and stop
// for missing parts, new days are planned — and only after the commit tells the views what
// changed. A step depends only on the database and `now` (all chance is drawn from the seed), so
// tests drive it with advanceTo at chosen times, and start() drives it from the plant clock.

export type { DisruptionKind };

export interface StepSummary {
  /** Simulated time before and after the step (equal when there was nothing to do). */
  from: number;
  to: number;
  statusChanges: number;
  positions: number;
  unitsProduced: number;
  stoppages: number;
  daysPlanned: number;
  deliveryIds: string[];
  /** Real time the step took. */
  elapsedMs: number;
}

const DEFAULT_TICK_MS = 1000;
const LIVE_FIX_GAP_MS = 60_000;

export class Simulator {
  private readonly tickMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private catalog: DemoCatalog | null = null;
  private readonly logger: Pick<Console, 'error'>;

  constructor(
    private readonly ctx: AppContext,
    options: { tickMs?: number; logger?: Pick<Console, 'error'> } = {},
  ) {
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.logger = options.logger ?? console;
  }

  /** Steps to the plant clock's time every tickMs real milliseconds; steps never overlap. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Whether start() drives the simulator from the plant clock. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Stops ticking and waits for a step that is under way. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  advanceTo(now: number): Promise<StepSummary> {
    return this.serialized(() => this.step(now));
  }

  /** Forces a disruption on an in-transit truck from the simulated now, for `minutes`. */
  disrupt(deliveryId: string, kind: DisruptionKind, minutes: number): Promise<void> {
    return this.serialized(() => this.forceDisruption(deliveryId, kind, minutes));
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const started = performance.now();
      this.advanceTo(this.ctx.clock.now())
        .catch((error: unknown) => this.logger.error('[simulator] step failed:', error))
        .finally(() => {
          if (this.running) this.schedule(Math.max(0, this.tickMs - (performance.now() - started)));
        });
    }, delay);
    // The simulator alone must not keep a Node process (a test, the server) alive.
    this.timer.unref?.();
  }

  private serialized<T>(work: () => T): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private catalogFor(seed: number): DemoCatalog {
    if (this.catalog?.seed !== seed) this.catalog = generateCatalog(seed);
    return this.catalog;
  }

  private simulatedNow(): number {
    const { sqlite } = this.ctx.database;
    return readSetting(sqlite, DEMO_CLOCK, demoClockSchema)?.simulatedAt ?? readSite(sqlite).created_at;
  }

  private step(to: number): StepSummary {
    const started = performance.now();
    const { sqlite } = this.ctx.database;
    const outcome = sqlite.transaction(() => {
      const from = this.simulatedNow();
      if (to <= from) return null;
      const site = readSite(sqlite);
      const horizon = extendHorizon(sqlite, this.catalogFor(site.demo_seed ?? 0), { from, to });
      const loaded = loadPlant(sqlite, from, to);
      const journal = emptyJournal();
      runPlant(loaded.model, loaded.state, from, to, { fixGapMs: LIVE_FIX_GAP_MS }, journal);
      const changes = writeStep(sqlite, loaded, journal, to);
      writeSetting(sqlite, DEMO_LINES, { lines: loaded.state.lines }, to);
      writeSetting(sqlite, DEMO_CLOCK, { simulatedAt: to }, to);
      return { from, journal, horizon, changes };
    })();
    if (!outcome) {
      const at = this.simulatedNow();
      return emptySummary(at, performance.now() - started);
    }
    const { from, journal, horizon, changes } = outcome;
    this.emitChanges(to, changes, horizon);
    return {
      from,
      to,
      statusChanges: journal.statusChanges.length,
      positions: changes.positions,
      unitsProduced: journal.unitsProduced,
      stoppages: journal.lineEvents.filter((event) => event.kind === 'line.stopped').length,
      daysPlanned: horizon.days,
      deliveryIds: changes.deliveryIds,
      elapsedMs: performance.now() - started,
    };
  }

  private emitChanges(
    to: number,
    changes: StepChanges,
    horizon: { days: number; deliveryIds: string[] },
  ): void {
    const { bus } = this.ctx;
    const deliveryIds = [...new Set([...changes.deliveryIds, ...horizon.deliveryIds])];
    if (deliveryIds.length > 0) bus.emit('deliveries.changed', { ids: deliveryIds });
    if (changes.positions > 0) bus.emit('positions.moved', { count: changes.positions, at: to });
    if (changes.partIds.length > 0) bus.emit('stock.changed', { partIds: changes.partIds });
    const lineIds = horizon.days > 0 ? this.allLineIds() : changes.lineIds;
    if (lineIds.length > 0) bus.emit('orders.changed', { lineIds });
    bus.emit('clock.tick', { now: to, speed: this.ctx.clock.speed });
  }

  private allLineIds(): string[] {
    const rows = this.ctx.database.sqlite
      .prepare('SELECT id FROM production_line ORDER BY sort_order, id')
      .all();
    return (rows as { id: string }[]).map((row) => row.id);
  }

  private forceDisruption(deliveryId: string, kind: DisruptionKind, minutes: number): void {
    const { sqlite } = this.ctx.database;
    sqlite.transaction(() => {
      const truck = loadTruck(sqlite, deliveryId);
      if (!truck) throw new Error(`There is no delivery ${deliveryId} with a route`);
      const at = this.simulatedNow();
      imposeDisruption(loadModel(sqlite), truck, kind, at, minutes);
      writeTruck(sqlite, truck, at);
      logEvent(sqlite, at, 'delivery.disrupted', 'delivery', deliveryId, { kind, minutes });
    })();
    this.ctx.bus.emit('deliveries.changed', { ids: [deliveryId] });
  }
}

function emptySummary(at: number, elapsedMs: number): StepSummary {
  return {
    from: at,
    to: at,
    statusChanges: 0,
    positions: 0,
    unitsProduced: 0,
    stoppages: 0,
    daysPlanned: 0,
    deliveryIds: [],
    elapsedMs,
  };
}
