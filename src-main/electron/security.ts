import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../server/securityHeaders';

// The renderer is the part of the app that handles outside data (partner names, notes, map
// tiles), so it runs with the least power Electron allows. This file holds the rules; main.ts
// wires them to Electron's objects. Everything here takes structural types so it runs under Node.

/** Where the renderer's documents come from: the Vite dev server, or the built file. */
export type RendererLocation = { kind: 'dev'; url: string } | { kind: 'file'; indexPath: string };

/**
 * The policy for every document: the same string `serve` sends to browsers. In development the
 * React plugin injects one inline module script (the fast-refresh preamble); that one allowance
 * never reaches a built app.
 */
export function contentSecurityPolicy({ dev }: { dev: boolean }): string {
  if (!dev) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive === "script-src 'self'" ? "script-src 'self' 'unsafe-inline'" : directive))
    .join('; ');
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** True for the app's own documents only: the bridge must never be reachable from elsewhere. */
export function isTrustedRendererUrl(url: string, renderer: RendererLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (renderer.kind === 'dev') {
    const dev = parseUrl(renderer.url);
    return dev !== null && parsed.origin === dev.origin;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  // The view lives in the hash (#/lines); any other file on disk is foreign.
  return samePath(fileURLToPath(parsed), renderer.indexPath);
}

/** Links the renderer may hand to the system browser: plain https, no credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

type HeaderMap = Record<string, string | string[]>;

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: HeaderMap },
        callback: (response: { responseHeaders?: HeaderMap }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Installs the CSP on every response and refuses every permission (camera, geolocation …). */
export function hardenSession(session: SessionLike, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: HeaderMap = {};
    // Drop any policy a server sent (the dev server), so exactly one policy applies: ours.
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

interface NavigationEventLike {
  url: string;
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  isTrusted(url: string): boolean;
  /** Opens a vetted link in the system browser (shell.openExternal). */
  openExternal(url: string): void;
}

/** Applied to every webContents the app ever creates, including ones nobody planned for. */
export function guardWebContents(contents: WebContentsLike, { isTrusted, openExternal }: GuardOptions): void {
  const blockForeign = (event: NavigationEventLike) => {
    if (!isTrusted(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-frame-navigate', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
