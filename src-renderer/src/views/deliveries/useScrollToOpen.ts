import { type RefObject, useEffect, useRef } from 'react';
import type { DeliveryRow } from './types';

const DONE: ReadonlySet<string> = new Set(['unloaded', 'departed', 'cancelled']);

/** Finished with: unloaded, gone or cancelled. Everything else still needs watching. */
export function isDone(status: string): boolean {
  return DONE.has(status);
}
const CONTEXT_ROWS = 2;

/**
 * A day's list starts at midnight, but the control room cares about what is still open: once per
 * day shown, scroll so that the first open delivery sits near the top, with a little history above.
 */
export function useScrollToOpen(
  container: RefObject<HTMLElement | null>,
  rows: readonly DeliveryRow[],
  day: string,
) {
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (rows.length === 0 || scrolledFor.current === day) return;
    scrolledFor.current = day;
    const index = rows.findIndex((row) => !isDone(row.status));
    const target = rows[Math.max(0, index - CONTEXT_ROWS)];
    if (index <= CONTEXT_ROWS || !target) return;
    const element = container.current?.querySelector(`[data-delivery-id="${CSS.escape(target.id)}"]`);
    const wrap = container.current?.querySelector('.table-wrap');
    if (element instanceof HTMLElement && wrap instanceof HTMLElement) {
      // Only the table scrolls; scrollIntoView would also move the page around it.
      const header = wrap.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      wrap.scrollTop = element.offsetTop - header;
    }
  }, [container, rows, day]);
}
