import { type DesadvDialect, dialectOf, isDirectory } from './desadvDirectories';
import { mapDesadvMessage } from './desadvMessage';
import { component, type EdifactSegment, segmentWhere, tokenizeEdifact } from './edifactTokenizer';
import type { NoticeIssue, NoticeLocation, NoticeParseResult, ShippingNotice } from './shippingNotice';

// A whole interchange (UNA? UNB (UNG? UNH … UNT … UNE?)* UNZ) to shipping notices. The envelope
// is checked first and in full: counts, references, directories. Any issue anywhere refuses the
// whole file, so a partner never has half a delivery announced.

export type DesadvParseResult = NoticeParseResult & { dialects?: DesadvDialect[]; interchangeRef?: string };

const MAX_ISSUES = 50;

function checkInterchangeHeader(unb: EdifactSegment, issues: NoticeIssue[]) {
  const syntax = component(unb, 1, 1).trim();
  if (!/^UNO[A-Z]$/.test(syntax)) {
    issues.push({
      where: segmentWhere(unb, 1, 1),
      message: `syntax identifier "${syntax}" is not UNOA … UNOY`,
    });
  }
  if (!component(unb, 2, 1).trim())
    issues.push({ where: segmentWhere(unb, 2, 1), message: 'the interchange has no sender' });
  if (!component(unb, 3, 1).trim())
    issues.push({ where: segmentWhere(unb, 3, 1), message: 'the interchange has no recipient' });
  const date = component(unb, 4, 1).trim();
  const time = component(unb, 4, 2).trim();
  if (!/^(\d{2})?\d{6}$/.test(date))
    issues.push({ where: segmentWhere(unb, 4, 1), message: `preparation date "${date}" is not YYMMDD` });
  if (!/^\d{4}$/.test(time))
    issues.push({ where: segmentWhere(unb, 4, 2), message: `preparation time "${time}" is not HHMM` });
  const reference = component(unb, 5, 1).trim();
  if (!reference)
    issues.push({ where: segmentWhere(unb, 5, 1), message: 'the interchange has no control reference' });
  return reference;
}

function checkCount(segment: EdifactSegment, expected: number, what: string, issues: NoticeIssue[]) {
  const raw = component(segment, 1, 1).trim();
  if (!/^\d{1,6}$/.test(raw)) {
    issues.push({ where: segmentWhere(segment, 1), message: `${what} count "${raw}" is not a number` });
  } else if (Number(raw) !== expected) {
    issues.push({
      where: segmentWhere(segment, 1),
      message: `${what} count is ${raw}, but there are ${expected}`,
    });
  }
}

function checkReference(
  segment: EdifactSegment,
  expected: string,
  opener: EdifactSegment,
  issues: NoticeIssue[],
) {
  const found = component(segment, 2, 1).trim();
  if (found !== expected) {
    issues.push({
      where: segmentWhere(segment, 2),
      message: `reference "${found}" does not match "${expected}" of segment ${opener.position} (${opener.tag})`,
    });
  }
}

/** The message header: a DESADV of a directory Leitstand reads. */
function dialectOfHeader(unh: EdifactSegment, issues: NoticeIssue[]): DesadvDialect | null {
  if (!component(unh, 1, 1).trim())
    issues.push({ where: segmentWhere(unh, 1), message: 'the message has no reference number' });
  const type = component(unh, 2, 1).trim();
  const version = component(unh, 2, 2).trim();
  const release = component(unh, 2, 3).trim();
  const agency = component(unh, 2, 4).trim();
  if (type !== 'DESADV') {
    issues.push({
      where: segmentWhere(unh, 2, 1),
      message: `message type "${type}" is not DESADV (despatch advice)`,
    });
    return null;
  }
  if (version !== 'D' || agency !== 'UN' || !isDirectory(release)) {
    issues.push({
      where: segmentWhere(unh, 2, 3),
      message: `directory "${version}:${release}:${agency}" is not understood (D:96A, D:01B or D:07A of UN)`,
    });
    return null;
  }
  return dialectOf(release, component(unh, 2, 5));
}

const MESSAGE_BOUNDARIES = new Set(['UNT', 'UNH', 'UNZ', 'UNE', 'UNG']);

/** The index of the segment that ends the message opened at `start` (its UNT, or what cuts it off). */
function messageEnd(segments: readonly EdifactSegment[], start: number): number {
  for (let at = start + 1; at < segments.length; at += 1) {
    if (MESSAGE_BOUNDARIES.has(segments[at]!.tag)) return at;
  }
  return -1;
}

