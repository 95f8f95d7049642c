import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../src-main/imports/notices/desadvDirectories';
import { parseEdifactDate } from '../../src-main/imports/notices/edifactDates';
import { parseDesadv } from '../../src-main/imports/notices/parseDesadv';

const ZONE = 'Europe/Berlin';
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/desadv', name), 'utf8');

describe('DESADV parsing per directory and profile', () => {
  it.each([
    ['d96a-kabelwerk.edi', 'DESADV D.96A, UN/EDIFACT', ['ASN-96A-0001']],
    ['d01b-federnfabrik.edi', 'DESADV D.01B, UN/EDIFACT', ['FL-DN-778899']],
    ['d07a-kabelwerk-group.edi', 'DESADV D.07A, UN/EDIFACT', ['ASN-07A-0001', 'ASN-07A-0002']],
    ['eancom-kabelwerk.edi', 'DESADV D.96A, EANCOM', ['DES587441']],
    ['vda4987-gusswerk.edi', 'DESADV D.07A, VDA 4987 (Global DESADV)', ['700815']],
  ])('%s is %s', (name, label, numbers) => {
    const parsed = parseDesadv(fixture(name), ZONE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.dialects![0]!.label).toBe(label);
    expect(parsed.notices.map((notice) => notice.noticeNumber)).toEqual(numbers);
  });

  it('reads header dates, references, vehicle and packages per line', () => {
    const parsed = parseDesadv(fixture('d96a-kabelwerk.edi'), ZONE);
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.notices[0]).toMatchObject({
      documentDate: Date.UTC(2026, 10, 27, 6, 45),
      despatchedAt: Date.UTC(2026, 10, 27, 6, 30),
      estimatedArrival: Date.UTC(2026, 10, 27, 13, 0),
      references: [{ qualifier: 'ON', value: '4500012345' }],
      truckPlate: 'PZ-KW 481',
      supplier: { partyId: '4012345000016', name: 'Kabelwerk Pilsen s.r.o.' },
      items: [
        { lineNo: 1, supplierPartNumber: 'KW-88', quantity: 200, packages: 4 },
        { lineNo: 2, supplierPartNumber: 'KW-89', quantity: 120, packages: 2 },
      ],
    });
  });

  it('prefers DTM 132 over 17 whichever comes first', () => {
    const text = fixture('d96a-kabelwerk.edi').replace(
      "DTM+11:202611270730:203'",
      "DTM+17:202611272200:203'",
    );
    const parsed = parseDesadv(text, ZONE);
    expect(parsed.ok && parsed.notices[0]!.estimatedArrival).toBe(Date.UTC(2026, 10, 27, 13, 0));
  });

  it('refuses segments outside a message and anything after UNZ', () => {
    const text = `${fixture('d96a-kabelwerk.edi')}UNH+2+DESADV:D:96A:UN'`;
    const parsed = parseDesadv(text, ZONE);
    expect(!parsed.ok && parsed.issues[0]).toEqual({
      where: 'segment 25 (UNH)',
      message: 'nothing may follow the interchange trailer (UNZ)',
    });
  });

  it('refuses a message without UNT and a file without UNB', () => {
    const cut = fixture('d96a-kabelwerk.edi').replace("UNT+21+1'\n", '');
    expect(!parsed(cut).ok && parsed(cut)).toMatchObject({
      issues: [{ where: 'segment 3 (UNH)', message: 'the message has no trailer (UNT)' }],
    });
    expect(parsed("UNH+1+DESADV:D:96A:UN'")).toEqual({
      ok: false,
      issues: [{ where: 'segment 1 (UNH)', message: 'an interchange starts with UNB (interchange header)' }],
    });
  });
});

const parsed = (text: string) => parseDesadv(text, ZONE);

describe('profiles and dates', () => {
  it('recognises EANCOM and VDA 4987 association codes', () => {
    expect(profileOf('EAN005')).toBe('eancom');
    expect(profileOf('GAVF13')).toBe('vda4987');
    expect(profileOf('')).toBe('un');
  });

  it('reads formats 102, 203, 204, 718 and 719 as plant time', () => {
    expect(parseEdifactDate('20261127', '102', ZONE)).toEqual({
      ok: true,
      at: Date.UTC(2026, 10, 26, 23, 0),
    });
    expect(parseEdifactDate('202607011430', '203', ZONE)).toEqual({
      ok: true,
      at: Date.UTC(2026, 6, 1, 12, 30),
    });
    expect(parseEdifactDate('20261127143015', '204', ZONE)).toEqual({
      ok: true,
      at: Date.UTC(2026, 10, 27, 13, 30, 15),
    });
    expect(parseEdifactDate('20261127-20261128', '718', ZONE)).toEqual({
      ok: true,
      at: Date.UTC(2026, 10, 26, 23, 0),
    });
    expect(parseEdifactDate('202611271400-202611271430', '719', ZONE)).toEqual({
      ok: true,
      at: Date.UTC(2026, 10, 27, 13, 0),
    });
    expect(parseEdifactDate('2026112', '102', ZONE).ok).toBe(false);
    expect(parseEdifactDate('202611271460', '203', ZONE).ok).toBe(false);
  });
});
