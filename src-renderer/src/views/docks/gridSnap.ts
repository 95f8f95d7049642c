const MINUTE = 60_000;

/**
 * Snaps a moment to the slot grid. The grid counts from `origin`, a plant-local full hour (every
 * timeline range starts on one), so a 30-minute grid lands on :00 and :30 in plant time whatever
 * the zone's offset.
 */
export function snapToGrid(at: number, gridMinutes: number, origin: number): number {
  const step = gridMinutes * MINUTE;
  return origin + Math.round((at - origin) / step) * step;
}

/** Moves a slot start by whole grid steps, landing on the grid even from an off-grid start. */
export function stepOnGrid(at: number, steps: number, gridMinutes: number, origin: number): number {
  return snapToGrid(at, gridMinutes, origin) + steps * gridMinutes * MINUTE;
}
