import { useSyncExternalStore } from 'react';
import { hrefOf, parseHash, type Route, type ViewName } from './routes';

function subscribeToHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The current route, re-rendering on every hash change (links, back/forward, shortcuts). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, readHash);
  // parseHash is cheap; memoising on the string is not worth a cache.
  return parseHash(hash);
}

/** Goes to a view; the hash change is the single source of truth, so back/forward work. */
export function navigate(view: ViewName, ...params: string[]) {
  const next = hrefOf(view, ...params);
  if (window.location.hash !== next) window.location.hash = next;
}