/** Issues in the order of the file, as a person reads it (the envelope is checked first). */
function inFileOrder(issues: NoticeIssue[]): NoticeIssue[] {
  const position = (issue: NoticeIssue) => Number(/^segment (\d+)/.exec(issue.where)?.[1] ?? 0);
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => position(a.issue) - position(b.issue) || a.index - b.index)
    .map((entry) => entry.issue);
}

export function parseDesadv(text: string, timeZone: string): DesadvParseResult {
  const tokens = tokenizeEdifact(text);
  if (!tokens.ok) return tokens;
  const { separators } = tokens.value;
  const segments = tokens.value.segments.filter((segment) => segment.tag !== 'UNA');
  const issues: NoticeIssue[] = [];
  const notices: ShippingNotice[] = [];
  const locations: NoticeLocation[] = [];
  const dialects: DesadvDialect[] = [];

  const unb = segments[0];
  if (!unb) return { ok: false, issues: [{ where: 'segment 1', message: 'the file holds no segment' }] };
  if (unb.tag !== 'UNB') {
    return {
      ok: false,
      issues: [{ where: segmentWhere(unb), message: 'an interchange starts with UNB (interchange header)' }],
    };
  }
  const interchangeRef = checkInterchangeHeader(unb, issues);

  let index = 1;
  let messages = 0;
  let groups = 0;
  let group: { opener: EdifactSegment; messages: number } | null = null;
  let unz: EdifactSegment | null = null;
  while (index < segments.length && issues.length < MAX_ISSUES) {
    const segment = segments[index]!;
    if (segment.tag === 'UNZ') {
      unz = segment;
      index += 1;
      break;
    }
    if (segment.tag === 'UNG') {
      if (group)
        issues.push({
          where: segmentWhere(segment),
          message: `group of segment ${group.opener.position} has no UNE`,
        });
      group = { opener: segment, messages: 0 };
      groups += 1;
      index += 1;
      continue;
    }
    if (segment.tag === 'UNE') {
      if (!group) issues.push({ where: segmentWhere(segment), message: 'UNE without UNG' });
      else {
        checkCount(segment, group.messages, 'message', issues);
        checkReference(segment, component(group.opener, 5, 1).trim(), group.opener, issues);
      }
      group = null;
      index += 1;
      continue;
    }
    if (segment.tag !== 'UNH') {
      issues.push({
        where: segmentWhere(segment),
        message: 'expected a message header (UNH) or the interchange trailer (UNZ)',
      });
      index += 1;
      continue;
    }
    // One message: UNH up to its UNT.
    const end = messageEnd(segments, index);
    if (end < 0 || segments[end]!.tag !== 'UNT') {
      issues.push({ where: segmentWhere(segment), message: 'the message has no trailer (UNT)' });
      index = end < 0 ? segments.length : end;
      messages += 1;
      if (group) group.messages += 1;
      continue;
    }
    const body = segments.slice(index, end + 1);
    const unt = segments[end]!;
    messages += 1;
    if (group) group.messages += 1;
    checkCount(unt, body.length, 'segment', issues);
    checkReference(unt, component(segment, 1, 1).trim(), segment, issues);
    const dialect = dialectOfHeader(segment, issues);
    if (dialect) {
      const mapped = mapDesadvMessage(body, { decimal: separators.decimal, timeZone }, issues);
      if (mapped) {
        notices.push(mapped.notice);
        locations.push(mapped.location);
        dialects.push(dialect);
      }
    }
    index = end + 1;
  }
  if (group) issues.push({ where: segmentWhere(group.opener), message: 'the group has no trailer (UNE)' });
  if (!unz) {
    const last = segments[segments.length - 1]!;
    issues.push({ where: segmentWhere(last), message: 'the interchange has no trailer (UNZ)' });
  } else {
    checkCount(unz, groups > 0 ? groups : messages, groups > 0 ? 'group' : 'message', issues);
    checkReference(unz, interchangeRef, unb, issues);
    const extra = segments[index];
    if (extra)
      issues.push({
        where: segmentWhere(extra),
        message: 'nothing may follow the interchange trailer (UNZ)',
      });
  }
  if (messages === 0 && issues.length === 0) {
    issues.push({ where: segmentWhere(unb), message: 'the interchange holds no message' });
  }
  if (issues.length) return { ok: false, issues: inFileOrder(issues).slice(0, MAX_ISSUES) };
  return { ok: true, notices, locations, dialects, interchangeRef };
}
