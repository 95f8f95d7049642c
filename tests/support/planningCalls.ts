import { vi } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import type { AppContext } from '../../src-main/app/context';

export const desk: Caller = { transport: 'internal', access: 'write' };
export const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

/** Calls a procedure through the registry, typed as the renderer sees it. */
export const callOn =
  (ctx: () => AppContext) =>
  <N extends ProcedureName>(name: N, input: unknown, caller: Caller = desk) =>
    callProcedure(ctx(), procedures, name, input, caller, silent) as Promise<Result<ProcedureOutput<N>>>;

/** The value of an ok result; fails the test with the error otherwise. */
export function okValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
