import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToGrid, stepOnGrid } from '../../src-renderer/src/views/docks/gridSnap';
import { pixelScale } from '../../src-renderer/src/views/docks/pixelScale';

const MINUTE = 60_000;
// A plant-local full hour (Berlin, 06:00 in winter).
const ORIGIN = Date.UTC(2026, 10, 27, 5, 0);

describe('grid snapping', () => {
  it('snaps to the nearest grid line counted from the range start', () => {
    expect(snapToGrid(ORIGIN + 14 * MINUTE, 30, ORIGIN)).toBe(ORIGIN);
    expect(snapToGrid(ORIGIN + 16 * MINUTE, 30, ORIGIN)).toBe(ORIGIN + 30 * MINUTE);
    expect(snapToGrid(ORIGIN + 62 * MINUTE, 5, ORIGIN)).toBe(ORIGIN + 60 * MINUTE);
    expect(snapToGrid(ORIGIN - 20 * MINUTE, 15, ORIGIN)).toBe(ORIGIN - 15 * MINUTE);
  });

  it('always lands on the grid, within half a step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.constantFrom(5, 10, 15, 30, 60),
        (minutes, grid) => {
          const at = ORIGIN + minutes * 17_000;
          const snapped = snapToGrid(at, grid, ORIGIN);
          expect(Math.abs((snapped - ORIGIN) % (grid * MINUTE))).toBe(0);
          expect(Math.abs(snapped - at)).toBeLessThanOrEqual((grid * MINUTE) / 2);
        },
      ),
    );
  });

  it('steps by whole grid steps, first putting an off-grid start on the grid', () => {
    expect(stepOnGrid(ORIGIN + 30 * MINUTE, 1, 30, ORIGIN)).toBe(ORIGIN + 60 * MINUTE);
    expect(stepOnGrid(ORIGIN + 30 * MINUTE, -2, 30, ORIGIN)).toBe(ORIGIN - 30 * MINUTE);
    expect(stepOnGrid(ORIGIN + 7 * MINUTE, 1, 15, ORIGIN)).toBe(ORIGIN + 15 * MINUTE);
  });
});

describe('pixel scale', () => {
  it('maps times to pixels and back', () => {
    const scale = pixelScale(ORIGIN, ORIGIN + 24 * 60 * MINUTE, 1.5);
    expect(scale.width).toBe(2160);
    expect(scale.x(ORIGIN + 60 * MINUTE)).toBe(90);
    expect(scale.at(90)).toBe(ORIGIN + 60 * MINUTE);
  });
});
