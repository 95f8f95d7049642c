import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The outside tools that prove the files are real: LibreOffice opens the workbook, poppler renders
// and reads the PDF. Each LibreOffice run gets a private profile so parallel runs do not collide.

const run = promisify(execFile);

/** Every sheet of the workbook as CSV text, converted by LibreOffice headless: name → text. */
export async function xlsxSheetsViaLibreOffice(xlsx: Buffer, dir: string): Promise<Map<string, string>> {
  const input = join(dir, 'report.xlsx');
  const out = join(dir, 'csv');
  mkdirSync(out, { recursive: true });
  writeFileSync(input, xlsx);
  // Filter options: comma, double quote, UTF-8, start row 1, …, formatted text as shown, all
  // sheets (-1: one file per sheet, named after it).
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir',
      out,
      input,
    ],
    { timeout: 120_000 },
  );
  const sheets = new Map<string, string>();
  for (const file of readdirSync(out)) {
    const match = /^report-(.+)\.csv$/.exec(file);
    if (match) sheets.set(match[1]!, readFileSync(join(out, file), 'utf8'));
  }
  return sheets;
}

/** Renders every page to PNG; returns the page images' paths. */
export async function pdfPagesAsPng(pdf: string, dir: string, resolution = 40): Promise<string[]> {
  const prefix = join(dir, 'page');
  await run('pdftoppm', ['-r', String(resolution), '-png', pdf, prefix], { timeout: 60_000 });
  return readdirSync(dir)
    .filter((file) => file.startsWith('page') && file.endsWith('.png'))
    .sort()
    .map((file) => join(dir, file));
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** The PDF's text (layout kept), page by page. */
export async function pdfText(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\f').filter((page, index, pages) => index < pages.length - 1 || page.trim() !== '');
}
