/** Maps times onto a range as percentages, so bars scale with the element without measuring it. */
export interface TimeScale {
  from: number;
  to: number;
  /** Position of `at` in percent of the width; may lie outside 0–100. */
  x(at: number): number;
  /** Width of [start, end) in percent of the width. */
  width(start: number, end: number): number;
}

export function timeScale(from: number, to: number): TimeScale {
  const span = Math.max(1, to - from);
  return {
    from,
    to,
    x: (at) => ((at - from) / span) * 100,
    width: (start, end) => (Math.max(0, end - start) / span) * 100,
  };
}

/** Clamps a [start, end) window to the scale; null when it lies wholly outside. */
export function clampToScale(
  scale: TimeScale,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const clampedStart = Math.max(start, scale.from);
  const clampedEnd = Math.min(end, scale.to);
  return clampedEnd > clampedStart ? { start: clampedStart, end: clampedEnd } : null;
}
