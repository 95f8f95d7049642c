import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ProcedureName, ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { type Caller, callProcedure, procedure } from '../../src-main/api/registry';
import { DomainError, type Result } from '../../src-main/api/result';
import { loadFixturePlant } from '../support/fixturePlant';
import { testContext } from '../support/testContext';

const desk: Caller = { transport: 'internal', access: 'write' };
const viewer: Caller = { transport: 'http', access: 'read' };
const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
  await loadFixturePlant(t.ctx);
});
afterEach(() => t.dispose());

/** Calls through the registry, typed like the renderer sees it for known names. */
const call = <N extends string>(name: N, input: unknown, caller = desk) =>
  callProcedure(t.ctx, procedures, name, input, caller, silent) as Promise<
    Result<N extends ProcedureName ? ProcedureOutput<N> : unknown>
  >;

describe('the procedure registry', () => {
  it('refuses an unknown procedure by name', async () => {
    const result = await call('deliveries.delete', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE', message: 'There is no procedure named "deliveries.delete".' },
    });
  });

  it('does not treat inherited object keys as procedures', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const result = await call(name, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_PROCEDURE');
    }
  });

  it('names the field of bad input and changes nothing', async () => {
    const result = await call('deliveries.addNote', { id: 'D-1', note: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^deliveries\.addNote: note: /);
    expect(result.error.details).toEqual({ issues: [expect.objectContaining({ field: 'note' })] });
    const row = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select('notes')
      .where('id', '=', 'D-1')
      .executeTakeFirstOrThrow();
    expect(row.notes).toBeNull();
    expect(t.events).toEqual([]);
  });

  it('names nested fields and unknown keys', async () => {
    const nested = await call('deliveries.list', { statuses: ['in_transit', 'teleported'] });
    expect(!nested.ok && nested.error.message).toMatch(/^deliveries\.list: statuses\.1: /);
    const extra = await call('deliveries.get', { id: 'D-1', sneaky: true });
    expect(!extra.ok && extra.error.code).toBe('INVALID_INPUT');
  });

  it('lets a read-only caller read but not write, and a refused write changes nothing', async () => {
    expect((await call('deliveries.get', { id: 'D-1' }, viewer)).ok).toBe(true);
    const refused = await call('deliveries.addNote', { id: 'D-1', note: 'Palette beschädigt' }, viewer);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const row = await t.ctx.database.db
      .selectFrom('inboundDelivery')
      .select('notes')
      .where('id', '=', 'D-1')
      .executeTakeFirstOrThrow();
    expect(row.notes).toBeNull();
  });

  it('writes a note with its history entry and tells the views', async () => {
    const result = await call('deliveries.addNote', { id: 'D-1', note: '  Palette beschädigt  ' });
    expect(result).toEqual({ ok: true, value: { id: 'D-1', notes: 'Palette beschädigt' } });
    const detail = await call('deliveries.get', { id: 'D-1' });
    expect(detail.ok && detail.value.history.map((h) => h.kind)).toEqual(['delivery.note']);
    expect(t.events).toEqual([{ event: 'deliveries.changed', payload: { ids: ['D-1'] } }]);
  });

  it('answers NOT_FOUND for a delivery that does not exist, writing nothing', async () => {
    const result = await call('deliveries.addNote', { id: 'D-404', note: 'x' });
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
    const log = await t.ctx.database.db.selectFrom('eventLog').selectAll().execute();
    expect(log).toEqual([]);
  });

  it('turns a thrown error into INTERNAL without leaking it, and logs it', async () => {
    const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    const broken = {
      'test.broken': procedure({
        access: 'read',
        summary: 'fails',
        input: z.object({}),
        handler: () => {
          throw new Error('secret path /home/plant/db');
        },
      }),
      'test.refused': procedure({
        access: 'read',
        summary: 'refuses',
        input: z.object({}),
        handler: () => {
          throw new DomainError('CONFLICT', 'Tor 3 is busy.');
        },
      }),
    };
    const internal = await callProcedure(t.ctx, broken, 'test.broken', {}, desk, logger);
    expect(!internal.ok && internal.error).toEqual({
      code: 'INTERNAL',
      message: 'Leitstand could not complete "test.broken"; the error was logged.',
    });
    expect(logger.error).toHaveBeenCalledOnce();
    const refused = await callProcedure(t.ctx, broken, 'test.refused', {}, desk, logger);
    expect(!refused.ok && refused.error).toEqual({ code: 'CONFLICT', message: 'Tor 3 is busy.' });
  });

  it('answers every procedure with ok or a clear refusal for hostile input, never INTERNAL', async () => {
    const hostile: unknown[] = [
      null,
      42,
      'x',
      [],
      { id: {} },
      { limit: -1 },
      { day: '2026-13-45' },
      { from: 5, to: 1 },
    ];
    for (const name of Object.keys(procedures)) {
      for (const input of hostile) {
        const result = await call(name, input);
        if (!result.ok) expect(result.error.code, `${name} ${JSON.stringify(input)}`).not.toBe('INTERNAL');
      }
    }
  });
});

describe('the read procedures on a small plant', () => {
  it('lists deliveries with punctuality and finds them by plate, notice and supplier', async () => {
    const all = await call('deliveries.list', {});
    expect(all.ok && all.value.total).toBe(3);
    const late = await call('deliveries.list', { search: 'PZ D-2' });
    expect(
      late.ok && late.value.rows.map((r) => [r.id, r.punctuality.class, r.punctuality.minutesLate]),
    ).toEqual([['D-2', 'late', 30]]);
    const bySupplier = await call('deliveries.list', { search: 'kabelwerk', statuses: ['departed'] });
    expect(bySupplier.ok && bySupplier.value.rows.map((r) => r.id)).toEqual(['D-3']);
    const literal = await call('deliveries.list', { search: '%' });
    expect(literal.ok && literal.value.total).toBe(0);
  });

  it('gives a delivery with its items', async () => {
    const result = await call('deliveries.get', { id: 'D-3' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.delivery.punctuality).toEqual({ class: 'completed', minutesLate: -20 });
    expect(result.value.items).toEqual([
      expect.objectContaining({ partId: '4711-002', quantityAnnounced: 100, quantityReceived: 90 }),
    ]);
  });

  it('raises alerts for the late truck and the part below safety stock', async () => {
    const result = await call('alerts.list', {});
    expect(result.ok && result.value.map((a) => a.id).sort()).toEqual([
      'below_safety_stock:4711-002',
      'truck_late:D-2',
    ]);
  });

  it('puts the trucks with a position on the map', async () => {
    const result = await call('trucks.live', {});
    expect(result.ok && result.value.trucks.map((truck) => [truck.id, truck.punctuality.class])).toEqual([
      ['D-2', 'late'],
      ['D-1', 'on_time'],
    ]);
  });

  it('sums up a plant-local day', async () => {
    const result = await call('reports.dayOverview', { day: '2026-11-27' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      planned: 3,
      arrived: 1,
      onTime: 1,
      onTimeRate: 1,
      averageDwellMinutes: 50,
      shortItems: 1,
    });
  });
});
