import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src-main/domain/openingHours';
import { fromLocal } from '../../src-main/domain/plantTime';
import { type SlotRequest, type SuggestOptions, suggestSlots } from '../../src-main/domain/slots/suggest';

const TZ = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (hour: number, minute = 0) => fromLocal(2026, 11, 27, hour, minute, TZ);

const doors: SuggestOptions['doors'] = [
  {
    id: 'plain',
    name: 'Tor 1',
    capabilities: [],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 20,
    sortOrder: 1,
  },
  {
    id: 'cooled',
    name: 'Tor 2',
    capabilities: ['cooled'],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 20,
    sortOrder: 2,
  },
  {
    id: 'office',
    name: 'Tor 3',
    capabilities: [],
    openingHours: [{ days: [1, 2, 3, 4, 5], open: '06:00', close: '14:00' }],
    unloadMinutes: 20,
    sortOrder: 3,
  },
  { id: 'slow', name: 'Tor 4', capabilities: [], openingHours: ALWAYS_OPEN, unloadMinutes: 45, sortOrder: 4 },
];

const options = (extra: Partial<SuggestOptions> = {}): SuggestOptions => ({
  doors,
  bookedByDoor: new Map(),
  gridMinutes: 30,
  timeZone: TZ,
  horizonMs: 24 * HOUR,
  limit: 5,
  ...extra,
});

const request = (extra: Partial<SlotRequest> = {}): SlotRequest => ({
  required: [],
  durationMs: 30 * MINUTE,
  earliest: at(10),
  plannedStart: at(13),
  currentDoorId: 'plain',
  critical: false,
  ...extra,
});

describe('free slot suggestions', () => {
  it('keeps the planned time when the truck can make it, at the plain door it has', () => {
    const [best] = suggestSlots(request(), options());
    expect(best).toMatchObject({ doorId: 'plain', slotStart: at(13), slotEnd: at(13, 30), score: 100 });
    expect(best!.reasons).toEqual(['planned_time', 'plain_door', 'same_door']);
  });

  it('puts a truck whose goods a line waits for as early as it can be there', () => {
    const [best] = suggestSlots(request({ critical: true }), options());
    expect(best).toMatchObject({ doorId: 'plain', slotStart: at(10) });
    expect(best!.reasons).toEqual(['eta_fit', 'critical_early', 'plain_door', 'same_door']);
  });

  it('offers only doors that have every capability, are fast enough, open and free', () => {
    const cooled = suggestSlots(request({ required: ['cooled'], critical: true }), options({ limit: 50 }));
    expect(new Set(cooled.map((s) => s.doorId))).toEqual(new Set(['cooled']));
    const all = suggestSlots(request({ critical: true }), options({ limit: 200 }));
    expect(all.some((s) => s.doorId === 'slow')).toBe(false);
    const office = all.filter((s) => s.doorId === 'office');
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((s) => s.slotStart >= at(10) && s.slotEnd <= at(14))).toBe(true);
    const booked = new Map([['plain', [{ start: at(10), end: at(11) }]]]);
    const [best] = suggestSlots(request({ critical: true }), options({ bookedByDoor: booked }));
    expect(best).toMatchObject({ doorId: 'office', slotStart: at(10) });
  });

  it('keeps special doors for the trucks that need them', () => {
    const busyPlain = new Map([
      ['plain', [{ start: at(10), end: at(12) }]],
      ['office', [{ start: at(6), end: at(14) }]],
    ]);
    const ranked = suggestSlots(request({ critical: true }), options({ bookedByDoor: busyPlain, limit: 3 }));
    // The plain doors are free from 12:00 (120 minutes off); the cooled door at 10:00 costs only its
    // spare capability (45) and the change of door (5). Nearer plain slots would win (below).
    expect(ranked[0]).toMatchObject({ doorId: 'cooled', slotStart: at(10) });
    expect(ranked[0]!.reasons).toContain('special_door');
    const nearPlain = new Map([['plain', [{ start: at(10), end: at(10, 30) }]]]);
    const [best] = suggestSlots(
      request({ critical: true }),
      options({ bookedByDoor: nearPlain, doors: doors.filter((d) => d.id !== 'office') }),
    );
    expect(best).toMatchObject({ doorId: 'plain', slotStart: at(10, 30) });
  });

  it('scores 100 for the ideal slot and less the further it is', () => {
    const ranked = suggestSlots(request({ critical: true }), options({ limit: 200 }));
    const scores = ranked.map((s) => s.score);
    expect(scores[0]).toBe(100);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(suggestSlots(request(), options({ limit: 0 }))).toEqual([]);
  });
});
