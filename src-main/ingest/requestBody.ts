import type { IncomingMessage } from 'node:http';
import { DomainError } from '../api/result';

// Reads a request body as text, refusing more than `limit` bytes before buffering them (the same
// rule as the app server's readJsonBody; the OsmAnd routes need the text, which may be a form).

export const POSITION_BODY_LIMIT = 64 * 1024;
export const NOTICE_BODY_LIMIT = 1024 * 1024;

const tooLarge = (limit: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `The request body may be at most ${limit} bytes.`, { limit });

export async function readBodyText(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type BodyKind = 'json' | 'form' | 'empty';

/** What a body is: by its Content-Type, else by its first character (some trackers send none). */
export function bodyKind(contentType: string | undefined, text: string): BodyKind {
  if (text.trim() === '') return 'empty';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? 'json' : 'form';
}

/** JSON.parse that refuses with a 400 saying where it broke. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `The JSON body is not valid JSON: ${(error as Error).message}`, {
      issues: [{ field: '(body)', where: 'JSON body', message: (error as Error).message }],
    });
  }
}
