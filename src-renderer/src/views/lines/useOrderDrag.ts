import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { TimeScale } from '../docks/timeScale';
import { frozenCount, type MoveRefusal, mayRunOn, type OrderPlace, type Sequence } from './draftSequence';
import type { LineLayout, PlacedOrder } from './ganttLayout';

export interface DropTarget {
  lineId: string;
  /** Position in the line's sequence, counted without the dragged order. */
  index: number;
  /** Where the insertion mark stands, in percent of the lane. */
  x: number;
}

export interface DragState {
  orderId: string;
  fromLine: string;
  offset: { x: number; y: number };
  target: DropTarget | null;
  refusal: MoveRefusal | null;
  /** The line under the pointer refuses the order. */
  refusedLine: string | null;
}

interface Options {
  boardRef: RefObject<HTMLElement | null>;
  scale: TimeScale;
  layouts: ReadonlyMap<string, LineLayout>;
  sequence: Sequence;
  places: ReadonlyMap<string, OrderPlace>;
  onDrop: (orderId: string, lineId: string, index: number) => void;
  onRefuse: (orderId: string, reason: MoveRefusal, lineId: string) => void;
}

const THRESHOLD_PX = 5;

function rowAt(board: HTMLElement, clientY: number): HTMLElement | null {
  const rows = [...board.querySelectorAll<HTMLElement>('[data-testid="line-row"]')];
  let nearest: HTMLElement | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const rect = row.getBoundingClientRect();
    if (clientY >= rect.top && clientY < rect.bottom) return row;
    const away = Math.min(Math.abs(clientY - rect.top), Math.abs(clientY - rect.bottom));
    if (away < distance) {
      distance = away;
      nearest = row;
    }
  }
  return nearest;
}

/** The insertion point for time `at`: after every order whose middle lies before it. */
export function insertionAt(
  at: number,
  ids: readonly string[],
  placedById: ReadonlyMap<string, PlacedOrder>,
  places: ReadonlyMap<string, OrderPlace>,
): { index: number; at: number } {
  let index = 0;
  for (const id of ids) {
    const placed = placedById.get(id);
    if (!placed || (placed.setupStart + placed.end) / 2 >= at) break;
    index++;
  }
  index = Math.max(index, frozenCount(ids, places));
  const before = placedById.get(ids[index - 1] ?? '');
  const after = placedById.get(ids[index] ?? '');
  return { index, at: before?.end ?? after?.setupStart ?? at };
}

/**
 * Drag an order bar along its line (or onto another line the data says it may run on). Pointer
 * events on the window, so a fast drag never loses its bar; Escape cancels.
 */
export function useOrderDrag({ boardRef, scale, layouts, sequence, places, onDrop, onRefuse }: Options) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const latest = useRef({ scale, layouts, sequence, places, onDrop, onRefuse });
  latest.current = { scale, layouts, sequence, places, onDrop, onRefuse };
  const justDragged = useRef(false);
  const cleanup = useRef<(() => void) | null>(null);

  useEffect(() => () => cleanup.current?.(), []);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLButtonElement>, placed: PlacedOrder, lineId: string) => {
      // Finished orders are history: nothing to drag.
      if (event.button !== 0 || !boardRef.current || placed.order.status === 'done') return;
      cleanup.current?.();
      const board = boardRef.current;
      const startX = event.clientX;
      const startY = event.clientY;
      const barRect = event.currentTarget.getBoundingClientRect();
      const orderId = placed.order.id;
      let active = false;
      let state: DragState | null = null;

      const finish = (drop: boolean) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', key, true);
        cleanup.current = null;
        if (active) {
          justDragged.current = true;
          setTimeout(() => {
            justDragged.current = false;
          }, 0);
        }
        if (drop && state?.target) {
          const { lineId: toLine, index } = state.target;
          latest.current.onDrop(orderId, toLine, index);
        } else if (drop && state?.refusedLine) {
          latest.current.onRefuse(orderId, 'notEligible', state.refusedLine);
        }
        setDrag(null);
      };
      const move = (moveEvent: globalThis.PointerEvent) => {
        const dx = moveEvent.clientX - startX;
        const dy = moveEvent.clientY - startY;
        if (!active && Math.hypot(dx, dy) < THRESHOLD_PX) return;
        const {
          scale: currentScale,
          layouts: currentLayouts,
          sequence: ids,
          places: currentPlaces,
        } = latest.current;
        const place = currentPlaces.get(orderId);
        if (!active) {
          active = true;
          if (!place || place.order.frozen) {
            latest.current.onRefuse(orderId, 'frozen', lineId);
            finish(false);
            return;
          }
        }
        if (!place) return;
        const row = rowAt(board, moveEvent.clientY);
        const targetLine = row?.dataset.lineId ?? lineId;
        const lane = row?.querySelector<HTMLElement>('.line-lane');
        state = {
          orderId,
          fromLine: lineId,
          offset: { x: dx, y: dy },
          target: null,
          refusal: null,
          refusedLine: null,
        };
        if (!mayRunOn(place, targetLine)) {
          state.refusal = 'notEligible';
          state.refusedLine = targetLine;
        } else if (lane) {
          const rect = lane.getBoundingClientRect();
          // The bar's leading edge decides: dropped onto a later bar, it takes that bar's place.
          const edge = dx >= 0 ? barRect.right + dx : barRect.left + dx;
          const at =
            currentScale.from +
            ((edge - rect.left) / Math.max(1, rect.width)) * (currentScale.to - currentScale.from);
          const others = (ids[targetLine] ?? []).filter((id) => id !== orderId);
          const placedById = new Map(
            (currentLayouts.get(targetLine)?.placed ?? []).map((entry) => [entry.order.id, entry] as const),
          );
          const insertion = insertionAt(at, others, placedById, currentPlaces);
          state.target = { lineId: targetLine, index: insertion.index, x: currentScale.x(insertion.at) };
        }
        setDrag(state);
      };
      const up = () => finish(true);
      const cancel = () => finish(false);
      const key = (keyEvent: KeyboardEvent) => {
        if (keyEvent.key !== 'Escape') return;
        keyEvent.preventDefault();
        keyEvent.stopPropagation();
        finish(false);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', key, true);
      cleanup.current = () => finish(false);
    },
    [boardRef],
  );

  /** A click that ends a drag is not a click: the bar keeps its selection. */
  const consumeClick = useCallback(() => {
    if (!justDragged.current) return false;
    justDragged.current = false;
    return true;
  }, []);

  return { drag, onPointerDown, consumeClick };
}
