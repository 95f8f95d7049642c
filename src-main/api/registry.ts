import type { z } from 'zod';
import type { AppContext } from '../app/context';
import { diskFullMessage, isDiskFull } from '../db/diskFull';
import { DomainError, fail, ok, type Result } from './result';

/** `read` procedures may be reached by a viewer (wall screen); `write` ones change the plant. */
export type Access = 'read' | 'write';

export interface Procedure<Input extends z.ZodType, Output> {
  access: Access;
  /** One line for the API listing and for the people reading the code. */
  summary: string;
  input: Input;
  // Method syntax on purpose: it lets a map of differently typed procedures share one type.
  handler(ctx: AppContext, input: z.output<Input>): Output | Promise<Output>;
}

export type AnyProcedure = Procedure<z.ZodType, unknown>;

/** Declares a procedure; the identity function exists for inference. */
export const procedure = <Input extends z.ZodType, Output>(definition: Procedure<Input, Output>) =>
  definition;

/** Who is calling: the transport and what it may reach. */
export interface Caller {
  transport: 'ipc' | 'http' | 'internal';
  access: Access;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Turns zod's issues into field paths a person can read: "items.2.quantity". */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

/**
 * The one entry point both transports use. Parses the input before the handler sees it, checks
 * access, and turns every outcome into a Result: nothing a caller sends can crash the process.
 */
export async function callProcedure(
  ctx: AppContext,
  procedures: Readonly<Record<string, AnyProcedure>>,
  name: string,
  rawInput: unknown,
  caller: Caller,
  logger: Logger = console,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(procedures, name)) {
    return fail('UNKNOWN_PROCEDURE', `There is no procedure named "${name}".`);
  }
  const definition = procedures[name]!;
  if (definition.access === 'write' && caller.access !== 'write') {
    return fail('FORBIDDEN', `"${name}" changes data; this connection may only read.`);
  }
  const parsed = definition.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    const first = issues[0]!;
    return fail('INVALID_INPUT', `${name}: ${first.field}: ${first.message}`, { issues });
  }
  try {
    return ok(await definition.handler(ctx, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message, error.details);
    if (isDiskFull(error)) {
      logger.error(`[api] ${name}: the disk is full`, error);
      return fail('DISK_FULL', diskFullMessage(name));
    }
    logger.error(`[api] ${name} failed`, error);
    return fail('INTERNAL', `Leitstand could not complete "${name}"; the error was logged.`);
  }
}
