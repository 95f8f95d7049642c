import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src-main/api/contract';
import { EventBus } from '../../src-main/api/events';
import type { Caller } from '../../src-main/api/registry';
import { ok, type Result } from '../../src-main/api/result';
import {
  bindIpc,
  type EventTargetLike,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from '../../src-main/electron/ipc';

const APP_URL = 'file:///opt/leitstand/out/renderer/index.html#/map';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(frameUrl: string | null, ...args: unknown[]): Promise<Result<unknown>> {
    const handler = this.handlers.get(IPC_CALL_CHANNEL);
    if (!handler) throw new Error('no handler');
    return Promise.resolve(
      handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args),
    ) as Promise<Result<unknown>>;
  }
}

class FakeWindow implements EventTargetLike {
  readonly sent: unknown[][] = [];
  constructor(
    private destroyed = false,
    private readonly broken = false,
  ) {}
  send(channel: string, ...args: unknown[]): void {
    if (this.broken) throw new Error('Render frame was disposed');
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function setUp(windows: FakeWindow[] = []) {
  const ipcMain = new FakeIpcMain();
  const bus = new EventBus();
  const call = vi.fn(async (name: string, input: unknown, caller: Caller) => ok({ name, input, caller }));
  const unbind = bindIpc(
    ipcMain,
    { call, bus },
    (url) => url.startsWith('file:///opt/leitstand/'),
    () => windows,
  );
  return { ipcMain, bus, call, unbind };
}

describe('bindIpc: calls', () => {
  it('registers one handler, on the call channel', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
  });

  it('passes name and input from the app page to the registry as a writing IPC caller', async () => {
    const { ipcMain, call } = setUp();
    const result = await ipcMain.invoke(APP_URL, 'deliveries.list', { status: 'late' });
    expect(call).toHaveBeenCalledExactlyOnceWith(
      'deliveries.list',
      { status: 'late' },
      { transport: 'ipc', access: 'write' },
    );
    expect(result).toEqual(
      ok({
        name: 'deliveries.list',
        input: { status: 'late' },
        caller: { transport: 'ipc', access: 'write' },
      }),
    );
  });

  it('refuses frames that are not the app page, and frames that are gone', async () => {
    const { ipcMain, call } = setUp();
    for (const frameUrl of ['https://evil.example/', 'file:///tmp/other.html', 'about:blank', null]) {
      expect(await ipcMain.invoke(frameUrl, 'deliveries.list', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a procedure name that is not a string', async () => {
    const { ipcMain, call } = setUp();
    for (const name of [42, null, undefined, { toString: () => 'x' }, '', 'x'.repeat(201)]) {
      expect(await ipcMain.invoke(APP_URL, name, {})).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(call).not.toHaveBeenCalled();
  });
});

describe('bindIpc: events', () => {
  it('forwards every bus event to every open window on the event channel', () => {
    const first = new FakeWindow();
    const second = new FakeWindow();
    const { bus } = setUp([first, second]);
    bus.emit('deliveries.changed', { ids: ['D-1'] });
    bus.emit('alerts.changed', { open: 3 });
    const expected = [
      [IPC_EVENT_CHANNEL, 'deliveries.changed', { ids: ['D-1'] }],
      [IPC_EVENT_CHANNEL, 'alerts.changed', { open: 3 }],
    ];
    expect(first.sent).toEqual(expected);
    expect(second.sent).toEqual(expected);
  });

  it('skips destroyed windows and survives a window that throws, without throwing into the emitter', () => {
    const gone = new FakeWindow(true);
    const broken = new FakeWindow(false, true);
    const healthy = new FakeWindow();
    const { bus } = setUp([gone, broken, healthy]);
    expect(() => bus.emit('stock.changed', { partIds: ['P-7'] })).not.toThrow();
    expect(gone.sent).toEqual([]);
    expect(healthy.sent).toEqual([[IPC_EVENT_CHANNEL, 'stock.changed', { partIds: ['P-7'] }]]);
  });

  it('asks for the window list at each event, so windows opened later get events too', () => {
    const windows: FakeWindow[] = [];
    const { bus } = setUp(windows);
    const late = new FakeWindow();
    windows.push(late);
    bus.emit('orders.changed', { lineIds: ['L1'] });
    expect(late.sent).toHaveLength(1);
  });

  it('unbinding removes the handler and stops the events', () => {
    const window = new FakeWindow();
    const { ipcMain, bus, unbind } = setUp([window]);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    bus.emit('alerts.changed', { open: 1 });
    expect(window.sent).toEqual([]);
  });
});
