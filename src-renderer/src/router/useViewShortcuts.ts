import { useEffect } from 'react';
import { subscribe } from '../api/client';
import { VIEWS } from './routes';
import { navigate } from './useRoute';

/**
 * Ctrl/Cmd+1 … 7 switch views. In the desktop app the menu owns these accelerators and sends
 * `ui.navigate`; in a browser (wall screens, tests) the keys arrive here directly. Both paths end
 * in the same hash change, so handling both never navigates twice to different places.
 */
export function useViewShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const view = VIEWS[index];
      if (!view) return;
      event.preventDefault();
      navigate(view);
    };
    window.addEventListener('keydown', onKeyDown);
    const off = subscribe('ui.navigate', ({ view }) => navigate(view));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      off();
    };
  }, []);
}
