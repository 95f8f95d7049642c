/**
 * The address a wall PC opens: the token in the query string (the hash belongs to the router),
 * the wall as the route. The base is the page's own origin under `npm run serve`; inside the
 * desktop app (file://) there is no origin a wall PC could reach, so the user types it.
 */
export function viewerLinkUrl(base: string, token: string): string {
  const origin = base.trim().replace(/\/+$/, '');
  return `${origin}/?token=${encodeURIComponent(token)}#/wall`;
}

export function defaultViewerLinkBase(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' || location.protocol === 'https:'
    ? location.origin
    : 'http://127.0.0.1:4870';
}
