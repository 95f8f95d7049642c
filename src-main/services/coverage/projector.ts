import type { Logger } from '../../api/registry';
import type { AppContext } from '../../app/context';
import { buildCoverageState, type CoverageState, withDeliveries, withStock } from './coverageState';
import { assemblePlantInstance, type PlantInstance, readPlantRows } from './instanceFromPlant';
import { partCurve } from './partCurve';
import { projectionOf } from './planningState';
import { readStock, readSupplies, type SupplyRow } from './plantReads';
import type { CoverageProjection, CoverageWindow, PartCurve } from './types';

// Keeps the coverage projection current. It listens to what changes coverage — trucks (ETA,
// status), stock, orders and the clock — gathers a burst of changes for a moment, re-reads only
// what changed, re-evaluates the plan and tells the open views ('coverage.changed') when the
// projection moved. Reads after a write see it: current() applies what is pending first.

export interface CoverageProjectorOptions {
  /** How long a burst of changes is gathered before the projection is updated. */
  coalesceMs?: number;
  /** How far the plant clock may run before t = 0 is moved to now (a full rebuild). */
  clockShiftMs?: number;
  logger?: Logger;
}

interface PendingChanges {
  rebuild: boolean;
  deliveryIds: Set<string>;
  partIds: Set<string>;
}

const noChanges = (): PendingChanges => ({ rebuild: false, deliveryIds: new Set(), partIds: new Set() });

/** What decides whether the views need the projection again. */
function fingerprint(projection: CoverageWindow): string {
  return JSON.stringify([
    projection.metrics,
    projection.stoppages.map((s) => [s.id, s.start, s.end, s.endingDelivery?.id ?? null]),
    projection.lines.map((line) => line.orders.map((o) => [o.id, o.setupStart, o.end, o.frozen])),
    projection.parts.map((part) => [part.id, part.onHand, part.coverageUntil]),
  ]);
}

const stoppageFingerprint = (projection: CoverageWindow) =>
  JSON.stringify(projection.stoppages.map((s) => [s.id, Math.round(s.durationMinutes)]));

export class CoverageProjector {
  private state: CoverageState | null = null;
  private pending: PendingChanges = { ...noChanges(), rebuild: true };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly offs: (() => void)[] = [];
  private readonly stoppageListeners = new Set<(projection: CoverageWindow) => void>();
  private lastFingerprint = '';
  private lastStoppages = '';
  private closed = false;
  private readonly coalesceMs: number;
  private readonly clockShiftMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: AppContext,
    options: CoverageProjectorOptions = {},
  ) {
    this.coalesceMs = options.coalesceMs ?? 250;
    this.clockShiftMs = options.clockShiftMs ?? 60_000;
    this.logger = options.logger ?? console;
  }

  /** Subscribes to the plant's changes and computes the first projection. */
  start(): void {
    const { bus } = this.ctx;
    this.offs.push(
      bus.on('deliveries.changed', ({ ids }) =>
        this.note((p) => {
          for (const id of ids) p.deliveryIds.add(id);
        }),
      ),
      bus.on('stock.changed', ({ partIds }) =>
        this.note((p) => {
          for (const id of partIds) p.partIds.add(id);
        }),
      ),
      bus.on('orders.changed', () => this.note((p) => (p.rebuild = true))),
      bus.on('plant.reset', () => this.note((p) => (p.rebuild = true))),
      bus.on('clock.tick', ({ now }) => {
        if (this.state && now - this.state.plant.origin >= this.clockShiftMs)
          this.note((p) => (p.rebuild = true));
      }),
    );
    this.schedule(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const off of this.offs.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.work;
  }

  /** The projection with every change noted so far applied. */
  async current(): Promise<CoverageProjection> {
    return projectionOf(await this.snapshot());
  }

  /** The whole working state (instance, evaluation, projection), current. */
  async snapshot(): Promise<CoverageState> {
    if (this.timer || this.hasPending()) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.enqueue();
    }
    await this.work;
    if (!this.state) {
      // The last update failed (and was logged): try once more, in the caller's sight.
      this.pending.rebuild = true;
      this.enqueue();
      await this.work;
    }
    if (!this.state) throw new Error('The coverage projection could not be computed');
    return this.state;
  }

  async partCurve(partId: string): Promise<PartCurve | null> {
    return partCurve(await this.snapshot(), partId);
  }

  /**
   * Takes a plant instance as it is (no database read): the in-memory path the benchmark feeds
   * with a generated plant-scale instance.
   */
  load(plant: PlantInstance): CoverageWindow {
    this.pending = noChanges();
    this.state = buildCoverageState(plant);
    this.announce(this.state.projection);
    return this.state.projection;
  }

  /**
   * A truck's items as they now stand (its ETA, its status): replaces the supplies of the
   * deliveries named, re-evaluates and announces. What 'deliveries.changed' comes down to.
   */
  applySupplyChange(deliveryIds: ReadonlySet<string>, rows: readonly SupplyRow[]): CoverageWindow {
    if (!this.state) throw new Error('The coverage projection has not been computed yet');
    this.state = withDeliveries(this.state, deliveryIds, rows);
    this.announce(this.state.projection);
    return this.state.projection;
  }

  /** Called after each update whose predicted stoppages differ from the previous ones. */
  onStoppagesChanged(listener: (projection: CoverageWindow) => void): () => void {
    this.stoppageListeners.add(listener);
    return () => this.stoppageListeners.delete(listener);
  }

  private hasPending(): boolean {
    const p = this.pending;
    return p.rebuild || p.deliveryIds.size > 0 || p.partIds.size > 0;
  }

  private note(change: (pending: PendingChanges) => void): void {
    if (this.closed) return;
    change(this.pending);
    if (!this.timer) this.schedule(this.coalesceMs);
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.enqueue();
    }, delay);
    this.timer.unref?.();
  }

  private enqueue(): void {
    this.work = this.work
      .then(() => this.update())
      .catch((error: unknown) => {
        this.logger.error('[coverage] updating the projection failed:', error);
      });
  }

  private async update(): Promise<void> {
    if (this.closed || !this.hasPending()) return;
    const changes = this.pending;
    this.pending = noChanges();
    try {
      this.state = await this.apply(changes);
    } catch (error) {
      // Nothing is lost: the next update starts from the database again.
      this.pending.rebuild = true;
      throw error;
    }
    this.announce(this.state.projection);
  }

  private async apply(changes: PendingChanges): Promise<CoverageState> {
    const { db } = this.ctx.database;
    let state = this.state;
    if (changes.rebuild || !state) {
      const rows = await readPlantRows(this.ctx);
      return buildCoverageState(assemblePlantInstance(this.ctx.clock.now(), rows));
    }
    if (changes.deliveryIds.size > 0) {
      const ids = [...changes.deliveryIds];
      state = withDeliveries(state, changes.deliveryIds, await readSupplies(db, ids));
    }
    if (changes.partIds.size > 0) state = withStock(state, await readStock(db, [...changes.partIds]));
    return state;
  }

  private announce(projection: CoverageWindow): void {
    const print = fingerprint(projection);
    if (print === this.lastFingerprint) return;
    this.lastFingerprint = print;
    this.ctx.bus.emit('coverage.changed', {
      at: projection.computedAt,
      stoppages: projection.stoppages.length,
    });
    const stoppages = stoppageFingerprint(projection);
    if (stoppages === this.lastStoppages) return;
    this.lastStoppages = stoppages;
    for (const listener of this.stoppageListeners) {
      try {
        listener(projection);
      } catch (error) {
        this.logger.error('[coverage] a stoppage listener failed:', error);
      }
    }
  }
}
