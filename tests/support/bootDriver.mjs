// Runs the built main bundle under plain Node with the fake `electron` module, like Electron
// would: load the bundle, then emit 'ready'. Forwards every recorded call to the parent (the
// boot test) over the IPC channel and answers its probes. Usage (via child_process.fork):
//   FAKE_ELECTRON_MAIN=out/main/index.js FAKE_ELECTRON_USER_DATA=<dir> node bootDriver.mjs [app args]

import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./fakeElectronHooks.mjs', import.meta.url);
const fake = await import('./fakeElectron.mjs');

/** Process messages are JSON: functions become a marker, undefined is dropped. */
const toWire = (value) =>
  JSON.parse(JSON.stringify(value, (_key, inner) => (typeof inner === 'function' ? '[function]' : inner)));
const send = (message, then) => process.send(toWire(message), then);

fake.recorder.on('record', (record) => send({ type: 'record', record }));
fake.recorder.on('exit', (code) => send({ type: 'exit', code }, () => process.exit(code)));

const mainWindow = () => {
  const window = fake.BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('no window has been created');
  return window;
};

function findMenuItem(items, path) {
  const [head, ...rest] = path;
  const item = items.find((candidate) => (candidate.label ?? candidate.role) === head);
  if (!item) throw new Error(`no menu item "${head}"`);
  return rest.length === 0 ? item : findMenuItem(item.submenu ?? [], rest);
}

const probes = {
  menu: () => fake.menuState.applicationMenu?.items ?? null,
  headers: ({ url, resourceType }) =>
    new Promise((done) =>
      fake.sessionState.headersListener(
        {
          url,
          resourceType,
          responseHeaders: { 'content-security-policy': ['default-src *'], 'x-other': ['1'] },
        },
        done,
      ),
    ),
  permissionRequest: ({ permission }) =>
    new Promise((done) =>
      fake.sessionState.permissionRequestHandler(mainWindow().webContents, permission, done, {}),
    ),
  permissionCheck: ({ permission }) =>
    fake.sessionState.permissionCheckHandler(mainWindow().webContents, permission, 'file://', {}),
  windowOpen: ({ url }) =>
    mainWindow().webContents.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
    }),
  navigate: ({ url, event = 'will-navigate' }) => {
    const navigation = fake.cancellableEvent({ url });
    mainWindow().webContents.emit(event, navigation, url);
    return { prevented: navigation.defaultPrevented };
  },
  /** A webContents nobody planned for (a webview attempt): is it guarded too? */
  strayWebContents: () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', fake.cancellableEvent(), contents);
    const attach = fake.cancellableEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    const navigation = fake.cancellableEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', navigation, navigation.url);
    return {
      webviewPrevented: attach.defaultPrevented,
      navigationPrevented: navigation.defaultPrevented,
      windowOpen: contents.windowOpenHandler?.({ url: 'https://example.com/' }) ?? null,
    };
  },
  invoke: ({ channel, frameUrl, args }) => {
    const handler = fake.ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler on ${channel}`);
    const event = {
      senderFrame: frameUrl === null ? null : { url: frameUrl },
      sender: mainWindow().webContents,
    };
    return handler(event, ...args);
  },
  menuClick: ({ path }) => {
    const window = mainWindow();
    window.focused = true;
    const item = findMenuItem(fake.menuState.applicationMenu.items, path);
    item.click(item, window, {});
    return true;
  },
  secondInstance: () => {
    mainWindow().minimized = true;
    fake.app.emit('second-instance', fake.cancellableEvent(), [], process.cwd(), {});
    return true;
  },
  quit: () => {
    fake.app.quit();
    return true;
  },
};

process.on('message', async ({ id, op, params }) => {
  try {
    const probe = probes[op];
    if (!probe) throw new Error(`unknown probe "${op}"`);
    send({ type: 'reply', id, result: (await probe(params ?? {})) ?? null });
  } catch (error) {
    send({
      type: 'reply',
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

await import(pathToFileURL(resolve(process.env.FAKE_ELECTRON_MAIN ?? 'out/main/index.js')).href);
send({ type: 'loaded' });
fake.app.emitReady();
