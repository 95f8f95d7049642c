import { useEffect, useRef, useState } from 'react';
import { call, onConnectionChange } from '../../api/client';

export type ConnectionState = 'online' | 'lost' | 'restored';

const RESTORED_VISIBLE_MS = 5000;
const PROBE_EVERY_MS = 5000;

/**
 * The wall's link to the plant server. When it comes back, `onRestored` runs once so every panel
 * refetches: events sent while the link was down are gone, so the panels must catch up themselves.
 * Besides the event stream's own reconnects, a lost link is probed with a cheap call: a failed
 * fetch reports "lost" while the stream may never drop, and then no "open" would ever follow.
 */
export function useConnection(onRestored: () => void): ConnectionState {
  const [state, setState] = useState<ConnectionState>('online');
  const restore = useRef(onRestored);
  restore.current = onRestored;
  const lost = useRef(false);

  useEffect(() => {
    const back = () => {
      if (!lost.current) return;
      lost.current = false;
      setState('restored');
      restore.current();
    };
    const off = onConnectionChange((online) => {
      if (online) {
        back();
        return;
      }
      lost.current = true;
      setState('lost');
    });
    const probe = setInterval(() => {
      if (lost.current) call('plant.overview', {}).then(back, () => undefined);
    }, PROBE_EVERY_MS);
    return () => {
      off();
      clearInterval(probe);
    };
  }, []);

  useEffect(() => {
    if (state !== 'restored') return;
    const timer = setTimeout(() => setState('online'), RESTORED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return state;
}
