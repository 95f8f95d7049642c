import type { ViewName } from '../../../src-main/api/events';

export type { ViewName };

/** The views in menu order: Ctrl/Cmd+1 … 7 follow this order, as the desktop menu does. */
export const VIEWS: readonly ViewName[] = [
  'map',
  'docks',
  'lines',
  'deliveries',
  'partners',
  'reports',
  'wall',
  'settings',
];

export const DEFAULT_VIEW: ViewName = 'map';

export interface Route {
  /** null when the hash names no known view (the shell shows "not found"). */
  view: ViewName | null;
  /** Path segments after the view, decoded: ["D-123"] for #/deliveries/D-123. */
  params: string[];
}

export function isViewName(value: string): value is ViewName {
  return (VIEWS as readonly string[]).includes(value);
}

/**
 * Hash routes ("#/deliveries/D-123") work the same under file:// in the desktop app and over
 * HTTP, and need no server-side fallback. An empty hash is the default view.
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  const [first, ...params] = segments;
  if (first === undefined) return { view: DEFAULT_VIEW, params: [] };
  return isViewName(first) ? { view: first, params } : { view: null, params: segments };
}

export function hrefOf(view: ViewName, ...params: string[]): string {
  return `#/${[view, ...params].map(encodeURIComponent).join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
