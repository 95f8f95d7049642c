/**
 * Maps times onto pixels of the timeline's canvas. The virtualised timeline needs real pixels
 * (not the percentages of `timeScale`): it decides from the scroll position which bars to draw.
 */
export interface PixelScale {
  from: number;
  to: number;
  pxPerMinute: number;
  /** The canvas width of the whole range, in px. */
  width: number;
  x(at: number): number;
  /** The moment at pixel `x`. */
  at(x: number): number;
}

const MINUTE = 60_000;

export function pixelScale(from: number, to: number, pxPerMinute: number): PixelScale {
  return {
    from,
    to,
    pxPerMinute,
    width: Math.ceil(((to - from) / MINUTE) * pxPerMinute),
    x: (at) => ((at - from) / MINUTE) * pxPerMinute,
    at: (x) => from + (x / pxPerMinute) * MINUTE,
  };
}
