/**
 * The plant clock. In a real plant it is wall-clock time; with the demo simulator it runs at a
 * chosen speed from a chosen start, and everything (ETAs, slots, lines) follows it.
 */
export interface PlantClock {
  now(): number;
  /** Simulated minutes per real minute; 1 for a real plant. */
  readonly speed: number;
}

export const wallClock: PlantClock = { now: () => Date.now(), speed: 1 };

/** A clock that starts at `startAt` and runs `speed` times faster than real time. */
export function acceleratedClock(
  startAt: number,
  speed: number,
  realNow: () => number = Date.now,
): PlantClock {
  const realStart = realNow();
  return {
    speed,
    now: () => Math.round(startAt + (realNow() - realStart) * speed),
  };
}
