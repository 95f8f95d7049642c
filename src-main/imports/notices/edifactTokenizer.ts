import type { NoticeIssue } from './shippingNotice';

// EDIFACT syntax (ISO 9735) as far as an interchange needs it: the service string advice (UNA),
// the release character, and segments made of elements made of components. Nothing here knows
// what a segment means; the DESADV mapping reads the tokens.

export interface EdifactSeparators {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
}

/** Level A/B defaults, used when the interchange has no UNA. */
export const DEFAULT_SEPARATORS: EdifactSeparators = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  segment: "'",
};

export interface EdifactSegment {
  /** 1-based position in the interchange (a UNA counts: it is the first line people see). */
  position: number;
  tag: string;
  /** elements[0] is the first data element after the tag; each element is its components. */
  elements: string[][];
}

export interface EdifactInterchange {
  separators: EdifactSeparators;
  segments: EdifactSegment[];
}

export type TokenizeResult = { ok: true; value: EdifactInterchange } | { ok: false; issues: NoticeIssue[] };

const TAG = /^[A-Z][A-Z0-9]{2}$/;
const LINE_BREAKS = /[\r\n]/;

/** "segment 14 (QTY), element 1, component 2": how people count in an EDIFACT file. */
export function segmentWhere(
  segment: Pick<EdifactSegment, 'position' | 'tag'>,
  element?: number,
  component?: number,
) {
  let where = `segment ${segment.position} (${segment.tag})`;
  if (element !== undefined) where += `, element ${element}`;
  if (component !== undefined) where += `, component ${component}`;
  return where;
}

function readServiceStringAdvice(
  text: string,
): { separators: EdifactSeparators; rest: number } | NoticeIssue {
  const advice = text.slice(3, 9);
  if (advice.length < 6) {
    return { where: 'segment 1 (UNA)', message: 'the service string advice needs six characters after UNA' };
  }
  const [component, element, decimal, release, , segment] = advice as unknown as string[];
  const separators = {
    component: component!,
    element: element!,
    decimal: decimal!,
    release: release!,
    segment: segment!,
  };
  const used = [separators.component, separators.element, separators.segment];
  if (release !== ' ') used.push(separators.release);
  if (
    new Set(used).size !== used.length ||
    used.some((char) => LINE_BREAKS.test(char) || /[A-Za-z0-9]/.test(char))
  ) {
    return {
      where: 'segment 1 (UNA)',
      message: `the separators "${advice}" must be distinct and must not be letters, digits or line breaks`,
    };
  }
  if (decimal !== '.' && decimal !== ',') {
    return {
      where: 'segment 1 (UNA), component 3',
      message: `the decimal mark must be "." or ",", not "${decimal}"`,
    };
  }
  return { separators, rest: 9 };
}

/**
 * Splits an interchange into segments. Line breaks between segments are ignored (most senders
 * put one after each terminator); a release character escapes the next character.
 */
export function tokenizeEdifact(input: string): TokenizeResult {
  const text = input.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  let separators = DEFAULT_SEPARATORS;
  let index = 0;
  const segments: EdifactSegment[] = [];
  if (text.startsWith('UNA')) {
    const advice = readServiceStringAdvice(text);
    if ('where' in advice) return { ok: false, issues: [advice] };
    separators = advice.separators;
    index = advice.rest;
    segments.push({ position: 1, tag: 'UNA', elements: [] });
  }
  const release = separators.release === ' ' ? null : separators.release;

  let elements: string[][] = [];
  let components: string[] = [];
  let current = '';
  let started = false;
  for (; index < text.length; index += 1) {
    const char = text[index]!;
    if (!started && (char === '\r' || char === '\n' || char === ' ' || char === '\t')) continue;
    started = true;
    if (char === release) {
      const next = text[index + 1];
      if (next === undefined) {
        const position = segments.length + 1;
        return {
          ok: false,
          issues: [
            {
              where: `segment ${position}`,
              message: 'the release character ends the file; it must escape a character',
            },
          ],
        };
      }
      current += next;
      index += 1;
    } else if (char === separators.component) {
      components.push(current);
      current = '';
    } else if (char === separators.element) {
      components.push(current);
      elements.push(components);
      components = [];
      current = '';
    } else if (char === separators.segment) {
      components.push(current);
      elements.push(components);
      const position = segments.length + 1;
      const [tagParts, ...data] = elements;
      const tag = tagParts?.[0]?.trim() ?? '';
      if (!TAG.test(tag) || (tagParts?.length ?? 0) > 1) {
        return {
          ok: false,
          issues: [
            {
              where: `segment ${position}`,
              message: `"${tag.slice(0, 20)}" is not a segment tag (three capital letters or digits)`,
            },
          ],
        };
      }
      segments.push({ position, tag, elements: data });
      elements = [];
      components = [];
      current = '';
      started = false;
    } else if (char === '\r' || char === '\n') {
      // A line break inside a segment is a wrapped line from a mail client or an editor: skip it.
    } else {
      current += char;
    }
  }
  if (started || current !== '' || elements.length > 0) {
    const position = segments.length + 1;
    const tag = (elements[0]?.[0] ?? components[0] ?? current).slice(0, 3);
    return {
      ok: false,
      issues: [
        {
          where: `segment ${position}${TAG.test(tag) ? ` (${tag})` : ''}`,
          message: 'the segment has no terminator: the file seems cut off',
        },
      ],
    };
  }
  return { ok: true, value: { separators, segments } };
}

/** A component's value, or '' when the segment does not carry it (1-based like the documentation). */
export function component(segment: EdifactSegment, element: number, position = 1): string {
  return segment.elements[element - 1]?.[position - 1] ?? '';
}
