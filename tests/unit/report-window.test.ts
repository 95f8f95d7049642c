import { describe, expect, it } from 'vitest';
import { localParts } from '../../src-main/domain/plantTime';
import { perHour } from '../../src-main/reports/deliveryReport';
import { dayWindow, nextDay, previousDay, shiftWindow } from '../../src-main/reports/reportWindow';
import { latestShiftEnd } from '../../src-main/reports/shiftEnds';

const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
const SHIFTS = [
  { id: 'frueh', name: 'Frühschicht', startMinute: 360, endMinute: 840 },
  { id: 'spaet', name: 'Spätschicht', startMinute: 840, endMinute: 1320 },
  { id: 'nacht', name: 'Nachtschicht', startMinute: 1320, endMinute: 360 },
];
const [frueh, spaet, nacht] = SHIFTS as [(typeof SHIFTS)[0], (typeof SHIFTS)[0], (typeof SHIFTS)[0]];
const local = (at: number) => {
  const p = localParts(at, TZ);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

describe('report windows', () => {
  it('runs a night shift over midnight into the next day', () => {
    const window = shiftWindow('2026-11-27', nacht, TZ);
    expect(local(window.start)).toBe('2026-11-27 22:00');
    expect(local(window.end)).toBe('2026-11-28 06:00');
    expect(window.end - window.start).toBe(8 * HOUR);
    expect(shiftWindow('2026-11-27', frueh, TZ).end - shiftWindow('2026-11-27', frueh, TZ).start).toBe(
      8 * HOUR,
    );
  });

  it('crosses the year end', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(previousDay('2027-03-01')).toBe('2027-02-28');
    expect(local(shiftWindow('2026-12-31', nacht, TZ).end)).toBe('2027-01-01 06:00');
  });

  it('follows daylight saving: 25- and 23-hour days, a 9- and a 7-hour night', () => {
    const autumn = dayWindow('2026-10-25', TZ);
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    const spring = dayWindow('2026-03-29', TZ);
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const longNight = shiftWindow('2026-10-24', nacht, TZ);
    expect(longNight.end - longNight.start).toBe(9 * HOUR);
    expect(local(longNight.end)).toBe('2026-10-25 06:00');
    const shortNight = shiftWindow('2026-03-28', nacht, TZ);
    expect(shortNight.end - shortNight.start).toBe(7 * HOUR);
  });

  it('labels every hour of a DST day, twice the repeated one', () => {
    const autumn = perHour(dayWindow('2026-10-25', TZ), [], [], TZ);
    expect(autumn.map((h) => h.label)).toEqual([
      '00',
      '01',
      '02',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
    ]);
    const spring = perHour(dayWindow('2026-03-29', TZ), [], [], TZ);
    expect(spring.map((h) => h.label).slice(0, 4)).toEqual(['00', '01', '03', '04']);
    expect(spring).toHaveLength(23);
  });
});

describe('the latest shift end', () => {
  const at = (day: string, clock: string) => {
    const [h, m] = clock.split(':').map(Number) as [number, number];
    return shiftWindow(day, { id: 'x', name: 'x', startMinute: h * 60 + m, endMinute: h * 60 + m + 1 }, TZ)
      .start;
  };

  it('finds the shift that just ended, and none before it', () => {
    const end = latestShiftEnd(SHIFTS, at('2026-11-27', '13:00'), at('2026-11-27', '14:00'), TZ);
    expect(end).toMatchObject({ day: '2026-11-27', shift: { id: 'frueh' } });
    expect(latestShiftEnd(SHIFTS, at('2026-11-27', '14:00'), at('2026-11-27', '21:59'), TZ)).toBeNull();
  });

  it('gives a night shift the day it started on', () => {
    const end = latestShiftEnd(SHIFTS, at('2026-11-28', '05:00'), at('2026-11-28', '06:30'), TZ);
    expect(end).toMatchObject({ day: '2026-11-27', shift: { id: 'nacht' } });
  });

  it('after a long pause, only the last shift that ended', () => {
    const end = latestShiftEnd(SHIFTS, at('2026-11-25', '12:00'), at('2026-11-27', '23:00'), TZ);
    expect(end).toMatchObject({ day: '2026-11-27', shift: spaet });
  });

  it('finds the night that ends on the morning after the clocks went back', () => {
    const end = latestShiftEnd(SHIFTS, at('2026-10-25', '04:00'), at('2026-10-25', '06:00'), TZ);
    expect(end).toMatchObject({ day: '2026-10-24', shift: { id: 'nacht' } });
    expect(end!.end - end!.start).toBe(9 * HOUR);
  });
});
