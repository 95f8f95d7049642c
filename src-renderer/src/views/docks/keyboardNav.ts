import type { DockLayout, LayoutSlot } from './dockLayout';

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The slot the arrow keys lead to from `fromId`: left/right to the previous/next slot of the same
 * door, up/down to the nearest-starting slot of the next door above/below that has any, Home/End
 * to the first/last slot of the door. Null when there is none that way.
 */
export function neighbourSlot<D, S extends LayoutSlot>(
  layout: DockLayout<D, S>,
  fromId: string,
  key: NavKey,
): S | null {
  const at = layout.where.get(fromId);
  if (!at) return null;
  const row = layout.rows[at.row];
  if (!row) return null;
  const index = row.bars.findIndex((bar) => bar.slot.id === fromId);
  const current = row.bars[index];
  if (!current) return null;
  if (key === 'ArrowLeft') return row.bars[index - 1]?.slot ?? null;
  if (key === 'ArrowRight') return row.bars[index + 1]?.slot ?? null;
  if (key === 'Home') return row.bars[0]?.slot ?? null;
  if (key === 'End') return row.bars[row.bars.length - 1]?.slot ?? null;
  const step = key === 'ArrowUp' ? -1 : 1;
  for (let r = at.row + step; r >= 0 && r < layout.rows.length; r += step) {
    const bars = layout.rows[r]?.bars ?? [];
    if (bars.length === 0) continue;
    let best = bars[0]!;
    for (const bar of bars) {
      if (
        Math.abs(bar.slot.slotStart - current.slot.slotStart) <
        Math.abs(best.slot.slotStart - current.slot.slotStart)
      )
        best = bar;
    }
    return best.slot;
  }
  return null;
}
