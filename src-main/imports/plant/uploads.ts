import { DomainError } from '../../api/result';
import type { AppContext } from '../../app/context';

// Big plant files travel in pieces: the HTTP transport takes at most 1 MiB per request, a BOM of
// 50,000 rows is more. A client sends each file as numbered chunks under an upload id and then
// names that id in preview/import. Staged uploads live in memory, per plant, for a short while.

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
export const MAX_CHUNK_BASE64 = 768 * 1024;
const STAGED_FOR_MS = 30 * 60 * 1000;
const MAX_STAGED_UPLOADS = 20;

interface Staged {
  count: number;
  chunks: Map<number, Buffer>;
  bytes: number;
  touchedAt: number;
}

const staging = new WeakMap<AppContext, Map<string, Staged>>();

function uploadsOf(ctx: AppContext): Map<string, Staged> {
  let uploads = staging.get(ctx);
  if (!uploads) {
    uploads = new Map();
    staging.set(ctx, uploads);
  }
  const now = Date.now();
  for (const [id, staged] of uploads) if (now - staged.touchedAt > STAGED_FOR_MS) uploads.delete(id);
  return uploads;
}

/** Stores one chunk; returns how many of the upload's chunks have arrived. */
export function stageChunk(ctx: AppContext, uploadId: string, index: number, count: number, chunk: Buffer) {
  const uploads = uploadsOf(ctx);
  let staged = uploads.get(uploadId);
  if (!staged) {
    if (uploads.size >= MAX_STAGED_UPLOADS) {
      throw new DomainError(
        'CONFLICT',
        `At most ${MAX_STAGED_UPLOADS} uploads may wait at once; import or wait.`,
      );
    }
    staged = { count, chunks: new Map(), bytes: 0, touchedAt: Date.now() };
    uploads.set(uploadId, staged);
  }
  if (staged.count !== count || index >= count) {
    throw new DomainError(
      'INVALID_INPUT',
      `Upload ${uploadId}: chunk ${index} of ${count} does not fit the upload.`,
    );
  }
  staged.bytes += chunk.length - (staged.chunks.get(index)?.length ?? 0);
  if (staged.bytes > MAX_UPLOAD_BYTES) {
    uploads.delete(uploadId);
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `A plant file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB.`,
    );
  }
  staged.chunks.set(index, chunk);
  staged.touchedAt = Date.now();
  return { received: staged.chunks.size, count };
}

/** The whole file of a finished upload (kept until the import takes it). */
export function stagedFile(ctx: AppContext, uploadId: string): Buffer {
  const staged = uploadsOf(ctx).get(uploadId);
  if (!staged || staged.chunks.size !== staged.count) {
    const have = staged ? `${staged.chunks.size} of ${staged.count} chunks` : 'nothing';
    throw new DomainError(
      'NOT_FOUND',
      `Upload ${uploadId} is not complete (${have} arrived); send it again.`,
    );
  }
  return Buffer.concat(Array.from({ length: staged.count }, (_, i) => staged.chunks.get(i)!));
}

export function dropUpload(ctx: AppContext, uploadId: string): void {
  uploadsOf(ctx).delete(uploadId);
}
