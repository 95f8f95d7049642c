import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeEdifact } from '../../src-main/imports/notices/edifactTokenizer';
import { parseNoticeCsv } from '../../src-main/imports/notices/noticeCsv';
import { noticeCsvTemplate } from '../../src-main/imports/notices/noticeCsvTemplate';
import { parseDesadv } from '../../src-main/imports/notices/parseDesadv';
import type { NoticeParseResult } from '../../src-main/imports/notices/shippingNotice';

// Whatever arrives, the parsers answer: notices, or issues that say where. Never a crash.

const ZONE = 'Europe/Berlin';
const folder = join(__dirname, '../fixtures/desadv');
const fixtures = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
const segmentsOf = (text: string) => text.trim().split('\n');

function wellFormed(result: NoticeParseResult) {
  if (result.ok) {
    expect(result.notices.length).toBeGreaterThan(0);
    expect(result.locations).toHaveLength(result.notices.length);
    for (const notice of result.notices) {
      expect(notice.noticeNumber.length).toBeGreaterThan(0);
      expect(notice.items.length).toBeGreaterThan(0);
    }
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.length).toBeLessThanOrEqual(50);
    for (const issue of result.issues) {
      expect(issue.where).toMatch(/^(segment \d+|file|row \d+)/);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
}

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'flip'; at: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.constantFrom("'", '+', ':', '?', '\n', 'X', '9', '', ' ', '-', '.', ','),
  }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = segmentsOf(text);
  for (const step of mutations) {
    const at = step.at % lines.length;
    if (step.kind === 'drop') lines = lines.filter((_, index) => index !== at);
    else if (step.kind === 'duplicate') lines.splice(at, 0, lines[at]!);
    else if (step.kind === 'swap') {
      const other = step.with % lines.length;
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
    } else {
      const joined = lines.join('\n');
      const position = step.at % Math.max(1, joined.length);
      lines = `${joined.slice(0, position)}${step.char}${joined.slice(position + 1)}`.split('\n');
    }
    if (!lines.length) lines = [''];
  }
  return lines.join('\n');
}

/** Writes an interchange again with other separators, escaping what needs it. */
function reencode(text: string, separators: string[]): string {
  const tokens = tokenizeEdifact(text);
  if (!tokens.ok) throw new Error('fixture must parse');
  const [component, element, release, segment] = separators as [string, string, string, string];
  const released = (value: string) =>
    [...value]
      .map((char) => ([component, element, release, segment].includes(char) ? release + char : char))
      .join('');
  const body = tokens.value.segments
    .filter((entry) => entry.tag !== 'UNA')
    .map(
      (entry) =>
        [entry.tag, ...entry.elements.map((parts) => parts.map(released).join(component))].join(element) +
        segment,
    )
    .join('\n');
  return `UNA${component}${element}${tokens.value.separators.decimal}${release} ${segment}\n${body}`;
}

describe('DESADV parser under random and mutated input', () => {
  it('answers any text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => wellFormed(parseDesadv(text, ZONE))),
      { numRuns: 300 },
    );
  });

  it('answers text made of EDIFACT-ish pieces', () => {
    const piece = fc.constantFrom(
      'UNA:+.? ',
      'UNB+UNOC:3+A+B+261127:0800+R',
      'UNH+1+DESADV:D:96A:UN',
      'BGM+351+N1',
      'LIN+1++X:SA',
      'QTY+12:',
      'UNT+',
      'UNZ+1+R',
      "'",
      '+',
      ':',
      '?',
      '\n',
      '1',
      'NAD+SU+1',
      'DTM+132:2026',
      'CPS+1',
      'PAC+',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) =>
        wellFormed(parseDesadv(pieces.join(''), ZONE)),
      ),
      { numRuns: 300 },
    );
  });

  it('answers every fixture after dropping, duplicating, swapping segments and flipping characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (text, mutations) => wellFormed(parseDesadv(mutate(text, mutations), ZONE)),
      ),
      { numRuns: 500 },
    );
  });

  it('reads the same notices whatever separators the UNA declares', () => {
    const distinct = fc
      .uniqueArray(fc.constantFrom(...'!"#$%&()*+,-/:;<=>?@[]^_`{|}~\''), { minLength: 4, maxLength: 4 })
      .filter((chars) => !chars.includes('.') && !chars.includes(','));
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), distinct, (text, separators) => {
        const original = parseDesadv(text, ZONE);
        const again = parseDesadv(reencode(text, separators), ZONE);
        expect(again.ok && again.notices).toEqual(original.ok && original.notices);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV parser under random and mutated input', () => {
  it('answers any text and any mutation of the template without throwing', () => {
    const template = noticeCsvTemplate();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .tuple(fc.nat(), fc.constantFrom('"', ';', ',', '\n', '#', 'x', '', '\uFEFF'))
            .map(([at, char]) => {
              const position = at % template.length;
              return `${template.slice(0, position)}${char}${template.slice(position + 1)}`;
            }),
        ),
        (text) => wellFormed(parseNoticeCsv(text, ZONE)),
      ),
      { numRuns: 400 },
    );
  });
});
