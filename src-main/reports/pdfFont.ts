import { existsSync } from 'node:fs';

// The PDF embeds a TrueType font with German umlauts, ß and € when the computer has one (subset by
// pdfkit, so the file stays small and reads the same everywhere). Without one it falls back to the
// PDF standard Helvetica, whose WinAnsi encoding also covers those characters.

export interface PdfFonts {
  regular: string;
  bold: string;
  /** The file names when a TrueType font is embedded; null for the standard Helvetica. */
  embedded: { regular: string; bold: string } | null;
}

const CANDIDATES: readonly [string, string][] = [
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
    '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf',
  ],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
];

let found: PdfFonts | undefined;

export function pdfFonts(): PdfFonts {
  if (!found) {
    const pair = CANDIDATES.find(([regular, bold]) => existsSync(regular) && existsSync(bold));
    found = pair
      ? { regular: 'report-regular', bold: 'report-bold', embedded: { regular: pair[0], bold: pair[1] } }
      : { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: null };
  }
  return found;
}
