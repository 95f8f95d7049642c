import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureOutput } from '../../src-main/api/contract';
import { procedures } from '../../src-main/api/procedures/index';
import { callProcedure } from '../../src-main/api/registry';
import { localParts } from '../../src-main/domain/plantTime';
import { testContext } from '../support/testContext';
import { loadReportPlant, localMinute } from './report-plant';

const silent = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
let t: Awaited<ReturnType<typeof testContext>>;
afterEach(() => t.dispose());

async function report(input: { day: string; shiftId?: string }) {
  const result = await callProcedure(
    t.ctx,
    procedures,
    'reports.delivery',
    input,
    { transport: 'internal', access: 'read' },
    silent,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProcedureOutput<'reports.delivery'>;
}

const hourOf = (at: number) => localParts(at, 'Europe/Berlin').hour;

describe('shift reports', () => {
  it('splits the day into its three shifts, the night running into the next morning', async () => {
    t = await testContext(localMinute('2026-11-28', 12 * 60));
    await loadReportPlant(t.ctx, { day: '2026-11-27', count: 96 });
    const day = await report({ day: '2026-11-27' });
    const early = await report({ day: '2026-11-27', shiftId: 'frueh' });
    const late = await report({ day: '2026-11-27', shiftId: 'spaet' });
    const night = await report({ day: '2026-11-27', shiftId: 'nacht' });
    const previousNight = await report({ day: '2026-11-26', shiftId: 'nacht' });
    // Every delivery of the day is in exactly one of the day's shifts or the night before.
    expect(
      early.summary.planned + late.summary.planned + night.summary.planned + previousNight.summary.planned,
    ).toBe(day.summary.planned);
    expect(early.deliveries.every((d) => hourOf(d.slotStart) >= 6 && hourOf(d.slotStart) < 14)).toBe(true);
    expect(night.deliveries.every((d) => hourOf(d.slotStart) >= 22)).toBe(true);
    expect(previousNight.deliveries.every((d) => hourOf(d.slotStart) < 6)).toBe(true);
    expect(night.summary.planned).toBeGreaterThan(0);
    expect(night.perHour.map((h) => h.label)).toEqual(['22', '23', '00', '01', '02', '03', '04', '05']);
    expect(night.shift).toMatchObject({ id: 'nacht', name: 'Nachtschicht' });
    // Stoppages clipped to each window: the stop from 23:10 the evening before lies in the
    // previous night (50 + 40 minutes), 07:10–07:55 in the early shift, 15:00–15:20 in the late.
    expect(previousNight.summary.stoppageMinutes).toBe(90);
    expect(early.summary.stoppageMinutes).toBe(45);
    expect(late.summary.stoppageMinutes).toBe(20);
    expect(night.summary.stoppageMinutes).toBe(0);
  });
});

describe('a daylight-saving day', () => {
  it('reports 25 hours on the day the clocks go back, and a 9-hour night', async () => {
    t = await testContext(localMinute('2026-10-26', 12 * 60));
    await loadReportPlant(t.ctx, { day: '2026-10-25', count: 100 });
    const day = await report({ day: '2026-10-25' });
    expect(day.end - day.start).toBe(25 * 3_600_000);
    expect(day.perHour).toHaveLength(25);
    expect(day.summary.planned).toBe(100);
    expect(day.perHour.reduce((sum, h) => sum + h.planned, 0)).toBe(100);
    // Sunday: Tor 3 stays closed, three doors × two slots all day.
    expect(new Set(day.perHour.map((h) => h.capacity))).toEqual(new Set([6]));
    const night = await report({ day: '2026-10-24', shiftId: 'nacht' });
    expect(night.end - night.start).toBe(9 * 3_600_000);
    expect(night.perHour.map((h) => h.label)).toEqual(['22', '23', '00', '01', '02', '02', '03', '04', '05']);
  });

  it('reports 23 hours on the day the clocks go forward', async () => {
    t = await testContext(localMinute('2026-03-30', 12 * 60));
    await loadReportPlant(t.ctx, { day: '2026-03-29', count: 40 });
    const day = await report({ day: '2026-03-29' });
    expect(day.end - day.start).toBe(23 * 3_600_000);
    expect(day.perHour.map((h) => h.label)).not.toContain('02');
    expect(day.summary.planned).toBe(40);
  });
});

describe('the dashboard', () => {
  it('shows each day, the dwell spread, the hours against the dock and the stoppages', async () => {
    t = await testContext(localMinute('2026-11-28', 12 * 60));
    await loadReportPlant(t.ctx, { day: '2026-11-27', count: 48 });
    const result = await callProcedure(
      t.ctx,
      procedures,
      'reports.dashboard',
      { from: '2026-11-25', to: '2026-11-28' },
      { transport: 'internal', access: 'read' },
    );
    if (!result.ok) throw new Error(result.error.message);
    const dashboard = result.value as ProcedureOutput<'reports.dashboard'>;
    const day = await report({ day: '2026-11-27' });
    expect(dashboard.days.map((d) => d.day)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    const the27th = dashboard.days[2]!;
    expect(the27th).toMatchObject({ planned: 48, arrived: day.summary.arrived, onTime: day.summary.onTime });
    expect(the27th.onTimeRate).toBeCloseTo(day.summary.onTimeRate!, 10);
    expect(the27th.stoppageMinutes).toBe(105);
    expect(dashboard.days[1]!.stoppageMinutes).toBe(50);
    expect(dashboard.dwell.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(
      day.deliveries.filter((d) => d.dwellMinutes !== null).length,
    );
    expect(dashboard.perHour).toHaveLength(24);
    // Averaged over the days with deliveries (only the 27th): four slots at 06:00.
    expect(dashboard.perHour[6]).toMatchObject({ planned: 4, capacity: 8 });

    const partner = await callProcedure(
      t.ctx,
      procedures,
      'reports.dashboard',
      { from: '2026-11-27', to: '2026-11-27', partnerId: 'S1' },
      { transport: 'internal', access: 'read' },
    );
    const forS1 = (partner.ok ? partner.value : null) as ProcedureOutput<'reports.dashboard'>;
    expect(forS1.totals.planned).toBe(
      day.deliveries.filter((d) => d.supplierName === 'Kabelwerk Pilsen').length,
    );
    // Kabelwerk Pilsen supplies 4711-001, the part line 1 waited for.
    expect(forS1.days[0]!.stoppageMinutes).toBe(85);
  });

  it('refuses a reversed or too long range', async () => {
    t = await testContext();
    await loadReportPlant(t.ctx, { day: '2026-11-27', count: 4 });
    const reversed = await callProcedure(
      t.ctx,
      procedures,
      'reports.dashboard',
      { from: '2026-11-28', to: '2026-11-01' },
      {
        transport: 'internal',
        access: 'read',
      },
    );
    expect(!reversed.ok && reversed.error.message).toMatch(/before from/);
    const long = await callProcedure(
      t.ctx,
      procedures,
      'reports.dashboard',
      { from: '2025-01-01', to: '2026-11-01' },
      {
        transport: 'internal',
        access: 'read',
      },
    );
    expect(!long.ok && long.error.message).toMatch(/at most 93 days/);
  });
});
