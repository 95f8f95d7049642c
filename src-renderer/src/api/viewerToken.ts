// A wall PC opens a viewer link: http://host:4870/?token=XYZ#/wall. The token comes in the query
// string (not the hash), because the hash is the router's. It is kept in sessionStorage — it
// survives a reload of the wall page but not the browser — and taken out of the address bar so
// it is not left on screen, in screenshots or in the history.

const STORAGE_KEY = 'leitstand.viewerToken';

function takeViewerToken(): string | null {
  if (window.leitstand !== undefined) return null;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/** The viewer token of this page, or null at the desk. */
export const viewerToken: string | null = takeViewerToken();

/** A viewer (wall PC) sees the wall only and never a control that would change the plant. */
export const isViewer = viewerToken !== null;
