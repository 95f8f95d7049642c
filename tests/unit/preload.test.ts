import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type LeitstandBridge } from '../../src-main/api/contract';

// The preload against a mocked `electron`: what reaches the page is exactly {call, on}.

type ChannelListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  channelListeners: new Map<string, ChannelListener[]>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: ChannelListener) => {
      electron.channelListeners.set(channel, [...(electron.channelListeners.get(channel) ?? []), listener]);
    },
  },
}));

const deliver = (name: unknown, payload: unknown) => {
  const sender = { secret: 'the IPC event must not reach the page' };
  for (const listener of electron.channelListeners.get(IPC_EVENT_CHANNEL) ?? [])
    listener({ sender }, name, payload);
};

let bridge: LeitstandBridge;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.channelListeners.clear();
  electron.invoke.mockClear();
  await import('../../src-preload/index');
  bridge = electron.exposed.get('leitstand') as LeitstandBridge;
});

afterEach(() => vi.restoreAllMocks());

describe('the preload bridge', () => {
  it('exposes exactly window.leitstand = {call, on}', () => {
    expect([...electron.exposed.keys()]).toEqual(['leitstand']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    // One listener on the one event channel, however many views subscribe.
    expect([...electron.channelListeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
  });

  it('sends calls over the call channel and returns the answer', async () => {
    const call = bridge.call as (name: unknown, input: unknown) => Promise<unknown>;
    await expect(call('plant.info', {})).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'plant.info', {});
    await expect(call(42, {})).rejects.toThrow(TypeError);
    expect(electron.invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers only the named event, only its payload, until unsubscribed', () => {
    const seen: unknown[][] = [];
    const off = bridge.on('alerts.changed', (...args: unknown[]) => seen.push(args));
    deliver('deliveries.changed', { ids: ['D-1'] });
    deliver('alerts.changed', { open: 2 });
    deliver(42, { open: 9 });
    off();
    deliver('alerts.changed', { open: 3 });
    expect(seen).toEqual([[{ open: 2 }]]);
  });

  it('keeps other listeners running when one throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: unknown[] = [];
    bridge.on('alerts.changed', () => {
      throw new Error('view bug');
    });
    bridge.on('alerts.changed', (payload) => seen.push(payload));
    deliver('alerts.changed', { open: 1 });
    expect(seen).toEqual([{ open: 1 }]);
  });

  it('refuses an event name or listener of the wrong type', () => {
    const on = bridge.on as (event: unknown, listener: unknown) => unknown;
    expect(() => on(42, () => {})).toThrow(TypeError);
    expect(() => on('alerts.changed', 'not a function')).toThrow(TypeError);
  });
});
