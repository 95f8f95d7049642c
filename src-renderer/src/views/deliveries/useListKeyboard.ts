import { type RefObject, useEffect, useRef } from 'react';

interface ListKeyboard {
  /** The ids in the order shown. */
  ids: readonly string[];
  selectedId: string | null;
  /** Where ↑/↓ start when nothing is selected yet (the first open delivery, scrolled into view). */
  startId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  /** Closes the open detail; null while none is open. */
  onClose: (() => void) | null;
  searchRef: RefObject<HTMLInputElement | null>;
}

function isTyping(target: EventTarget | null, search: HTMLInputElement | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target === search) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * The list's keys, on the window so they work wherever focus is in the view: ↑/↓ move the
 * selection, Enter opens it, Escape closes the detail, "/" jumps to the search. Other fields keep
 * their keys; the search field lends ↑/↓/Enter to the list because it has no use for them.
 */
export function useListKeyboard(options: ListKeyboard) {
  // The handler reads the latest options without re-subscribing on every render.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const { ids, selectedId, startId, onSelect, onOpen, onClose, searchRef } = latest.current;
      const search = searchRef.current;
      if (isTyping(event.target, search)) return;
      const inSearch = event.target === search;

      if (event.key === '/' && !inSearch) {
        event.preventDefault();
        search?.focus();
        search?.select();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (ids.length === 0) return;
        event.preventDefault();
        const index = selectedId ? ids.indexOf(selectedId) : -1;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const start = startId ? Math.max(0, ids.indexOf(startId)) : 0;
        const next = index === -1 ? start : index + step;
        const id = ids[Math.min(ids.length - 1, Math.max(0, next))];
        if (id) onSelect(id);
      } else if (event.key === 'Enter') {
        // Links and buttons keep their own Enter.
        const target = event.target;
        if (!inSearch && target instanceof HTMLElement && target.closest('a, button')) return;
        if (selectedId && ids.includes(selectedId)) {
          event.preventDefault();
          onOpen(selectedId);
        }
      } else if (event.key === 'Escape') {
        if (onClose) {
          event.preventDefault();
          onClose();
        } else if (inSearch) {
          search?.blur();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
