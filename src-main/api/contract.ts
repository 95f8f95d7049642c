import type { z } from 'zod';
import type { EventMap, EventName } from './events';
import type { ProcedureMap } from './procedures/index';
import type { Result } from './result';

// The types the preload and the renderer see. They import this file with `import type` only,
// so no main-process code ever reaches them.

export type ProcedureName = keyof ProcedureMap & string;
export type ProcedureInput<N extends ProcedureName> = z.input<ProcedureMap[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = Awaited<ReturnType<ProcedureMap[N]['handler']>>;

/** Exactly what the preload exposes as `window.leitstand`. */
export interface LeitstandBridge {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<Result<ProcedureOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export const IPC_CALL_CHANNEL = 'leitstand:call';
export const IPC_EVENT_CHANNEL = 'leitstand:event';

export type { EventMap, EventName, Result };
