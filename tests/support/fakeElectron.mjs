// A stand-in for the `electron` module, for booting the built main bundle under plain Node.
// It implements the part of Electron's API the Electron edge uses, behaves like Electron where
// the edge depends on it (quit sequence, 'web-contents-created', handler registration), and
// records every call. Anything it lacks fails loudly (a missing export or method), so the fake
// never silently agrees with code it does not understand.
//
// Environment: FAKE_ELECTRON_USER_DATA (required), FAKE_ELECTRON_APP_PATH, FAKE_ELECTRON_LOCK=taken.

import { EventEmitter } from 'node:events';

/** Every recorded call, in order; also emitted as 'record' for the driver to forward. */
export const recorder = new EventEmitter();
export const records = [];
function record(kind, data = {}) {
  const entry = { kind, ...data };
  records.push(entry);
  recorder.emit('record', entry);
}

/** An Electron-style event whose default action can be prevented. */
export function cancellableEvent(extra = {}) {
  return {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** What the session was given; the driver calls these handlers to probe them. */
export const sessionState = {
  headersListener: null,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
};

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  id = nextWebContentsId++;
  windowOpenHandler = null;
  destroyed = false;
  url = '';

  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
    record('webContents.setWindowOpenHandler', { id: this.id });
  }
  send(channel, ...args) {
    record('webContents.send', { id: this.id, channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  loadURL(url) {
    this.url = url;
    record('loadURL', { id: this.id, url });
    return Promise.resolve();
  }
  loadFile(path) {
    this.url = `file://${path}`;
    record('loadFile', { id: this.id, path });
    return Promise.resolve();
  }
}

const windows = [];

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  static getFocusedWindow() {
    return windows.find((window) => window.focused && !window.destroyed) ?? null;
  }

  destroyed = false;
  focused = false;
  minimized = false;
  visible = false;

  constructor(options = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    windows.push(this);
    record('BrowserWindow', { id: this.webContents.id, options });
    // Electron announces every webContents as it is created, before the constructor returns.
    app.emit('web-contents-created', cancellableEvent(), this.webContents);
  }
  async loadURL(url) {
    await this.webContents.loadURL(url);
    setImmediate(() => this.emit('ready-to-show'));
  }
  async loadFile(path) {
    await this.webContents.loadFile(path);
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
    record('window.show', { id: this.webContents.id });
  }
  focus() {
    this.focused = true;
    record('window.focus', { id: this.webContents.id });
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    record('window.restore', { id: this.webContents.id });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  #ready = false;
  #resolveReady = () => {};
  #readyPromise = new Promise((resolve) => {
    this.#resolveReady = resolve;
  });

  requestSingleInstanceLock() {
    const granted = process.env.FAKE_ELECTRON_LOCK !== 'taken';
    record('app.requestSingleInstanceLock', { granted });
    return granted;
  }
  enableSandbox() {
    record('app.enableSandbox');
  }
  getPath(name) {
    if (name === 'userData' && process.env.FAKE_ELECTRON_USER_DATA)
      return process.env.FAKE_ELECTRON_USER_DATA;
    throw new Error(`fake electron: app.getPath('${name}') is not faked`);
  }
  getAppPath() {
    return process.env.FAKE_ELECTRON_APP_PATH ?? process.cwd();
  }
  getVersion() {
    return '0.0.0-fake';
  }
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', { options });
  }
  isReady() {
    return this.#ready;
  }
  whenReady() {
    return this.#readyPromise;
  }
  /** Called by the driver once the main bundle has been evaluated, as Electron does. */
  emitReady() {
    this.#ready = true;
    this.emit('ready', cancellableEvent(), {});
    this.#resolveReady();
  }
  quit() {
    record('app.quit');
    const beforeQuit = cancellableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      record('before-quit.prevented');
      return;
    }
    const willQuit = cancellableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', cancellableEvent(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    record('app.exit', { code });
    recorder.emit('exit', code);
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map(),
  handle(channel, listener) {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
    record('ipcMain.handle', { channel });
  },
  removeHandler(channel) {
    this.handlers.delete(channel);
    record('ipcMain.removeHandler', { channel });
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(filterOrListener, maybeListener) {
        sessionState.headersListener = maybeListener ?? filterOrListener;
        record('session.onHeadersReceived');
      },
    },
    setPermissionRequestHandler(handler) {
      sessionState.permissionRequestHandler = handler;
      record('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler(handler) {
      sessionState.permissionCheckHandler = handler;
      record('session.setPermissionCheckHandler');
    },
  },
};

export const menuState = { applicationMenu: null };

export const Menu = {
  buildFromTemplate(template) {
    return { items: template };
  },
  setApplicationMenu(menu) {
    menuState.applicationMenu = menu;
    record('Menu.setApplicationMenu');
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
};

export const shell = {
  openExternal(url) {
    record('shell.openExternal', { url });
    return Promise.resolve();
  },
};

export default { app, BrowserWindow, dialog, ipcMain, Menu, session, shell };
