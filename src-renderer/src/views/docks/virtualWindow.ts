import { type DockLayout, type LayoutRow, type LayoutSlot, type PlacedBar, rowAt } from './dockLayout';

// Which rows and bars are in the DOM. Both axes are windowed: rows that meet the viewport (plus
// `overscanRows` either side) and, within them, bars that meet the visible time span (plus a
// fraction of it either side). The overscan is small on purpose: the DOM is to hold at most twice
// the bars one can see, and scrolling re-windows on every frame anyway.

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  /** The visible height of the rows (without the sticky axis). */
  height: number;
  /** The visible width of the tracks (without the sticky door column). */
  width: number;
}

export interface WindowOptions {
  overscanRows: number;
  /** Extra time either side, as a share of the visible time span. */
  overscanShare: number;
}

export interface VisibleRow<D, S> {
  row: LayoutRow<D, S>;
  bars: PlacedBar<S>[];
}

export interface VirtualWindow<D, S> {
  rows: VisibleRow<D, S>[];
  /** The time span the bars were chosen for (visible span plus overscan). */
  from: number;
  to: number;
}

/** The first bar whose start is at or after `at` (bars are by start). */
function firstStartingAt<S extends LayoutSlot>(bars: readonly PlacedBar<S>[], at: number): number {
  let low = 0;
  let high = bars.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((bars[mid]?.slot.slotStart ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The bars of a row that meet [from, to). */
export function barsBetween<D, S extends LayoutSlot>(
  row: LayoutRow<D, S>,
  from: number,
  to: number,
): PlacedBar<S>[] {
  const found: PlacedBar<S>[] = [];
  for (let i = firstStartingAt(row.bars, from - row.longestMs); i < row.bars.length; i += 1) {
    const bar = row.bars[i]!;
    if (bar.slot.slotStart >= to) break;
    if (bar.slot.slotEnd > from) found.push(bar);
  }
  return found;
}

export function virtualWindow<D, S extends LayoutSlot>(
  layout: DockLayout<D, S>,
  scale: { at(x: number): number },
  viewport: Viewport,
  options: WindowOptions,
): VirtualWindow<D, S> {
  if (layout.rows.length === 0) return { rows: [], from: 0, to: 0 };
  const visibleFrom = scale.at(viewport.scrollLeft);
  const visibleTo = scale.at(viewport.scrollLeft + viewport.width);
  const extra = (visibleTo - visibleFrom) * options.overscanShare;
  const from = visibleFrom - extra;
  const to = visibleTo + extra;
  const first = Math.max(0, rowAt(layout, viewport.scrollTop) - options.overscanRows);
  const last = Math.min(
    layout.rows.length - 1,
    rowAt(layout, viewport.scrollTop + viewport.height) + options.overscanRows,
  );
  const rows: VisibleRow<D, S>[] = [];
  for (let index = first; index <= last; index += 1) {
    const row = layout.rows[index]!;
    rows.push({ row, bars: barsBetween(row, from, to) });
  }
  return { rows, from, to };
}
