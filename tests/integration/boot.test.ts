import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src-main/api/contract';
import { contentSecurityPolicy } from '../../src-main/electron/security';
import { BootedApp, preloadBundle, projectRoot, requireBuiltBundle } from '../support/bootHarness';
import { tempFolder } from '../support/tempDatabase';

// Boots the BUILT main bundle (out/main/index.js) under plain Node, with a stand-in `electron`
// module (tests/support/fakeElectron.mjs), and checks what the Electron edge did with it.

const rendererIndex = join(projectRoot, 'out', 'renderer', 'index.html');
const appUrl = `${pathToFileURL(rendererIndex).href}#/lines`;
const foreignUrl = 'https://evil.example/';

type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** A port nobody listens on right now, for the wall server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the desktop app boots hardened', () => {
  const folder = tempFolder('leitstand-boot-');
  const dbPath = folder.file('leitstand.db');
  let app: BootedApp;
  let wallPort = 0;

  beforeAll(async () => {
    requireBuiltBundle();
    wallPort = await freePort();
    app = new BootedApp({ userData: folder.dir, args: ['--speed', '60', '--wall-port', String(wallPort)] });
    await app.waitFor('loadFile');
  });

  afterAll(() => {
    app?.kill();
    folder.remove();
  });

  it('takes the single-instance lock and sandboxes every renderer', () => {
    const kinds = app.records.map((record) => record.kind);
    expect(kinds).toContain('app.requestSingleInstanceLock');
    expect(kinds).toContain('app.enableSandbox');
  });

  it('opens one window with hardened web preferences and the built preload', () => {
    const windows = app.records.filter((record) => record.kind === 'BrowserWindow');
    expect(windows).toHaveLength(1);
    const options = windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: join(projectRoot, 'out', 'preload', 'index.cjs'),
    });
    expect(existsSync(options.webPreferences.preload as string)).toBe(true);
  });

  it('loads the built renderer file and shows the window once it is ready', async () => {
    expect(app.records.find((record) => record.kind === 'loadFile')?.path).toBe(rendererIndex);
    expect(app.records.some((record) => record.kind === 'loadURL')).toBe(false);
    await app.waitFor('window.show');
  });

  it('sets the strict CSP on every response, replacing any other policy', async () => {
    const response = await app.probe<{ responseHeaders: Record<string, string[]> }>('headers', {
      url: pathToFileURL(rendererIndex).href,
      resourceType: 'mainFrame',
    });
    const policy = response.responseHeaders['Content-Security-Policy'];
    expect(policy).toEqual([contentSecurityPolicy({ dev: false })]);
    expect(policy![0]).toContain("script-src 'self';");
    expect(policy![0]).toContain("img-src 'self' data: blob: https:;");
    expect(policy![0]).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.responseHeaders['content-security-policy']).toBeUndefined();
    expect(response.responseHeaders['x-other']).toEqual(['1']);
  });

  it('denies every permission request and check', async () => {
    expect(await app.probe('permissionRequest', { permission: 'geolocation' })).toBe(false);
    expect(await app.probe('permissionRequest', { permission: 'media' })).toBe(false);
    expect(await app.probe('permissionCheck', { permission: 'notifications' })).toBe(false);
  });

  it('denies new windows, handing only safe https links to the system browser', async () => {
    const link = 'https://www.openstreetmap.org/copyright';
    expect(await app.probe('windowOpen', { url: link })).toEqual({ action: 'deny' });
    await app.waitFor('shell.openExternal', (record) => record.url === link);
    expect(await app.probe('windowOpen', { url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(await app.probe('windowOpen', { url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    const opened = app.records.filter((record) => record.kind === 'shell.openExternal').map((r) => r.url);
    expect(opened).toEqual([link]);
  });

  it('blocks navigation away from the app but not within it', async () => {
    expect(await app.probe('navigate', { url: foreignUrl })).toEqual({ prevented: true });
    expect(await app.probe('navigate', { url: 'file:///etc/passwd' })).toEqual({ prevented: true });
    expect(await app.probe('navigate', { url: foreignUrl, event: 'will-frame-navigate' })).toEqual({
      prevented: true,
    });
    expect(await app.probe('navigate', { url: appUrl })).toEqual({ prevented: false });
  });

  it('guards any webContents created later: no webviews, no navigation, no windows', async () => {
    expect(await app.probe('strayWebContents')).toEqual({
      webviewPrevented: true,
      navigationPrevented: true,
      windowOpen: { action: 'deny' },
    });
  });

  it('has a menu with the view shortcuts, full screen on F11 and quit', async () => {
    type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[] };
    const menu = await app.probe<Item[]>('menu');
    const view = menu.find((item) => item.label === 'View')!;
    const shortcuts = Object.fromEntries(
      view.submenu!.filter((item) => item.label).map((item) => [item.label, item.accelerator]),
    );
    expect(shortcuts).toEqual({
      Map: 'CmdOrCtrl+1',
      'Dock timeline': 'CmdOrCtrl+2',
      Lines: 'CmdOrCtrl+3',
      Deliveries: 'CmdOrCtrl+4',
      Partners: 'CmdOrCtrl+5',
      Reports: 'CmdOrCtrl+6',
      Wall: 'CmdOrCtrl+7',
    });
    expect(view.submenu!.find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('F11');
    expect(menu.find((item) => item.label === 'File')?.submenu?.map((item) => item.role)).toEqual(['quit']);
    expect(menu.find((item) => item.role === 'help')?.submenu?.map((item) => item.role)).toEqual(['about']);
  });

  it('asks the renderer to navigate when a view is chosen in the menu', async () => {
    await app.probe('menuClick', { path: ['View', 'Lines'] });
    const sent = await app.waitFor(
      'webContents.send',
      (record) => record.channel === IPC_EVENT_CHANNEL && (record.args as unknown[])[0] === 'ui.navigate',
    );
    expect(sent.args).toEqual(['ui.navigate', { view: 'lines' }]);
  });

  it('answers IPC calls from the app page through the registry and refuses everyone else', async () => {
    const handlers = app.records.filter((record) => record.kind === 'ipcMain.handle');
    expect(handlers.map((record) => record.channel)).toEqual([IPC_CALL_CHANNEL]);

    const invoke = (frameUrl: string | null, ...args: unknown[]) =>
      app.probe<CallResult>('invoke', { channel: IPC_CALL_CHANNEL, frameUrl, args });

    // A real procedure, end to end; the plant clock runs at the --speed given on the command line.
    const overview = await invoke(appUrl, 'plant.overview', {});
    expect(overview).toMatchObject({ ok: true, value: { clock: { speed: 60 } } });
    const reached = await invoke(appUrl, 'no.such.procedure', {});
    expect(reached).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await invoke(foreignUrl, 'no.such.procedure', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke(null, 'no.such.procedure', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke(appUrl, 42, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('forwards the plant’s change events to the window on the event channel', async () => {
    const tick = await app.waitFor(
      'webContents.send',
      (record) => record.channel === IPC_EVENT_CHANNEL && (record.args as unknown[])[0] === 'clock.tick',
    );
    expect(tick.args).toEqual(['clock.tick', { now: expect.any(Number), speed: 60 }]);
  });

  it('brings the window back when the app is started a second time', async () => {
    await app.probe('secondInstance');
    await app.waitFor('window.restore');
    await app.waitFor('window.focus');
  });

  it('serves the wall on loopback with --wall-port', async () => {
    // The server starts right after the window; the app logs its address once it listens.
    await app.waitForOutput(/wall server at http:\/\/127\.0\.0\.1:\d+\//);
    const status = (await fetch(`http://127.0.0.1:${wallPort}/api/health`)).status;
    expect(status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${wallPort}/`);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('creates and migrates the database in userData, and closes it cleanly on quit', async () => {
    await app.probe('quit');
    // The first quit is held back until the database is closed, then quitting resumes.
    await app.waitFor('before-quit.prevented');
    expect(await app.exit()).toBe(0);
    const kinds = app.records.map((record) => record.kind);
    expect(kinds.indexOf('ipcMain.removeHandler')).toBeGreaterThan(kinds.indexOf('before-quit.prevented'));
    expect(kinds.at(-1)).toBe('app.exit');

    expect(existsSync(dbPath)).toBe(true);
    // Checkpointed on close: nothing is left in the write-ahead log.
    const wal = `${dbPath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      const table = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inbound_delivery'")
        .get();
      expect(table).toEqual({ name: 'inbound_delivery' });
    } finally {
      db.close();
    }
  });
});

describe('the desktop app refuses a database it cannot use', () => {
  const folder = tempFolder('leitstand-boot-bad-');
  afterAll(() => folder.remove());

  it('shows the reason, quits, and leaves the file exactly as it was', async () => {
    requireBuiltBundle();
    const dbPath = folder.file('leitstand.db');
    const garbage = Buffer.from('This is a spreadsheet, not a database.\n'.repeat(200));
    writeFileSync(dbPath, garbage);
    const app = new BootedApp({ userData: folder.dir });
    try {
      const box = await app.waitFor('dialog.showErrorBox');
      expect(box.title).toBe('Leitstand cannot open its database');
      expect(box.content).toContain(dbPath);
      expect(await app.exit()).toBe(0);
      expect(app.records.some((record) => record.kind === 'BrowserWindow')).toBe(false);
      expect(app.records.some((record) => record.kind === 'ipcMain.handle')).toBe(false);
      expect(readFileSync(dbPath).equals(garbage)).toBe(true);
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
    } finally {
      app.kill();
    }
  });
});

describe('a second start of the desktop app', () => {
  const folder = tempFolder('leitstand-boot-second-');
  afterAll(() => folder.remove());

  it('quits at once when another instance holds the lock, without opening anything', async () => {
    requireBuiltBundle();
    const app = new BootedApp({ userData: folder.dir, env: { FAKE_ELECTRON_LOCK: 'taken' } });
    try {
      expect(await app.exit()).toBe(0);
      const kinds = app.records.map((record) => record.kind);
      expect(kinds).toContain('app.quit');
      expect(kinds).not.toContain('BrowserWindow');
      expect(kinds).not.toContain('ipcMain.handle');
      expect(existsSync(folder.file('leitstand.db'))).toBe(false);
    } finally {
      app.kill();
    }
  });
});

describe('the desktop app in development (electron-vite dev)', () => {
  const folder = tempFolder('leitstand-boot-dev-');
  afterAll(() => folder.remove());

  it('loads the dev server, trusts only its origin, and allows the fast-refresh preamble', async () => {
    requireBuiltBundle();
    const devUrl = 'http://localhost:5173/';
    const app = new BootedApp({
      userData: folder.dir,
      args: ['--empty'],
      env: { ELECTRON_RENDERER_URL: devUrl },
    });
    try {
      expect((await app.waitFor('loadURL')).url).toBe(devUrl);
      const invoke = (frameUrl: string) =>
        app.probe<CallResult>('invoke', {
          channel: IPC_CALL_CHANNEL,
          frameUrl,
          args: ['no.such.procedure', {}],
        });
      expect(await invoke(`${devUrl}#/map`)).toMatchObject({ error: { code: 'UNKNOWN_PROCEDURE' } });
      expect(await invoke(pathToFileURL(rendererIndex).href)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const response = await app.probe<{ responseHeaders: Record<string, string[]> }>('headers', {
        url: devUrl,
      });
      expect(response.responseHeaders['Content-Security-Policy']).toEqual([
        contentSecurityPolicy({ dev: true }),
      ]);
      await app.probe('quit');
      expect(await app.exit()).toBe(0);
    } finally {
      app.kill();
    }
  });
});

describe('the built preload', () => {
  it('requires nothing but electron: a sandboxed preload can load nothing else', () => {
    requireBuiltBundle();
    const code = readFileSync(preloadBundle, 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
