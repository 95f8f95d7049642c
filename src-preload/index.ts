import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  type EventMap,
  type EventName,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  type LeitstandBridge,
} from '../src-main/api/contract';

// The whole surface the renderer gets: `call` and `on`, nothing else. The renderer never sees
// ipcRenderer or an IPC event object (its `sender` would hand out ipcRenderer itself).

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One listener on the channel, fanned out by event name: views subscribe and unsubscribe often,
// and per-view IPC listeners would trip the max-listeners warning.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`[leitstand] a listener of "${name}" failed`, error);
    }
  }
});

const bridge: LeitstandBridge = {
  call(name, input) {
    if (typeof name !== 'string')
      return Promise.reject(new TypeError('leitstand.call: name must be a string'));
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input);
  },
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
    if (typeof event !== 'string') throw new TypeError('leitstand.on: event must be a string');
    if (typeof listener !== 'function') throw new TypeError('leitstand.on: listener must be a function');
    // The main process sends the payload that belongs to this event name.
    const entry = listener as Listener;
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(entry);
    return () => {
      listeners.get(event)?.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld('leitstand', bridge);
