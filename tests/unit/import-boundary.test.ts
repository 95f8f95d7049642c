import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// DESIGN.md: the renderer and the preload import only types from src-main; `electron` is
// imported only at the edge (src-main/electron). A value import across the line would pull
// main-process code (SQLite, fs) into a bundle that runs in the page.

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** The preload may take the channel names from here: the file holds only constants and types. */
const CONTRACT = join(root, 'src-main', 'api', 'contract.ts');

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split(sep).includes('node_modules'));
}

/** Blanks out comments (keeping line breaks), so commented-out imports do not count. */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_match, before: string) => before);
}

/** Static imports and re-exports, dynamic import() and require(). */
function findImports(code: string): ImportStatement[] {
  const clean = withoutComments(code);
  const found: ImportStatement[] = [];
  const lineOf = (index: number) => clean.slice(0, index).split('\n').length;
  const staticForm = /(^|[\n;])\s*(import|export)(\s+type)?\b([^'";]*?\bfrom\s*|\s*)(['"])([^'"]+)\5/g;
  for (const match of clean.matchAll(staticForm)) {
    const index = match.index + match[1]!.length;
    found.push({
      specifier: match[6]!,
      typeOnly: match[3] !== undefined,
      line: lineOf(index),
      text: match[0].trim(),
    });
  }
  for (const match of clean.matchAll(/\b(import|require)\s*\(\s*(['"])([^'"]+)\2\s*\)/g)) {
    found.push({ specifier: match[3]!, typeOnly: false, line: lineOf(match.index), text: match[0] });
  }
  return found;
}

const resolvesInto = (file: string, specifier: string, folder: string) =>
  specifier.startsWith('.') && !relative(folder, resolve(dirname(file), specifier)).startsWith('..');

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

const where = (file: string, statement: ImportStatement) =>
  `${relative(root, file)}:${statement.line}: ${statement.text}`;

function scan(folder: string) {
  return sourceFiles(join(root, folder)).flatMap((file) =>
    findImports(readFileSync(file, 'utf8')).map((statement) => ({ file, statement })),
  );
}

describe('findImports (the scanner itself)', () => {
  it('tells type-only imports from value imports, in every form', () => {
    const code = [
      "import type { A } from '../src-main/a';",
      "import { type B } from '../src-main/b';",
      "import C from '../src-main/c';",
      "import '../src-main/d';",
      "export { E } from '../src-main/e';",
      "export type { F } from '../src-main/f';",
      "const g = await import('../src-main/g');",
      "const h = require('../src-main/h');",
      "// import { I } from '../src-main/i';",
      "/* import { J } from '../src-main/j'; */",
      "const url = 'https://example.com'; import {\n  K,\n} from '../src-main/k';",
    ].join('\n');
    const byName = Object.fromEntries(
      findImports(code).map((s) => [s.specifier.split('/').pop(), s.typeOnly]),
    );
    expect(byName).toEqual({
      a: true,
      b: false,
      c: false,
      d: false,
      e: false,
      f: true,
      g: false,
      h: false,
      k: false,
    });
  });
});

describe('import boundaries', () => {
  it('the renderer imports nothing from src-main but types, and never electron', () => {
    const main = join(root, 'src-main');
    const found = scan(join('src-renderer', 'src'));
    const violations = found
      .filter(
        ({ file, statement }) =>
          (resolvesInto(file, statement.specifier, main) && !statement.typeOnly) ||
          isElectron(statement.specifier),
      )
      .map(({ file, statement }) => where(file, statement));
    expect(violations).toEqual([]);
    // Not vacuous: the bridge type reaches the renderer this way.
    expect(
      found.some(
        ({ statement }) => statement.typeOnly && statement.specifier.includes('src-main/api/contract'),
      ),
    ).toBe(true);
  });

  it('the preload imports nothing from src-main but types and the contract constants', () => {
    const main = join(root, 'src-main');
    const found = scan('src-preload');
    const violations = found
      .filter(({ file, statement }) => resolvesInto(file, statement.specifier, main) && !statement.typeOnly)
      .filter(
        ({ file, statement }) =>
          resolve(dirname(file), statement.specifier).replace(/\.ts$/, '') !== CONTRACT.replace(/\.ts$/, ''),
      )
      .map(({ file, statement }) => where(file, statement));
    expect(violations).toEqual([]);
    expect(found.some(({ statement }) => isElectron(statement.specifier))).toBe(true);
  });

  it('the contract the preload may import holds no runtime imports of its own', () => {
    const runtime = findImports(readFileSync(CONTRACT, 'utf8')).filter((statement) => !statement.typeOnly);
    expect(runtime.map((statement) => statement.text)).toEqual([]);
  });

  it('electron is imported only in src-main/electron', () => {
    const edge = join(root, 'src-main', 'electron');
    const found = scan('src-main');
    const violations = found
      .filter(({ file, statement }) => isElectron(statement.specifier) && !file.startsWith(edge + sep))
      .map(({ file, statement }) => where(file, statement));
    expect(violations).toEqual([]);
    expect(found.some(({ statement }) => isElectron(statement.specifier))).toBe(true);
  });
});
