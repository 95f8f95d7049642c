import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type DockLayout, rowAt } from './dockLayout';
import type { DockDoor, DockSlot } from './dockTypes';
import { snapToGrid, stepOnGrid } from './gridSnap';
import type { MoveCheck, MoveTarget } from './moveValidation';
import type { PixelScale } from './pixelScale';

/** Where a slot in the hand would land, and whether it may. */
export interface Ghost extends MoveTarget {
  slot: DockSlot;
  check: MoveCheck;
  via: 'pointer' | 'keyboard';
}

export interface SlotMoveOptions {
  layout: DockLayout<DockDoor, DockSlot>;
  scale: PixelScale;
  gridMinutes: number;
  /** The door column's width: the tracks start there. */
  doorColumn: number;
  body: RefObject<HTMLDivElement | null>;
  scroller: RefObject<HTMLDivElement | null>;
  check(slot: DockSlot, target: MoveTarget): MoveCheck;
  commit(slot: DockSlot, target: MoveTarget): void;
  select(slot: DockSlot): void;
  /** After a keyboard move the bar (at its new or old place) takes the focus back. */
  returnFocus(slot: DockSlot): void;
  /** Tells screen-reader users where a keyboard-carried slot is. */
  announce(ghost: Ghost | null, event: 'pick' | 'move' | 'cancel'): void;
}

/** A pointer must travel this far before a press becomes a drag; less is a click. */
const DRAG_THRESHOLD_PX = 5;
/** Near the scroller's edge a drag scrolls the timeline along. */
const EDGE_PX = 36;
const EDGE_STEP_PX = 24;

/**
 * Moving a slot by mouse (drag with a live ghost, snapped to the grid) or by keyboard (pick up,
 * arrow keys by one grid step or door, drop). The options are read through a ref, so the
 * handlers stay stable and memoised bars do not re-render while the timeline scrolls.
 */
