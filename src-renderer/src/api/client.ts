import type {
  EventMap,
  EventName,
  LeitstandBridge,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
  Result,
} from '../../../src-main/api/contract';
import { viewerToken } from './viewerToken';

/**
 * The renderer's one way to the plant: `window.leitstand` inside the desktop app, HTTP and
 * server-sent events in a browser. Both speak the same registry, so views never know which.
 */
function httpBridge(base = '', token: string | null = null): LeitstandBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureStream = () => {
    if (source) return;
    // EventSource reconnects by itself (the server sends `retry: 2000`). It cannot send headers,
    // so a viewer's token goes in the query string.
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    source = new EventSource(`${base}/api/events${query}`);
    source.addEventListener('open', () => dispatchConnection(true));
    source.addEventListener('error', () => dispatchConnection(false));
  };
  const subscribeOnStream = (event: EventName) => {
    source?.addEventListener(event, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };

  return {
    async call(name, input) {
      try {
        const response = await fetch(`${base}/api/call/${name}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<never>;
      } catch (error) {
        dispatchConnection(false);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The plant server cannot be reached: ${(error as Error).message}`,
          },
        };
      }
    },
    on(event, listener) {
      ensureStream();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        subscribeOnStream(event);
      }
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
}

const connectionListeners = new Set<(online: boolean) => void>();
function dispatchConnection(online: boolean) {
  for (const listener of connectionListeners) listener(online);
}

/** Tells whether the browser's link to the server is up (always true inside the desktop app). */
export function onConnectionChange(listener: (online: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export const bridge: LeitstandBridge = window.leitstand ?? httpBridge('', viewerToken);
export const isDesktop = window.leitstand !== undefined;

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Calls a procedure and returns its value, or throws ApiCallError with the server's message. */
export async function call<N extends ProcedureName>(
  name: N,
  input: ProcedureInput<N>,
): Promise<ProcedureOutput<N>> {
  const result = await bridge.call(name, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
  return bridge.on(event, listener);
}
