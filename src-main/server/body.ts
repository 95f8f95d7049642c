import type { IncomingMessage } from 'node:http';
import { DomainError } from '../api/result';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body, refusing more than `limit` bytes before buffering them. */
export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    throw new DomainError('PAYLOAD_TOO_LARGE', `The request body may be at most ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      throw new DomainError('PAYLOAD_TOO_LARGE', `The request body may be at most ${limit} bytes.`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
