import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  guardWebContents,
  hardenSession,
  isSafeExternalUrl,
  isTrustedRendererUrl,
  type RendererLocation,
  type SessionLike,
  type WebContentsLike,
} from '../../src-main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/securityHeaders';

const indexPath =
  process.platform === 'win32'
    ? 'C:\\Leitstand\\out\\renderer\\index.html'
    : '/opt/leitstand/out/renderer/index.html';
const built: RendererLocation = { kind: 'file', indexPath };
const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' };
const indexUrl = pathToFileURL(indexPath).href;

describe('contentSecurityPolicy', () => {
  it('is the strict policy of the built app, the same one `serve` sends', () => {
    const policy = contentSecurityPolicy({ dev: false });
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    const directives = policy.split('; ');
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'none'",
      ]),
    );
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('widens only img-src to any https host (configurable tile servers); fetches stay same-origin', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives.filter((directive) => /https:/.test(directive))).toEqual([
      "img-src 'self' data: blob: https:",
    ]);
    expect(directives).toContain("connect-src 'self'");
  });

  it("is the same policy as the renderer's meta tag (which cannot carry frame-ancestors)", () => {
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.split('; ')).toEqual(
      CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')),
    );
  });

  it('relaxes only script-src, and only in development (the fast-refresh preamble)', () => {
    const strict = contentSecurityPolicy({ dev: false }).split('; ');
    const relaxed = contentSecurityPolicy({ dev: true }).split('; ');
    const differences = relaxed.filter((directive, index) => directive !== strict[index]);
    expect(differences).toEqual(["script-src 'self' 'unsafe-inline'"]);
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts the built page, with any view in the hash', () => {
    expect(isTrustedRendererUrl(indexUrl, built)).toBe(true);
    expect(isTrustedRendererUrl(`${indexUrl}#/wall`, built)).toBe(true);
  });

  it('does not trust other files, other schemes or garbage', () => {
    expect(isTrustedRendererUrl(pathToFileURL(`${indexPath}.evil.html`).href, built)).toBe(false);
    expect(isTrustedRendererUrl('file:///etc/passwd', built)).toBe(false);
    expect(isTrustedRendererUrl('https://evil.example/index.html', built)).toBe(false);
    expect(isTrustedRendererUrl('file://remote-host/opt/leitstand/out/renderer/index.html', built)).toBe(
      false,
    );
    expect(isTrustedRendererUrl('not a url', built)).toBe(false);
    expect(isTrustedRendererUrl('', built)).toBe(false);
  });

  it('in development trusts the dev server origin only', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/lines', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl(indexUrl, dev)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain https links only', () => {
    expect(isSafeExternalUrl('https://www.openstreetmap.org/copyright')).toBe(true);
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:secret@example.com/',
      'mailto:dispo@example.com',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const state: {
      headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
      request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    } = {};
    const session: SessionLike = {
      webRequest: { onHeadersReceived: (listener) => (state.headers = listener) },
      setPermissionRequestHandler: (handler) => (state.request = handler),
      setPermissionCheckHandler: (handler) => (state.check = handler),
    };
    return { session, state };
  }

  it('replaces any policy with ours and keeps the other headers', () => {
    const { session, state } = fakeSession();
    hardenSession(session, 'default-src none');
    const callback = vi.fn();
    state.headers!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src none'] },
    });
    const bare = vi.fn();
    state.headers!({}, bare);
    expect(bare).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': ['default-src none'] },
    });
  });

  it('denies every permission', () => {
    const { session, state } = fakeSession();
    hardenSession(session, 'x');
    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      state.request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(state.check!(null, permission)).toBe(false);
    }
  });
});

describe('guardWebContents', () => {
  type Handler = (event: { url: string; preventDefault(): void }) => void;
  function fakeContents() {
    const listeners = new Map<string, Handler>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: WebContentsLike = {
      on: (event: string, listener: Handler) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    };
    const fire = (event: string, url = '') => {
      const details = { url, preventDefault: vi.fn() };
      listeners.get(event)!(details);
      return details.preventDefault.mock.calls.length > 0;
    };
    return { contents, fire, open: (url: string) => openHandler!({ url }) };
  }

  it('prevents foreign navigation, webviews and new windows; hands safe links to the browser', () => {
    const { contents, fire, open } = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents, { isTrusted: (url) => url.startsWith('file:///app/'), openExternal });
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///app/index.html')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://www.openstreetmap.org/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.openstreetmap.org/']]);
  });
});
