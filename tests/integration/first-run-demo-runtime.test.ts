import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../src-main/api/registry';
import { createLeitstand, type Leitstand } from '../../src-main/app/createLeitstand';
import { tempFolder } from '../support/tempDatabase';

// The demo chosen on the first-run screen runs at once: its simulator starts and the plant clock
// becomes the demo clock, in the same process; removing the demo stops both again. No restart.

const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
const desk: Caller = { transport: 'internal', access: 'write' };
const SPEED = 60;
const HOUR = 3_600_000;
let folder: ReturnType<typeof tempFolder>;
let app: Leitstand | null = null;
let wall = Date.now();

const start = (options: { empty?: boolean } = {}) =>
  createLeitstand({
    dbPath: folder.file('plant.db'),
    logger: silent,
    partnerNotices: false,
    speed: SPEED,
    wallNow: () => wall,
    recommender: { mode: 'inline', autoRecompute: false },
    ...options,
  });

/** Waits until the simulator has written at least one step (the demo clock setting). */
async function firstStep(leitstand: Leitstand): Promise<void> {
  await new Promise<void>((resolve) => {
    const off = leitstand.bus.on('clock.tick', () => {
      off();
      resolve();
    });
  });
}

beforeEach(() => {
  folder = tempFolder();
  wall = Date.now();
  silent.error.mockClear();
});
afterEach(async () => {
  await app?.close();
  app = null;
  folder.remove();
});

describe('the demo from the first-run screen', () => {
  it('starts its simulator and demo clock at once and stops both when removed', async () => {
    app = await start({ empty: true });
    expect(app.simulator).toBeNull();
    expect(app.ctx.clock.speed).toBe(1);

    const ticked = firstStep(app);
    const loaded = await app.call('plant.loadDemo', {}, desk);
    expect(loaded).toEqual({ ok: true, value: { loaded: true } });
    await app.demoRuntime?.settled();
    expect(app.simulator?.isRunning).toBe(true);
    expect(app.ctx.simulator).toBe(app.simulator);
    expect(app.ctx.clock.speed).toBe(SPEED);
    // One real hour is sixty plant hours on the demo clock.
    const before = app.ctx.clock.now();
    wall += HOUR;
    expect(app.ctx.clock.now() - before).toBe(SPEED * HOUR);
    await ticked;

    const simulator = app.simulator;
    const removed = await app.call('plant.removeDemo', { confirm: true }, desk);
    expect(removed.ok).toBe(true);
    await app.demoRuntime?.settled();
    expect(app.simulator).toBeNull();
    expect(simulator?.isRunning).toBe(false);
    expect(app.ctx.simulator).toBeUndefined();
    // Wall time again: speed 1 and the real now, not the sixty hours the demo ran ahead.
    expect(app.ctx.clock.speed).toBe(1);
    expect(Math.abs(app.ctx.clock.now() - Date.now())).toBeLessThan(60_000);
    expect(silent.error).not.toHaveBeenCalled();
  });

  it('keeps the demo clock a service took hold of at start in step with the swap', async () => {
    app = await start({ empty: true });
    const heldClock = app.ctx.clock;
    await app.call('plant.loadDemo', {}, desk);
    await app.demoRuntime?.settled();
    expect(heldClock.speed).toBe(SPEED);
    await app.call('plant.removeDemo', { confirm: true }, desk);
    await app.demoRuntime?.settled();
    expect(heldClock.speed).toBe(1);
  });

  it('runs the simulator of a demo found at start, and only one', async () => {
    app = await start();
    expect(app.simulator?.isRunning).toBe(true);
    const first = app.simulator;
    // A settings change of the demo plant announces plant.reset too: the same simulator runs on.
    const changed = await app.call('settings.update', { frozenWindowMinutes: 90 }, desk);
    expect(changed.ok).toBe(true);
    await app.demoRuntime?.settled();
    expect(app.simulator).toBe(first);
    expect(app.ctx.clock.speed).toBe(SPEED);
  });
});
