import type { ServerResponse } from 'node:http';
import type { ApiErrorCode } from '../api/result';
import { SECURITY_HEADERS } from './securityHeaders';

// How both HTTP servers (the app's and the partner ingest server) answer in JSON: the result
// shapes of the API ({ok,value}|{ok,error}) with the HTTP status each refusal code stands for.

export const STATUS_OF: Record<ApiErrorCode, number> = {
  UNKNOWN_PROCEDURE: 404,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  DISK_FULL: 507,
  INTERNAL: 500,
};

const JSON_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...JSON_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
