import { describe, expect, it } from 'vitest';
import { tokenizeEdifact } from '../../src-main/imports/notices/edifactTokenizer';

const tokens = (text: string) => {
  const result = tokenizeEdifact(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('EDIFACT tokenizer', () => {
  it('splits segments, elements and components with the default separators', () => {
    const { segments } = tokens("UNB+UNOC:3+SENDER:14'NAD+SU+4012345000016::9'");
    expect(segments).toEqual([
      {
        position: 1,
        tag: 'UNB',
        elements: [
          ['UNOC', '3'],
          ['SENDER', '14'],
        ],
      },
      { position: 2, tag: 'NAD', elements: [['SU'], ['4012345000016', '', '9']] },
    ]);
  });

  it('reads the service string advice and counts it as segment 1', () => {
    const { separators, segments } = tokens('UNA*#,! ~UNB#UNOC*3~FTX#AAA#x!#y!~z*w~');
    expect(separators).toEqual({ component: '*', element: '#', decimal: ',', release: '!', segment: '~' });
    expect(segments.map((segment) => [segment.position, segment.tag])).toEqual([
      [1, 'UNA'],
      [2, 'UNB'],
      [3, 'FTX'],
    ]);
    expect(segments[2]!.elements).toEqual([['AAA'], ['x#y~z', 'w']]);
  });

  it('releases separators with the release character and ignores line breaks between segments', () => {
    const { segments } = tokens("NAD+SU+1++Federn?+Draht?: ?'Linz?'?? GmbH'\r\n\r\nQTY+12:5'\n");
    expect(segments[0]!.elements[3]).toEqual(["Federn+Draht: 'Linz'? GmbH"]);
    expect(segments[1]).toEqual({ position: 2, tag: 'QTY', elements: [['12', '5']] });
  });

  it('strips a byte-order mark and leading blank lines', () => {
    expect(tokens("\uFEFF\n\nUNB+UNOC:3'").segments[0]!.tag).toBe('UNB');
  });

  it.each([
    ["UNB+UNOC:3'QTY+12:5", 'segment 2 (QTY)', 'no terminator'],
    ["UNB+UNOC:3'q1+x'", 'segment 2', 'is not a segment tag'],
    ["UNB+UNOC:3'QTY+12:5?", 'segment 2', 'release character ends the file'],
    ['UNA:+', 'segment 1 (UNA)', 'six characters'],
    ["UNA::.? 'UNB'", 'segment 1 (UNA)', 'must be distinct'],
    ["UNA:+;? 'UNB'", 'segment 1 (UNA), component 3', 'decimal mark'],
  ])('refuses %j at %s', (text, where, message) => {
    const result = tokenizeEdifact(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.where).toBe(where);
    expect(result.issues[0]!.message).toContain(message);
  });
});
