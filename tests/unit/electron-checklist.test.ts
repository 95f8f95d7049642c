import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL } from '../../src-main/api/contract';
import { EventBus } from '../../src-main/api/events';
import { ok, type Result } from '../../src-main/api/result';
import { assembleLeitstand } from '../../src-main/app/createLeitstand';
import { bindIpc, type IpcInvokeEventLike } from '../../src-main/electron/ipc';
import {
  contentSecurityPolicy,
  guardWebContents,
  hardenSession,
  isSafeExternalUrl,
  isTrustedRendererUrl,
  type RendererLocation,
} from '../../src-main/electron/security';
import { createMainWindow } from '../../src-main/electron/window';
import { type RunningServer, startHttpServer } from '../../src-main/server/http';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/securityHeaders';
import { testContext } from '../support/testContext';

// Issue 9, security: Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security), one test per item that applies to
// Leitstand, against the sources with the stand-in electron module the boot test uses
// (tests/support/fakeElectron.mjs). tests/integration/boot.test.ts checks the same wiring in the
// BUILT bundle; scripts/electronegativity.mjs scans the built bundle in `npm test`.

// (A plain JavaScript module: the cast keeps TypeScript from looking for its declarations.)
vi.mock('electron', () => import('../support/fakeElectron.mjs' as string));

/** The part of the stand-in this test reads (the module is plain JavaScript). */
interface FakeElectron {
  records: { kind: string; options?: { webPreferences?: Record<string, unknown> } }[];
  sessionState: {
    headersListener: ((details: object, callback: (response: unknown) => void) => void) | null;
    permissionRequestHandler:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | null;
    permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null;
  };
  session: { defaultSession: Parameters<typeof hardenSession>[0] };
  cancellableEvent<T extends object>(extra?: T): T & { defaultPrevented: boolean; preventDefault(): void };
  FakeWebContents: new () => Parameters<typeof guardWebContents>[0] & {
    emit(event: string, ...args: unknown[]): boolean;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  };
}
const fake = electron as unknown as FakeElectron;

const root = join(import.meta.dirname, '..', '..');
const indexPath = join(root, 'out', 'renderer', 'index.html');
const renderer: RendererLocation = { kind: 'file', indexPath };
const appUrl = `${pathToFileURL(indexPath).href}#/lines`;
const foreignUrl = 'https://evil.example/';

/** Every source file of the main process and the preload, for the items no runtime shows. */
function sources(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry)) files.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['src-main', 'src-preload', 'src-renderer/src']) visit(join(root, dir));
  return files;
}
const mainSource = readFileSync(join(root, 'src-main', 'electron', 'main.ts'), 'utf8');

function openWindow() {
  createMainWindow({ preloadPath: join(root, 'out', 'preload', 'index.cjs'), renderer });
  const created = fake.records.filter((record) => record.kind === 'BrowserWindow').at(-1);
  return created!.options!.webPreferences!;
}

function guarded() {
  const contents = new fake.FakeWebContents();
  const openExternal = vi.fn();
  guardWebContents(contents, { isTrusted: (url) => isTrustedRendererUrl(url, renderer), openExternal });
  const fire = (event: string, url = '') => {
    const details = fake.cancellableEvent({ url });
    contents.emit(event, details, url);
    return details.defaultPrevented;
  };
  return { contents, fire, openExternal, open: (url: string) => contents.windowOpenHandler!({ url }) };
}

