import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { IPC_EVENT_CHANNEL } from '../api/contract';
import type { EventMap, ViewName } from '../api/events';
import { createLeitstand, type Leitstand } from '../app/createLeitstand';
import { DatabaseOpenError } from '../db/connection';
import { LiveIngest } from '../ingest/liveIngest';
import { type RunningServer, startHttpServer } from '../server/http';
import { bindIpc } from './ipc';
import { parseLaunchOptions } from './launchOptions';
import { buildMenuTemplate } from './menu';
import { NativeBindingMissingError, resolveNativeBinding } from './nativeBinding';
import {
  contentSecurityPolicy,
  guardWebContents,
  hardenSession,
  isTrustedRendererUrl,
  type RendererLocation,
} from './security';
import { createMainWindow, focusWindow } from './window';

// The Electron edge: app lifecycle, the window, the IPC binding. Everything it starts lives in
// createLeitstand, which runs the same under plain Node.

const bundleDir = dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;
// Only an unpackaged app follows the dev-server variable: a packaged one must never be pointed
// at a page that would then hold the bridge.
const devServerUrl = (isDev && process.env.ELECTRON_RENDERER_URL) || undefined;
const renderer: RendererLocation = devServerUrl
  ? { kind: 'dev', url: devServerUrl }
  : { kind: 'file', indexPath: join(bundleDir, '../renderer/index.html') };
const preloadPath = join(bundleDir, '../preload/index.cjs');
const isTrusted = (url: string) => isTrustedRendererUrl(url, renderer);

let mainWindow: BrowserWindow | null = null;
/** Set once the app is ready; settles when startup has finished (or failed). Quitting waits for it. */
let starting: Promise<Leitstand | null> | null = null;
let unbindIpc: (() => void) | null = null;
/** The wall server (`--wall-port N`), for viewer links; null when the switch is absent. */
let wallServer: RunningServer | null = null;
/** The partner ingest server, as the settings say (loopback unless a person chose otherwise); it follows changes. */
let ingestServer: LiveIngest | null = null;
let closing = false;
let closed = false;

function openExternal(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.warn(`[leitstand] could not open ${url}`, error));
}

function navigate(view: ViewName): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (!target || target.isDestroyed()) return;
  const payload: EventMap['ui.navigate'] = { view };
  // Straight to this window rather than through the bus: the bus also feeds browser wall
  // screens, and the desktop menu must not steer those.
  target.webContents.send(IPC_EVENT_CHANNEL, 'ui.navigate', payload);
}

function openMainWindow(): void {
  const window = createMainWindow({ preloadPath, renderer });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function showStartupError(error: unknown): void {
  if (error instanceof DatabaseOpenError) {
    dialog.showErrorBox('Leitstand cannot open its database', error.message);
  } else if (error instanceof NativeBindingMissingError) {
    dialog.showErrorBox('Leitstand is incomplete', error.message);
  } else {
    console.error('[leitstand] startup failed', error);
    dialog.showErrorBox('Leitstand could not start', error instanceof Error ? error.message : String(error));
  }
}

async function start(): Promise<Leitstand | null> {
  hardenSession(session.defaultSession, contentSecurityPolicy({ dev: devServerUrl !== undefined }));
  app.setAboutPanelOptions({ applicationName: 'Leitstand', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isDev, isMac: process.platform === 'darwin', navigate })),
  );
  const launch = parseLaunchOptions(process.argv);
  for (const problem of launch.problems) console.warn(`[leitstand] ignored: ${problem}`);

  let leitstand: Leitstand;
  try {
    const nativeBinding = resolveNativeBinding({
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
    });
    leitstand = await createLeitstand({
      dbPath: join(app.getPath('userData'), 'leitstand.db'),
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(launch.speed ? { speed: launch.speed } : {}),
      empty: launch.empty,
    });
  } catch (error) {
    // A database we cannot use is reported and left exactly as it was found.
    showStartupError(error);
    app.quit();
    return null;
  }
  if (closing) return leitstand;
  try {
    unbindIpc = bindIpc(ipcMain, leitstand, isTrusted, () =>
      BrowserWindow.getAllWindows().map((window) => window.webContents),
    );
    openMainWindow();
  } catch (error) {
    unbindIpc?.();
    unbindIpc = null;
    await leitstand.close();
    throw error;
  }
  if (launch.wallPort !== undefined) await startWallServer(leitstand, launch.wallPort);
  ingestServer = await LiveIngest.start(leitstand.ctx);
  return leitstand;
}

/**
 * Serves the built renderer and the API over HTTP, for wall screens on viewer links. Loopback
 * only for now: binding to the LAN is a setting of a later issue. A port in use is reported and
 * the app runs on without it.
 */
async function startWallServer(leitstand: Leitstand, port: number): Promise<void> {
  try {
    wallServer = await startHttpServer({
      leitstand,
      staticDir: join(bundleDir, '../renderer'),
      host: '127.0.0.1',
      port,
    });
    console.info(`[leitstand] wall server at ${wallServer.url}`);
  } catch (error) {
    console.error(`[leitstand] could not start the wall server on port ${port}`, error);
  }
}

/** Stops IPC, the wall and the ingest server, then closes the database (the WAL is checkpointed into the file). */
async function shutDown(): Promise<void> {
  const leitstand = await starting;
  unbindIpc?.();
  unbindIpc = null;
  await wallServer?.close();
  wallServer = null;
  await ingestServer?.close();
  ingestServer = null;
  await leitstand?.close();
}

function run(): void {
  app.enableSandbox();
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { isTrusted, openExternal }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (unbindIpc && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('before-quit', (event) => {
    if (closed || !starting) return;
    // Electron would end the process right after this event; the database is closed first.
    event.preventDefault();
    if (closing) return;
    closing = true;
    shutDown()
      .catch((error: unknown) => console.error('[leitstand] closing the database failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  // Ctrl+C in a terminal (npm start) ends the app the same clean way as the menu.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      starting = start().catch((error: unknown) => {
        showStartupError(error);
        app.quit();
        return null;
      });
    })
    .catch((error: unknown) => {
      console.error('[leitstand] startup failed', error);
      app.quit();
    });
}

// A second start only brings the running window forward: two processes must not share the file.
if (app.requestSingleInstanceLock()) run();
else app.quit();
