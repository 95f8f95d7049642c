import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../api/contract';
import type { Caller } from '../api/registry';
import { fail, type Result } from '../api/result';
import type { Leitstand } from '../app/createLeitstand';

// The IPC transport, derived from the registry: one handler serves every procedure, one channel
// carries every event. Electron's objects come in as parameters (structural types), so the
// adapter is tested under plain Node.

export interface IpcInvokeEventLike {
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** The desktop user sits at the plant's own machine: they may change data. */
export const IPC_CALLER: Caller = { transport: 'ipc', access: 'write' };

const MAX_NAME_LENGTH = 200;

/** Binds the registry to IPC; returns the function that unbinds it (before the database closes). */
export function bindIpc(
  ipcMain: IpcMainLike,
  leitstand: Pick<Leitstand, 'call' | 'bus'>,
  isTrustedSender: (frameUrl: string) => boolean,
  getWindows: () => readonly EventTargetLike[],
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name, input): Promise<Result<unknown>> | Result<never> => {
    const frameUrl = event.senderFrame?.url;
    if (frameUrl === undefined || !isTrustedSender(frameUrl)) {
      return fail('FORBIDDEN', 'Calls are accepted from the Leitstand window only.');
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
      return fail('INVALID_INPUT', 'The procedure name must be a non-empty string.');
    }
    return leitstand.call(name, input, IPC_CALLER);
  });

  const stopForwarding = leitstand.bus.onAny((eventName, payload) => {
    for (const target of getWindows()) {
      if (target.isDestroyed()) continue;
      try {
        target.send(IPC_EVENT_CHANNEL, eventName, payload);
      } catch {
        // A renderer that is going away must neither starve the other windows nor throw into
        // the service that emitted after its commit.
      }
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    stopForwarding();
  };
}
