import type { Logger } from '../api/registry';
import { resumeDemoClock } from '../demo/clockState';
import { plantIsDemo } from '../demo/load';
import { Simulator } from '../demo/simulator';
import { type PlantClock, wallClock } from './clock';
import type { AppContext } from './context';

// The demo's running parts follow the plant without a restart: when the first-run screen loads the
// demo, its simulator starts and the plant clock becomes the demo clock; when the demo is removed,
// the simulator stops and the clock is wall time again. Both announce themselves with plant.reset,
// so this follows that event and asks the database what the plant now is.

/**
 * The plant clock every service holds (ctx.clock): one object whose time source can be swapped, so
 * a service that kept a reference to it follows the swap as well.
 */
export class SwitchableClock implements PlantClock {
  constructor(private source: PlantClock) {}

  now(): number {
    return this.source.now();
  }

  get speed(): number {
    return this.source.speed;
  }

  get isDemoClock(): boolean {
    return this.source !== wallClock;
  }

  use(source: PlantClock): void {
    this.source = source;
  }
}

export interface DemoRuntimeOptions {
  /** Simulated minutes per real minute of the demo clock. */
  speed: number;
  /** Run the simulator for a demo plant (false: the clock only, for tests and tools). */
  simulate: boolean;
  wallNow: () => number;
  logger: Logger;
}

export class DemoRuntime {
  private current: Simulator | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly clock: SwitchableClock,
    private readonly options: DemoRuntimeOptions,
  ) {
    this.unsubscribe = ctx.bus.on('plant.reset', () => {
      void this.follow();
    });
  }

  /** The running simulator, or null when the plant is not the demo (or simulation is off). */
  get simulator(): Simulator | null {
    return this.current;
  }

  /** Brings simulator and clock in line with the plant in the database; calls never overlap. */
  follow(): Promise<void> {
    const next = this.queue.then(() => this.reconcile());
    this.queue = next.catch((error: unknown) =>
      this.options.logger.error('[demo] could not follow the plant:', error),
    );
    return this.queue;
  }

  /** Resolves when every change announced so far has been followed (tests wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.queue;
    await this.stopSimulator();
  }

  private async reconcile(): Promise<void> {
    if (this.closed) return;
    const demo = await plantIsDemo(this.ctx.database);
    if (demo && !this.clock.isDemoClock) {
      this.clock.use(await resumeDemoClock(this.ctx.database, this.options.speed, this.options.wallNow));
      this.options.logger.info(`[demo] the demo plant runs, speed ×${this.options.speed}`);
    }
    if (demo && !this.current && this.options.simulate) {
      const simulator = new Simulator(this.ctx, { logger: this.options.logger });
      this.current = simulator;
      this.ctx.simulator = simulator;
      simulator.start();
    }
    if (!demo) {
      await this.stopSimulator();
      if (this.clock.isDemoClock) {
        this.clock.use(wallClock);
        this.options.logger.info('[demo] the plant is not the demo: the clock is wall time');
      }
    }
  }

  private async stopSimulator(): Promise<void> {
    const simulator = this.current;
    this.current = null;
    if (this.ctx.simulator === simulator) delete this.ctx.simulator;
    await simulator?.stop();
  }
}
