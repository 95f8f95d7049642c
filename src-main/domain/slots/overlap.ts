// Slot windows are half-open [start, end): a slot ending at 10:00 and one starting at 10:00 share
// the door without overlapping.

export interface TimeWindow {
  start: number;
  end: number;
}

export const windowsOverlap = (a: TimeWindow, b: TimeWindow) => a.start < b.end && b.start < a.end;

/** The first of `booked` that overlaps `window`, or null. */
export function firstOverlap<W extends TimeWindow>(window: TimeWindow, booked: readonly W[]): W | null {
  return booked.find((other) => windowsOverlap(window, other)) ?? null;
}

/**
 * Every pair of overlapping windows in one door's list, as index pairs: a sweep over the windows
 * by start, so a busy door of a week (a few hundred slots) costs next to nothing.
 */
export function overlappingPairs(windows: readonly TimeWindow[]): [number, number][] {
  const order = windows.map((_, index) => index).sort((a, b) => windows[a]!.start - windows[b]!.start);
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (const index of order) {
    const window = windows[index]!;
    for (let k = open.length - 1; k >= 0; k--) {
      if (windows[open[k]!]!.end <= window.start) open.splice(k, 1);
    }
    for (const other of open) pairs.push([other, index]);
    open.push(index);
  }
  return pairs;
}
