import type { Page } from '@playwright/test';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../src-main/api/contract';

/**
 * Calls a procedure over HTTP on the page's server (arranging or checking what the test does in
 * the browser); a refusal fails the test with the server's message.
 */
export async function api<N extends ProcedureName>(page: Page, name: N, input: ProcedureInput<N>) {
  const response = await page.request.post(`/api/call/${name}`, { data: input ?? {} });
  const body = (await response.json()) as {
    ok: boolean;
    value: ProcedureOutput<N>;
    error?: { message: string };
  };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}
