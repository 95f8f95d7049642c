import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src-main/api/result';
import { importNoticeFile } from '../../src-main/imports/notices/noticeFile';
import { testContext } from '../support/testContext';
import { fixture, loadNoticePlant, noticeMessages, plantHash } from './notice-import.plant';

// Every refusal names segment and element, and leaves the plant exactly as it was: nothing is
// imported in part. Only the audit (notice_message) records the refused file.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadNoticePlant(t.ctx);
});
afterEach(() => t.dispose());

const D96A = fixture('d96a-kabelwerk.edi');

/** Recounts UNT after a test removed or added segments, so only the intended fault remains. */
function recount(text: string): string {
  const lines = text.trim().split('\n');
  const start = lines.findIndex((line) => line.startsWith('UNH'));
  const end = lines.findIndex((line) => line.startsWith('UNT'));
  lines[end] = lines[end]!.replace(/^UNT\+\d+/, `UNT+${end - start + 1}`);
  return `${lines.join('\n')}\n`;
}
const without = (text: string, ...prefixes: string[]) =>
  recount(
    text
      .split('\n')
      .filter((line) => !prefixes.some((prefix) => line.startsWith(prefix)))
      .join('\n'),
  );

function refusal(content: string, fileName = 'refused.edi') {
  const before = plantHash(t.ctx);
  const audited = noticeMessages(t.ctx).length;
  let caught: unknown;
  try {
    importNoticeFile(t.ctx, { fileName, content });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(plantHash(t.ctx)).toBe(before);
  const audit = noticeMessages(t.ctx);
  expect(audit).toHaveLength(audited + 1);
  expect(audit.at(-1)).toMatchObject({ outcome: 'refused', error: error.message, raw: content });
  expect(t.events.filter((entry) => entry.event === 'deliveries.changed')).toEqual([]);
  return {
    code: error.code,
    message: error.message,
    issues: (error.details as { issues: { where: string }[] }).issues,
  };
}

describe('DESADV refusals', () => {
  it('a wrong UNT segment count', () => {
    const result = refusal(D96A.replace("UNT+21+1'", "UNT+20+1'"));
    expect(result.code).toBe('INVALID_INPUT');
    expect(result.message).toBe('segment 23 (UNT), element 1: segment count is 20, but there are 21');
  });

  it('a UNT reference that is not the UNH reference', () => {
    expect(refusal(D96A.replace("UNT+21+1'", "UNT+21+7'")).message).toBe(
      'segment 23 (UNT), element 2: reference "7" does not match "1" of segment 3 (UNH)',
    );
  });

  it('a UNZ reference and message count that do not match', () => {
    const result = refusal(D96A.replace("UNZ+1+KWP0001'", "UNZ+2+KWP0009'"));
    expect(result.issues).toEqual([
      { where: 'segment 24 (UNZ), element 1', message: 'message count is 2, but there are 1' },
      {
        where: 'segment 24 (UNZ), element 2',
        message: 'reference "KWP0009" does not match "KWP0001" of segment 2 (UNB)',
      },
    ]);
  });

  it('an unknown directory', () => {
    expect(refusal(D96A.replace('DESADV:D:96A:UN', 'DESADV:D:99B:UN')).message).toBe(
      'segment 3 (UNH), element 2, component 3: directory "D:99B:UN" is not understood (D:96A, D:01B or D:07A of UN)',
    );
  });

  it('another message type', () => {
    expect(refusal(D96A.replace('DESADV:D:96A:UN', 'ORDERS:D:96A:UN')).message).toContain(
      'segment 3 (UNH), element 2, component 1',
    );
  });

  it('an unknown supplier part number, pointing at the LIN', () => {
    const result = refusal(D96A.replace('KW-88:SA', 'KW-77:SA'));
    expect(result.message).toBe(
      'segment 17 (LIN), element 3, component 1: supplier part number "KW-77" of Kabelwerk Pilsen is not known to the plant (not in its part cross-reference)',
    );
  });

  it('a quantity that is not a number', () => {
    expect(refusal(D96A.replace('QTY+12:200:PCE', 'QTY+12:x2:PCE')).message).toBe(
      "segment 18 (QTY), element 1, component 2: quantity 'x2' is not a number",
    );
  });

  it('a zero quantity, refused at the QTY by the plant check', () => {
    expect(refusal(D96A.replace('QTY+12:200:PCE', 'QTY+12:0:PCE')).message).toBe(
      'segment 18 (QTY), element 1, component 2: quantity 0 must be more than 0',
    );
  });

  it('a missing BGM', () => {
    expect(refusal(without(D96A, 'BGM')).message).toBe(
      'segment 3 (UNH): the message has no BGM (beginning of message)',
    );
  });

  it('a missing supplier (NAD+SU)', () => {
    expect(refusal(without(D96A, 'NAD+SU')).message).toBe(
      'segment 3 (UNH): the message names no supplier (NAD+SU)',
    );
  });

  it('no item line (LIN)', () => {
    const result = refusal(without(D96A, 'LIN', 'QTY'));
    expect(result.issues).toContainEqual({
      where: 'segment 3 (UNH)',
      message: 'the message has no item line (LIN)',
    });
  });

  it('a LIN without despatch quantity', () => {
    expect(refusal(without(D96A, 'QTY+12:120')).message).toBe(
      'segment 21 (LIN): line 2 has no despatch quantity (QTY+12)',
    );
  });

  it('a date that does not exist, and an unknown date format', () => {
    expect(refusal(D96A.replace('DTM+132:202611271400:203', 'DTM+132:202611311400:203')).message).toBe(
      'segment 7 (DTM), element 1, component 2: DTM 132: "202611311400" is not a real date or time',
    );
    expect(
      refusal(D96A.replace('DTM+132:202611271400:203', 'DTM+132:202611271400:999')).issues[0]!.where,
    ).toBe('segment 7 (DTM), element 1, component 2');
  });

  it('an arrival too far ahead to be a real notice', () => {
    expect(refusal(D96A.replace('DTM+132:202611271400:203', 'DTM+132:202711271400:203')).message).toBe(
      'segment 7 (DTM), element 1, component 2: the estimated arrival must lie between yesterday and 90 days ahead',
    );
  });

  it('an unknown supplier party id', () => {
    expect(refusal(D96A.replace('NAD+SU+4012345000016', 'NAD+SU+4012345999999')).message).toBe(
      'segment 9 (NAD), element 2, component 1: supplier "4012345999999" is not known to the plant (no partner with that id or party id)',
    );
  });

  it('a file cut off in the middle of a segment', () => {
    expect(refusal(D96A.slice(0, D96A.indexOf('UNZ') + 5)).message).toBe(
      'segment 24 (UNZ): the segment has no terminator: the file seems cut off',
    );
  });

  it('one bad message refuses the good one beside it', () => {
    const group = fixture('d07a-kabelwerk-group.edi').replace('QTY+12:40:PCE', 'QTY+12:-4:PCE');
    const result = refusal(group);
    expect(result.message).toBe('segment 18 (QTY), element 1, component 2: quantity -4 must be more than 0');
    const count = t.ctx.database.sqlite.prepare(
      `SELECT count(*) AS n FROM inbound_delivery WHERE notice_number LIKE 'ASN-07A-%'`,
    );
    expect(count.get()).toEqual({ n: 0 });
  });
});
