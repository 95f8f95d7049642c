import { describe, expect, it } from 'vitest';
import { parseNoticeCsv } from '../../src-main/imports/notices/noticeCsv';
import { noticeCsvTemplate } from '../../src-main/imports/notices/noticeCsvTemplate';
import { parsePlantTime } from '../../src-main/imports/notices/noticeTimes';

const ZONE = 'Europe/Berlin';
const HEADER =
  'notice_number;supplier_party_id;carrier;truck_plate;device_id;despatched_at;estimated_arrival;line_no;supplier_part_number;part_id;quantity';

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('the CSV template', () => {
  it('parses as it is downloaded: comments skipped, two lines of one notice', () => {
    const parsed = parseNoticeCsv(noticeCsvTemplate(), ZONE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notices).toEqual([
      {
        noticeNumber: 'ASN-2026-000123',
        supplier: { partyId: '4012345000016' },
        carrier: null,
        truckPlate: 'R-LE 4711',
        deviceId: null,
        despatchedAt: Date.UTC(2026, 10, 27, 5, 15),
        estimatedArrival: Date.UTC(2026, 10, 27, 13, 30),
        items: [
          { lineNo: 1, supplierPartNumber: 'KW-88', partId: null, quantity: 200, packages: 4 },
          { lineNo: 2, supplierPartNumber: 'KW-89', partId: null, quantity: 120, packages: 2 },
        ],
      },
    ]);
  });
});

describe('CSV notices', () => {
  it('reads comma-separated files with a BOM, quotes and a decimal comma-free quantity', () => {
    const text = `\uFEFFnotice_number,supplier_id,estimated_arrival,part_id,quantity\r\n"A,1",S1,2026-11-27T14:30:00+01:00,4711-001,"12"\r\n`;
    const parsed = parseNoticeCsv(text, ZONE);
    expect(parsed.ok && parsed.notices[0]).toMatchObject({
      noticeNumber: 'A,1',
      supplier: { partnerId: 'S1' },
      estimatedArrival: Date.UTC(2026, 10, 27, 13, 30),
      items: [{ lineNo: 1, partId: '4711-001', quantity: 12 }],
    });
  });

  it('groups rows by notice number and lets later rows leave the notice columns empty', () => {
    const parsed = parseNoticeCsv(
      csv(
        'N1;GLN1;C1;PL 1;dev;;2026-11-27 14:00;1;A;;5',
        'N2;GLN1;;;;;2026-11-27 15:00;1;B;;6',
        'N1;;;;;;;2;C;;7',
      ),
      ZONE,
    );
    expect(parsed.ok && parsed.notices.map((n) => [n.noticeNumber, n.items.length, n.carrier])).toEqual([
      ['N1', 2, { partnerId: 'C1', partyId: 'C1' }],
      ['N2', 1, null],
    ]);
    expect(parsed.ok && parsed.locations[0]!.items![1]).toEqual({
      partNumber: 'row 4, column supplier_part_number',
      quantity: 'row 4, column quantity',
      lineNo: 'row 4, column line_no',
    });
  });

  it.each([
    [csv('N1;GLN1;;;;;2026-11-27 14:00;1;A;;x'), 'row 2, column quantity', 'quantity "x" is not a number'],
    [csv('N1;GLN1;;;;;27.11.2026 14:00;1;A;;5'), 'row 2, column estimated_arrival', 'is not a time'],
    [csv('N1;GLN1;;;;;2026-11-27 14:00;one;A;;5'), 'row 2, column line_no', 'is not a whole number'],
    [csv('N1;GLN1;;;;;2026-11-27 14:00;1;;;5'), 'row 2, column supplier_part_number', 'the part is missing'],
    [csv(';GLN1;;;;;2026-11-27 14:00;1;A;;5'), 'row 2, column notice_number', 'the notice number is missing'],
    [
      csv('N1;GLN1;;;;;2026-11-27 14:00;1;A;;5', 'N1;GLN2;;;;;;2;B;;5'),
      'row 3, column supplier_party_id',
      'differs from row 2',
    ],
    ['notice_number;supplier_id;quantity\nN1;S1;5', 'row 1', 'needs a column estimated_arrival'],
    [
      'notice_number;supplier;estimated_arrival;part_id;quantity\nN1;S1;x;y;5',
      'row 1, column 2',
      'unknown column "supplier"',
    ],
    [`${HEADER}\n# only a comment`, 'file', 'no item rows'],
    [csv('N1;GLN1;;;;;2026-11-27 14:00;1;"A;;5'), 'row 2', 'cannot be read'],
  ])('refuses case %#, naming row and column', (text, where, message) => {
    const parsed = parseNoticeCsv(text, ZONE);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.where).toBe(where);
    expect(parsed.issues[0]!.message).toContain(message);
  });
});

describe('plant times', () => {
  it('reads ISO 8601 with an offset and the plant-local form, across daylight saving', () => {
    expect(parsePlantTime('2026-11-27T14:30Z', ZONE)).toBe(Date.UTC(2026, 10, 27, 14, 30));
    expect(parsePlantTime('2026-07-01 14:30', ZONE)).toBe(Date.UTC(2026, 6, 1, 12, 30));
    expect(parsePlantTime('2026-02-30 10:00', ZONE)).toBeNull();
    expect(parsePlantTime('tomorrow', ZONE)).toBeNull();
  });
});
