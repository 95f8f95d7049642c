import type { ServerResponse } from 'node:http';
import type { ApiErrorCode } from '../api/result';
import { STATUS_OF, sendJson } from '../server/jsonAnswers';

// How the ingest server answers: refusals in the app API's shape (sent as the app's server sends
// them, see server/jsonAnswers.ts), and for a stored position the empty 200 that Traccar Client and
// OsmAnd expect.

/**
 * The answer to a stored position: thousands a second, read by no browser, so only the headers
 * that matter (the page-security headers of the JSON answers would only lengthen every write).
 */
export function sendEmptyOk(response: ServerResponse) {
  response.writeHead(200, EMPTY_OK_HEADERS);
  response.end();
}

const EMPTY_OK_HEADERS = {
  'Content-Length': '0',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function sendRefusal(
  response: ServerResponse,
  code: ApiErrorCode,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
) {
  const error = details === undefined ? { code, message } : { code, message, details };
  sendJson(response, STATUS_OF[code], { ok: false, error }, headers);
}