export function useSlotMove(options: SlotMoveOptions) {
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const opts = useRef(options);
  opts.current = options;
  const ghostRef = useRef<Ghost | null>(null);
  const cleanup = useRef<(() => void) | null>(null);

  const show = useCallback((next: Ghost | null) => {
    const previous = ghostRef.current;
    if (
      next &&
      previous &&
      next.slot.id === previous.slot.id &&
      next.doorId === previous.doorId &&
      next.slotStart === previous.slotStart
    )
      return;
    ghostRef.current = next;
    setGhost(next);
  }, []);

  const target = useCallback(
    (slot: DockSlot, doorId: string, slotStart: number, via: Ghost['via']): Ghost => {
      const check = opts.current.check(slot, { doorId, slotStart });
      return { slot, doorId, slotStart, check, via };
    },
    [],
  );

  useEffect(() => () => cleanup.current?.(), []);

  const pointerDown = useCallback(
    (slot: DockSlot, event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0 || cleanup.current) return;
      const startX = event.clientX;
      const startY = event.clientY;
      const grabX = event.clientX - event.currentTarget.getBoundingClientRect().left;
      let dragging = false;

      const place = (clientX: number, clientY: number) => {
        const { body, scale, layout, gridMinutes, doorColumn } = opts.current;
        const rect = body.current?.getBoundingClientRect();
        if (!rect) return;
        const at = scale.at(clientX - rect.left - doorColumn - grabX);
        const row = layout.rows[rowAt(layout, clientY - rect.top)];
        if (!row) return;
        show(target(slot, row.door.id, snapToGrid(at, gridMinutes, scale.from), 'pointer'));
      };
      const move = (moveEvent: globalThis.PointerEvent) => {
        if (
          !dragging &&
          Math.hypot(moveEvent.clientX - startX, moveEvent.clientY - startY) < DRAG_THRESHOLD_PX
        )
          return;
        dragging = true;
        const scroller = opts.current.scroller.current;
        if (scroller) {
          const box = scroller.getBoundingClientRect();
          if (moveEvent.clientX > box.right - EDGE_PX) scroller.scrollLeft += EDGE_STEP_PX;
          else if (moveEvent.clientX < box.left + opts.current.doorColumn + EDGE_PX)
            scroller.scrollLeft -= EDGE_STEP_PX;
          if (moveEvent.clientY > box.bottom - EDGE_PX) scroller.scrollTop += EDGE_STEP_PX;
        }
        place(moveEvent.clientX, moveEvent.clientY);
      };
      const finish = (drop: boolean) => {
        cleanup.current?.();
        const landed = ghostRef.current;
        show(null);
        if (!dragging) {
          if (drop) opts.current.select(slot);
          return;
        }
        if (!drop || !landed) return;
        if (landed.doorId === slot.doorId && landed.slotStart === slot.slotStart) return;
        opts.current.commit(slot, { doorId: landed.doorId, slotStart: landed.slotStart });
      };
      const up = () => finish(true);
      const cancel = () => finish(false);
      const key = (keyEvent: KeyboardEvent) => {
        if (keyEvent.key === 'Escape') cancel();
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', key);
      cleanup.current = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', key);
        cleanup.current = null;
      };
    },
    [show, target],
  );

  /**
   * Space on a slot: it is in the hand, at its own place. Until it is dropped the keys belong to
   * the move (a window listener in the capture phase), so they keep working when the bar's old
   * place scrolls out of the virtual window.
   */
  const pickUp = useCallback(
    (slot: DockSlot) => {
      if (!slot.doorId || cleanup.current) return;
      const next = target(slot, slot.doorId, slot.slotStart, 'keyboard');
      show(next);
      opts.current.announce(next, 'pick');
      const steps: Record<string, [number, number]> = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, -1],
        ArrowDown: [0, 1],
      };
      const key = (event: KeyboardEvent) => {
        const step = steps[event.key];
        if (step) nudgeRef.current(step[0], step[1]);
        else if (event.key === 'Enter' || event.key === ' ') finishRef.current(true);
        else if (event.key === 'Escape' || event.key === 'Tab') finishRef.current(false);
        else return;
        if (event.key !== 'Tab') event.preventDefault();
        event.stopPropagation();
      };
      window.addEventListener('keydown', key, true);
      cleanup.current = () => {
        window.removeEventListener('keydown', key, true);
        cleanup.current = null;
      };
    },
    [show, target],
  );

  /** Arrow keys while carrying: `steps` grid steps in time, `rows` doors up or down. */
  const nudge = useCallback(
    (steps: number, rows: number) => {
      const current = ghostRef.current;
      if (!current) return;
      const { layout, gridMinutes, scale } = opts.current;
      const rowIndex = layout.rows.findIndex((row) => row.door.id === current.doorId);
      const row = layout.rows[Math.min(layout.rows.length - 1, Math.max(0, rowIndex + rows))];
      if (!row) return;
      const slotStart =
        steps === 0 ? current.slotStart : stepOnGrid(current.slotStart, steps, gridMinutes, scale.from);
      const next = target(current.slot, row.door.id, slotStart, 'keyboard');
      show(next);
      opts.current.announce(next, 'move');
    },
    [show, target],
  );

  /** Enter or Space drops the carried slot (a move to where it was is no move); Escape puts it back. */
  const finish = useCallback(
    (drop: boolean) => {
      cleanup.current?.();
      const current = ghostRef.current;
      show(null);
      if (!current) return;
      opts.current.returnFocus(current.slot);
      if (!drop || (current.doorId === current.slot.doorId && current.slotStart === current.slot.slotStart)) {
        opts.current.announce(current, 'cancel');
        return;
      }
      opts.current.commit(current.slot, { doorId: current.doorId, slotStart: current.slotStart });
    },
    [show],
  );
  const nudgeRef = useRef(nudge);
  nudgeRef.current = nudge;
  const finishRef = useRef(finish);
  finishRef.current = finish;

  return { ghost, pointerDown, pickUp };
}
