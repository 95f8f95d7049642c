// Notice files come as UTF-8 (CSV, UNOD/UNOW interchanges) or ISO 8859-1 (UNOA to UNOC, the usual
// EDIFACT character sets). Reading bytes and trying UTF-8 strictly first keeps umlauts intact
// either way; the renderer needs no Node for it.

export async function readNoticeFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Files larger than this are refused here already; the server refuses them too. */
export const MAX_NOTICE_FILE_BYTES = 2_000_000;

/** Offers text as a download (the CSV template) from the browser or Electron's renderer. */
export function offerDownload(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
