import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure } from '../../src-main/api/registry';
import type { Result } from '../../src-main/api/result';
import { testContext } from '../support/testContext';
import { fixture, loadNoticePlant, plantHash } from './notice-import.plant';

// The notices.* procedures as the Deliveries view calls them, and the preview under fire.

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadNoticePlant(t.ctx);
});
afterEach(() => t.dispose());

const silent = { error: () => {}, warn: () => {}, info: () => {} };
const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const call = <N extends ProcedureName>(name: N, input: unknown, caller = desk) =>
  callProcedure(t.ctx, procedures, name, input, caller, silent) as Promise<Result<ProcedureOutput<N>>>;

describe('notices.* procedures', () => {
  it('previews a DESADV with items mapped to plant parts, then imports it', async () => {
    const input = { fileName: 'KWP0001.edi', content: fixture('d96a-kabelwerk.edi') };
    const before = plantHash(t.ctx);
    const preview = await call('notices.preview', input);
    expect(plantHash(t.ctx)).toBe(before);
    expect(preview.ok && preview.value).toMatchObject({
      ok: true,
      format: 'desadv',
      label: 'DESADV D.96A, UN/EDIFACT',
      notices: [
        {
          noticeNumber: 'ASN-96A-0001',
          action: 'created',
          deliveryId: null,
          supplier: { id: 'S1', name: 'Kabelwerk Pilsen' },
          carrier: { id: 'C1', name: 'Spedition Huber' },
          truckPlate: 'PZ-KW 481',
          items: [
            {
              lineNo: 1,
              partId: '4711-001',
              partDescription: 'Kabelbaum Tür links',
              supplierPartNumber: 'KW-88',
              quantity: 200,
              packages: 4,
            },
            {
              lineNo: 2,
              partId: '4711-002',
              partDescription: 'Kabelbaum Tür rechts',
              supplierPartNumber: 'KW-89',
              quantity: 120,
              packages: 2,
            },
          ],
        },
      ],
    });
    const imported = await call('notices.import', input);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.notices[0]!.action).toBe('created');
    const again = await call('notices.preview', input);
    expect(again.ok && again.value.ok && again.value.notices[0]).toMatchObject({
      action: 'updated',
      deliveryId: imported.value.notices[0]!.deliveryId,
    });
  });

  it('previews the errors with segment and element instead of importing', async () => {
    const preview = await call('notices.preview', {
      fileName: 'bad.edi',
      content: fixture('d96a-kabelwerk.edi').replace('QTY+12:200', 'QTY+12:x2'),
    });
    expect(preview.ok && preview.value).toEqual({
      ok: false,
      format: 'desadv',
      label: 'DESADV',
      code: 'INVALID_INPUT',
      message: "segment 18 (QTY), element 1, component 2: quantity 'x2' is not a number",
      issues: [
        { where: 'segment 18 (QTY), element 1, component 2', message: "quantity 'x2' is not a number" },
      ],
    });
  });

  it('refuses an import with the issues in the details, and keeps it in the audit', async () => {
    const refused = await call('notices.import', {
      fileName: 'a.csv',
      content: 'notice_number;quantity\nN;1',
    });
    expect(!refused.ok && refused.error.code).toBe('INVALID_INPUT');
    expect(!refused.ok && refused.error.details).toEqual({
      issues: [
        { where: 'row 1', message: 'the header needs a column supplier_id or supplier_party_id' },
        { where: 'row 1', message: 'the header needs a column estimated_arrival' },
        { where: 'row 1', message: 'the header needs a column supplier_part_number or part_id' },
      ],
    });
    const messages = await call('notices.messages', {});
    expect(messages.ok && messages.value).toMatchObject([
      { fileName: 'a.csv', format: 'csv', outcome: 'refused', source: 'file' },
    ]);
  });

  it('hands out the CSV template, which imports in the plant it was written for', async () => {
    const template = await call('notices.template', {}, viewer);
    expect(template.ok && template.value.fileName).toMatch(/\.csv$/);
    const content = template.ok ? template.value.content : '';
    const imported = await call('notices.import', { fileName: 'vorlage.csv', content });
    expect(imported.ok && imported.value).toMatchObject({
      format: 'csv',
      notices: [{ noticeNumber: 'ASN-2026-000123', action: 'created' }],
    });
    // The audit holds raw messages with partners' data: the desk reads it, a wall viewer cannot.
    expect((await call('notices.messages', { limit: 5 }, viewer)).ok).toBe(false);
    const messages = await call('notices.messages', { limit: 5 });
    expect(messages.ok && messages.value[0]).toMatchObject({
      outcome: 'imported',
      noticeNumbers: ['ASN-2026-000123'],
      error: null,
    });
  });

  it('keeps read-only viewers out of preview and import', async () => {
    const input = { fileName: 'x.edi', content: fixture('d96a-kabelwerk.edi') };
    expect((await call('notices.preview', input, viewer)).ok).toBe(false);
    expect((await call('notices.import', input, viewer)).ok).toBe(false);
  });
});

describe('notices.preview and notices.import under random input', () => {
  const fixtures = [
    'd96a-kabelwerk.edi',
    'd01b-federnfabrik.edi',
    'd07a-kabelwerk-group.edi',
    'eancom-kabelwerk.edi',
    'vda4987-gusswerk.edi',
  ].map(fixture);

  it('never answer INTERNAL; a refused import leaves the plant as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.constantFrom("'", '+', ':', '?', 'X', '0', '', '\n'),
        fc.constantFrom('auto', 'desadv', 'csv'),
        async (text, at, char, format) => {
          const position = at % text.length;
          const content = `${text.slice(0, position)}${char}${text.slice(position + 1)}`;
          const input = { fileName: 'fuzz.edi', content: content || 'x', format };
          const preview = await call('notices.preview', input);
          expect(preview.ok, JSON.stringify(preview)).toBe(true);
          const before = plantHash(t.ctx);
          const imported = await call('notices.import', input);
          if (!imported.ok) {
            expect(imported.error.code).not.toBe('INTERNAL');
            expect(plantHash(t.ctx)).toBe(before);
          }
          expect(imported.ok).toBe(preview.ok && preview.value.ok);
        },
      ),
      { numRuns: 120 },
    );
  });
});
