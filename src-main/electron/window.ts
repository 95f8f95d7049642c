import { BrowserWindow } from 'electron';
import type { RendererLocation } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  renderer: RendererLocation;
}

/**
 * The control-room window. Navigation, new windows and webviews are guarded for every
 * webContents in main.ts ('web-contents-created'), this one included.
 */
export function createMainWindow({ preloadPath, renderer }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Leitstand',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown once the first frame is painted, so a wall screen never flashes white.
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would ask for a new window; the open handler denies it anyway, this
      // keeps the request from being made at all.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());

  const loading =
    renderer.kind === 'dev' ? window.loadURL(renderer.url) : window.loadFile(renderer.indexPath);
  loading.catch((error: unknown) => console.error('[leitstand] the window could not load its page', error));
  return window;
}

/** Brings the window to the front (a second start of the app lands here). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
