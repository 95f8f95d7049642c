import { call } from '../../api/client';
import { base64ToBytes } from '../reports/downloadFile';

// Plant files on their way to the plant: read in the browser as base64; a file larger than one
// request (the HTTP transport takes 1 MiB) goes in chunks through plantData.upload first.

/** Base64 characters per chunk: a multiple of 4, so each chunk decodes on its own. */
const CHUNK = 512 * 1024;

export type FileRef = { name: string; contentBase64: string } | { name: string; uploadId: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

export async function readPicked(files: readonly File[]): Promise<{ name: string; base64: string }[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      base64: toBase64(new Uint8Array(await file.arrayBuffer())),
    })),
  );
}

/** Small files go inline; big ones are uploaded in chunks and named by their upload id. */
export async function stageFiles(files: readonly { name: string; base64: string }[]): Promise<FileRef[]> {
  const refs: FileRef[] = [];
  for (const file of files) {
    if (file.base64.length <= CHUNK) {
      refs.push({ name: file.name, contentBase64: file.base64 });
      continue;
    }
    const uploadId = crypto.randomUUID();
    const count = Math.ceil(file.base64.length / CHUNK);
    for (let index = 0; index < count; index++) {
      await call('plantData.upload', {
        uploadId,
        index,
        count,
        chunkBase64: file.base64.slice(index * CHUNK, (index + 1) * CHUNK),
      });
    }
    refs.push({ name: file.name, uploadId });
  }
  return refs;
}

export function downloadPlantFiles(
  files: readonly { name: string; mimeType: string; contentBase64: string }[],
) {
  for (const file of files) {
    const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