describe("Electron's security checklist", () => {
  it('1. only secure content: the bundled page from disk, and no plain-http source in the policy', () => {
    createMainWindow({ preloadPath: join(root, 'out', 'preload', 'index.cjs'), renderer });
    const loads = fake.records.filter((record) => record.kind === 'loadFile' || record.kind === 'loadURL');
    expect(loads.at(-1)).toMatchObject({ kind: 'loadFile', path: indexPath });
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) expect(directive).not.toMatch(/\bhttp:|\*/);
  });

  it('2. no Node.js integration for remote content: none in the window, its workers or its frames', () => {
    const preferences = openWindow();
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. context isolation on: the page and the preload live in separate worlds', () => {
    expect(openWindow().contextIsolation).toBe(true);
  });

  it('4. process sandboxing: the window is sandboxed, and so is every renderer the app may create', () => {
    expect(openWindow().sandbox).toBe(true);
    // app.enableSandbox() must run before the app is ready, i.e. before anything is created.
    const enable = mainSource.indexOf('app.enableSandbox()');
    expect(enable).toBeGreaterThan(0);
    expect(enable).toBeLessThan(mainSource.search(/app\s*\.whenReady\(\)/));
  });

  it('5. permission requests are handled: every request and every check is denied', () => {
    hardenSession(fake.session.defaultSession, contentSecurityPolicy({ dev: false }));
    const { permissionRequestHandler, permissionCheckHandler } = fake.sessionState;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'openExternal',
    ]) {
      const callback = vi.fn();
      permissionRequestHandler!(null, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(permissionCheckHandler!(null, permission), permission).toBe(false);
    }
    expect(mainSource).toContain('hardenSession(session.defaultSession');
  });

  it('6. webSecurity stays on', () => {
    expect(openWindow().webSecurity).toBe(true);
  });

  it('7. a Content Security Policy on every response of the Electron session', () => {
    hardenSession(fake.session.defaultSession, contentSecurityPolicy({ dev: false }));
    const listener = fake.sessionState.headersListener!;
    const responses = [
      { url: pathToFileURL(indexPath).href, resourceType: 'mainFrame', responseHeaders: {} },
      {
        url: 'https://tiles.example/1/2/3.png',
        resourceType: 'image',
        responseHeaders: { 'content-type': ['image/png'] },
      },
      {
        url: foreignUrl,
        resourceType: 'subFrame',
        responseHeaders: { 'Content-Security-Policy': ['default-src *'] },
      },
      { url: 'file:///x.js', resourceType: 'script' },
    ];
    for (const details of responses) {
      const callback = vi.fn();
      listener(details, callback);
      const headers = (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> })
        .responseHeaders;
      const policies = Object.entries(headers).filter(
        ([name]) => name.toLowerCase() === 'content-security-policy',
      );
      expect(policies, details.url).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('8. no insecure content on secure pages', () => {
    expect(openWindow().allowRunningInsecureContent).toBe(false);
  });

  it('9./10. no experimental features, and no Blink features switched on', () => {
    const preferences = openWindow();
    expect(preferences.experimentalFeatures ?? false).toBe(false);
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    // The one Blink switch used turns a feature off: middle-click new windows.
    expect(preferences.disableBlinkFeatures).toBe('Auxclick');
    for (const { path, text } of sources()) {
      expect(text, path).not.toMatch(/enableBlinkFeatures|experimentalFeatures\s*:\s*true/);
    }
  });

  it('11./12. no <webview>: the tag is off and any attempt to attach one is prevented', () => {
    expect(openWindow().webviewTag).toBe(false);
    expect(guarded().fire('will-attach-webview', appUrl)).toBe(true);
  });

  it('13. navigation is limited to the app itself, in the page and in its frames', () => {
    const { fire } = guarded();
    for (const event of ['will-navigate', 'will-frame-navigate']) {
      expect(fire(event, foreignUrl), event).toBe(true);
      expect(fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(fire(event, `${pathToFileURL(indexPath).href}.evil.html`), event).toBe(true);
      expect(fire(event, appUrl), event).toBe(false);
    }
    expect(mainSource).toMatch(/app\.on\('web-contents-created',[\s\S]{0,80}guardWebContents\(contents/);
  });

  it('14./15. new windows are denied; only vetted https links go to the system browser', () => {
    const { open, openExternal } = guarded();
    const hostile = [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://u:p@example.com/',
    ];
    for (const url of [...hostile, appUrl, 'https://www.openstreetmap.org/copyright'])
      expect(open(url), url).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.openstreetmap.org/copyright']]);
    for (const url of hostile) expect(isSafeExternalUrl(url), url).toBe(false);
    // shell.openExternal is called in one place only, and that place is reached through the guard.
    const calls = sources().flatMap(({ path, text }) =>
      [...text.matchAll(/shell\.openExternal\(/g)].map(() => path.slice(root.length + 1)),
    );
    expect(calls).toEqual([join('src-main', 'electron', 'main.ts')]);
    expect(mainSource).toMatch(/guardWebContents\(contents, \{ isTrusted, openExternal \}\)/);
  });

  it('17. the sender of every IPC message is validated', async () => {
    const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
    const call = vi.fn(async (): Promise<Result<unknown>> => ok('answered'));
    bindIpc(
      {
        handle: (channel, listener) => handlers.set(channel, listener),
        removeHandler: (c) => handlers.delete(c),
      },
      { call, bus: new EventBus() },
      (url) => isTrustedRendererUrl(url, renderer),
      () => [],
    );
    const invoke = (frame: { url: string } | null) =>
      handlers.get(IPC_CALL_CHANNEL)!({ senderFrame: frame }, 'plant.overview', {}) as Promise<
        Result<unknown>
      >;
    for (const frame of [{ url: foreignUrl }, { url: 'file:///etc/passwd' }, { url: '' }, null]) {
      expect(await invoke(frame), JSON.stringify(frame)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(call).not.toHaveBeenCalled();
    expect(await invoke({ url: appUrl })).toEqual({ ok: true, value: 'answered' });
  });

  it('no remote module: neither @electron/remote nor enableRemoteModule anywhere', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@electron/remote');
    for (const { path, text } of sources())
      expect(text, path).not.toMatch(/@electron\/remote|enableRemoteModule/);
  });

  it('16. a current Electron: pinned exactly, and a major version still supported', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = pkg.devDependencies.electron!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (
      JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(installed).toBe(pinned);
    // Electron ships a major every 8 weeks (39.0.0 on 2025-10-28) and supports the latest three.
    // Offline, the date tells which majors are current; one extra major of grace keeps a release
    // from failing the day a new Electron comes out.
    const weeks = (Date.now() - Date.UTC(2025, 9, 28)) / (7 * 24 * 3_600_000);
    const latest = 39 + Math.floor(weeks / 8);
    expect(
      Number(installed.split('.')[0]),
      `Electron ${installed}; the latest is about ${latest}`,
    ).toBeGreaterThanOrEqual(latest - 3);
  });

  it('20. no Electron API reaches the page: the preload exposes call and on, never ipcRenderer', () => {
    const preload = readFileSync(join(root, 'src-preload', 'index.ts'), 'utf8');
    expect([...preload.matchAll(/contextBridge\.exposeInMainWorld\(\s*'(\w+)'/g)].map((m) => m[1])).toEqual([
      'leitstand',
    ]);
    // tests/unit/preload.test.ts runs the preload and checks the exposed object is exactly {call, on}.
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('Electronegativity runs in `npm test` after the build, and every exception says why', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const steps = pkg.scripts.test!.split(' && ');
    const scan = steps.indexOf('node scripts/electronegativity.mjs');
    expect(scan).toBeGreaterThan(steps.indexOf('npm run build'));
    expect(scan).toBeLessThan(steps.indexOf('vitest run'));
    const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8')) as {
      excludedChecks: Record<string, string>;
      justified: { check: string; file: string; reason: string }[];
    };
    const reasons = [
      ...Object.values(config.excludedChecks),
      ...config.justified.map((entry) => entry.reason),
    ];
    for (const reason of reasons) expect(reason).toMatch(/^[A-Z`'a-z].{40,}[.)]$/s);
  });
});

describe('the HTTP server sends the policy with every response', () => {
  let t: Awaited<ReturnType<typeof testContext>>;
  let server: RunningServer;
  const silent = { error: () => {}, warn: () => {}, info: () => {} };
  beforeAll(async () => {
    t = await testContext();
    const staticDir = t.folder.file('renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Leitstand</title>');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.css'), 'body{}');
    server = await startHttpServer({
      leitstand: assembleLeitstand(t.ctx, null, silent),
      staticDir,
      port: 0,
      logger: silent,
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('on the page, its assets, the fallback, refusals and API answers alike', async () => {
    const requests: [string, RequestInit?][] = [
      ['/'],
      ['/lines'],
      ['/assets/app-abc123.js'],
      ['/assets/app-abc123.css'],
      ['/missing.js'],
      ['/..%2fplant.db'],
      [
        '/api/call/plant.overview',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
      ],
      [
        '/api/call/plant.overview',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' },
      ],
      ['/api/call/plant.overview'],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(new URL(path, server.url), init);
      await response.arrayBuffer();
      expect(response.headers.get('content-security-policy'), `${path} → ${response.status}`).toBe(
        CONTENT_SECURITY_POLICY,
      );
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});
