// A report file reaches the user the same way in a browser and in the desktop app: a Blob and a
// link with `download`. In Electron that opens the native save dialog by itself, so the renderer
// needs no Node and no extra IPC.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function downloadFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
