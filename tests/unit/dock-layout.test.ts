import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockLayout, rowAt } from '../../src-renderer/src/views/docks/dockLayout';
import { neighbourSlot } from '../../src-renderer/src/views/docks/keyboardNav';
import { pixelScale } from '../../src-renderer/src/views/docks/pixelScale';
import { barsBetween, virtualWindow } from '../../src-renderer/src/views/docks/virtualWindow';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 27, 0, 0);
const METRICS = { laneHeight: 40, rowPadding: 6 };
const doors = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `door-${i}` }));
const slot = (id: string, doorId: string | null, startMin: number, minutes = 30) => ({
  id,
  doorId,
  slotStart: T0 + startMin * MINUTE,
  slotEnd: T0 + (startMin + minutes) * MINUTE,
});

describe('dock layout', () => {
  it('stacks overlapping slots of a door into lanes and grows the row', () => {
    const layout = dockLayout(
      doors(2),
      [slot('a', 'door-0', 0), slot('b', 'door-0', 15), slot('c', 'door-0', 30), slot('d', 'door-1', 0)],
      METRICS,
    );
    expect(layout.rows[0]!.lanes).toBe(2);
    expect(layout.rows[0]!.height).toBe(2 * 40 + 12);
    expect(layout.rows[1]!.top).toBe(92);
    expect(layout.where.get('b')).toEqual({ row: 0, lane: 1 });
    expect(layout.where.get('c')).toEqual({ row: 0, lane: 0 });
    expect(layout.height).toBe(92 + 52);
  });

  it('leaves slots without a door out, and keeps doors without slots as rows', () => {
    const layout = dockLayout(doors(3), [slot('a', null, 0), slot('b', 'door-2', 0)], METRICS);
    expect(layout.rows.map((row) => row.bars.length)).toEqual([0, 0, 1]);
    expect(layout.where.has('a')).toBe(false);
  });

  it('finds the row at a height', () => {
    const layout = dockLayout(doors(3), [], METRICS);
    expect(rowAt(layout, 0)).toBe(0);
    expect(rowAt(layout, 51)).toBe(0);
    expect(rowAt(layout, 52)).toBe(1);
    expect(rowAt(layout, 10_000)).toBe(2);
    expect(rowAt(layout, -5)).toBe(0);
  });
});

describe('virtual window', () => {
  it('holds exactly the bars that meet the time span, however long the slots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2000 }),
            fc.integer({ min: 5, max: 300 }),
          ),
          {
            maxLength: 80,
          },
        ),
        fc.integer({ min: -100, max: 2400 }),
        fc.integer({ min: 1, max: 600 }),
        (specs, fromMin, spanMin) => {
          const slots = specs.map(([door, start, minutes], i) =>
            slot(`s${i}`, `door-${door}`, start, minutes),
          );
          const layout = dockLayout(doors(3), slots, METRICS);
          const from = T0 + fromMin * MINUTE;
          const to = from + spanMin * MINUTE;
          for (const row of layout.rows) {
            const expected = row.bars
              .filter((bar) => bar.slot.slotStart < to && bar.slot.slotEnd > from)
              .map((bar) => bar.slot.id)
              .sort();
            expect(
              barsBetween(row, from, to)
                .map((bar) => bar.slot.id)
                .sort(),
            ).toEqual(expected);
          }
        },
      ),
    );
  });

  it('keeps the DOM within twice the visible bars on a busy week (60 doors, a slot every 2 h)', () => {
    const slots = [];
    for (let door = 0; door < 60; door += 1)
      for (let start = (door % 4) * 30; start < 7 * 1440; start += 120)
        slots.push(slot(`${door}-${start}`, `door-${door}`, start));
    const layout = dockLayout(doors(60), slots, METRICS);
    const scale = pixelScale(T0, T0 + 7 * 1440 * MINUTE, 0.7);
    for (const scrollLeft of [0, 2000, 5000]) {
      const viewport = { scrollTop: 400, scrollLeft, width: 800, height: 600 };
      const visible = virtualWindow(layout, scale, viewport, { overscanRows: 0, overscanShare: 0 });
      const rendered = virtualWindow(layout, scale, viewport, { overscanRows: 1, overscanShare: 0.1 });
      const count = (w: typeof visible) => w.rows.reduce((sum, row) => sum + row.bars.length, 0);
      expect(count(visible)).toBeGreaterThan(40);
      expect(count(rendered)).toBeGreaterThanOrEqual(count(visible));
      expect(count(rendered) / count(visible)).toBeLessThanOrEqual(2);
    }
  });

  it('renders only the rows in view plus the overscan', () => {
    const layout = dockLayout(doors(60), [], METRICS);
    const scale = pixelScale(T0, T0 + 1440 * MINUTE, 1);
    const view = virtualWindow(
      layout,
      scale,
      { scrollTop: 520, scrollLeft: 0, width: 500, height: 260 },
      {
        overscanRows: 1,
        overscanShare: 0,
      },
    );
    // Rows are 52 px: 520 is row 10, 780 is row 15.
    expect(view.rows.map((row) => row.row.index)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
  });
});

describe('keyboard navigation between slots', () => {
  const layout = dockLayout(
    doors(4),
    [
      slot('a', 'door-0', 0),
      slot('b', 'door-0', 60),
      slot('c', 'door-0', 120),
      slot('d', 'door-2', 50),
      slot('e', 'door-2', 200),
    ],
    METRICS,
  );
  it('goes left and right within a door, Home and End to its ends', () => {
    expect(neighbourSlot(layout, 'b', 'ArrowRight')?.id).toBe('c');
    expect(neighbourSlot(layout, 'b', 'ArrowLeft')?.id).toBe('a');
    expect(neighbourSlot(layout, 'a', 'ArrowLeft')).toBeNull();
    expect(neighbourSlot(layout, 'b', 'End')?.id).toBe('c');
    expect(neighbourSlot(layout, 'c', 'Home')?.id).toBe('a');
  });
  it('goes up and down to the nearest slot of the next door that has any', () => {
    expect(neighbourSlot(layout, 'b', 'ArrowDown')?.id).toBe('d');
    expect(neighbourSlot(layout, 'e', 'ArrowUp')?.id).toBe('c');
    expect(neighbourSlot(layout, 'd', 'ArrowDown')).toBeNull();
  });
});
