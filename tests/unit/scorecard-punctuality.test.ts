import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '../../src-main/db/schema';
import { type DeliveryFact, judgeArrival, punctualityFigures } from '../../src-main/domain/scorecard/index';

const MIN = 60_000;
const START = 1_000 * MIN;
const END = START + 30 * MIN;
const NOW = END + 24 * 60 * MIN;

/** A delivery with a 30-minute slot [START, END) that checked in `minutes` after the slot's end. */
const arrived = (minutesAfterEnd: number, id = `D${minutesAfterEnd}`): DeliveryFact => ({
  id,
  status: 'unloaded',
  slotStart: START,
  slotEnd: END,
  gateInAt: END + minutesAfterEnd * MIN,
});
const open = (status: DeliveryStatus, over: Partial<DeliveryFact> = {}): DeliveryFact => ({
  id: `O-${status}`,
  status,
  slotStart: START,
  slotEnd: END,
  gateInAt: null,
  ...over,
});

describe('one arrival against its slot and the tolerance', () => {
  it('is on time up to and including the slot end plus the tolerance, late one millisecond after', () => {
    const exactly = { ...arrived(15), gateInAt: END + 15 * MIN };
    const justAfter = { ...arrived(15), gateInAt: END + 15 * MIN + 1 };
    expect(judgeArrival(exactly, 15, NOW)).toMatchObject({ kind: 'arrived', onTime: true, inSlot: true });
    expect(judgeArrival(justAfter, 15, NOW)).toMatchObject({ kind: 'arrived', onTime: false, inSlot: false });
  });

  it('with no tolerance, the slot end itself is still on time', () => {
    expect(judgeArrival(arrived(0), 0, NOW)).toMatchObject({ onTime: true, inSlot: true, minutesLate: 0 });
    expect(judgeArrival(arrived(1), 0, NOW)).toMatchObject({ onTime: false, minutesLate: 1 });
  });

  it('counts an early truck as on time, but not slot-adherent beyond the tolerance', () => {
    // 45 minutes before the slot's end is 15 minutes before its start: the edge of the tolerance.
    expect(judgeArrival(arrived(-45), 15, NOW)).toMatchObject({ onTime: true, inSlot: true, early: false });
    const wayEarly = { ...arrived(-45), gateInAt: START - 15 * MIN - 1 };
    expect(judgeArrival(wayEarly, 15, NOW)).toMatchObject({ onTime: true, inSlot: false, early: true });
    expect(judgeArrival(arrived(-150), 15, NOW)).toMatchObject({ onTime: true, inSlot: false, early: true });
  });

  it('judges a truck not yet here only once the window and the tolerance have passed', () => {
    expect(judgeArrival(open('in_transit'), 15, END + 15 * MIN)).toEqual({ kind: 'not_judged' });
    expect(judgeArrival(open('in_transit'), 15, END + 15 * MIN + 1)).toEqual({ kind: 'overdue' });
    expect(judgeArrival(open('announced'), 15, NOW)).toEqual({ kind: 'overdue' });
  });

  it('never judges a cancelled delivery, even one that came to the gate', () => {
    expect(judgeArrival({ ...arrived(90), status: 'cancelled' }, 15, NOW)).toEqual({ kind: 'not_judged' });
    expect(judgeArrival(open('cancelled'), 15, NOW)).toEqual({ kind: 'not_judged' });
  });
});

describe('punctuality figures over a set of deliveries', () => {
  it('counts on time, in slot, early, late, overdue and the two average delays', () => {
    const deliveries = [
      arrived(-10), // in the window
      arrived(-120), // 90 min before the slot: on time, too early for the slot
      arrived(10), // within the tolerance
      arrived(40), // late by 40
      arrived(80), // late by 80
      open('in_transit'), // overdue at NOW
      open('cancelled'),
      open('announced', { slotStart: NOW, slotEnd: NOW + 30 * MIN }), // not yet due
    ];
    const figures = punctualityFigures(deliveries, 15, NOW);
    expect(figures).toEqual({
      due: 6,
      arrived: 5,
      overdue: 1,
      onTime: 3,
      onTimeRate: 3 / 6,
      inSlot: 2,
      slotAdherenceRate: 2 / 6,
      late: 2,
      early: 1,
      // Over every arrival, early ones as 0: (0 + 0 + 10 + 40 + 80) / 5.
      averageDelayMinutes: 26,
      // Late ones only, measured from the slot's end: (40 + 80) / 2.
      averageLateDelayMinutes: 60,
    });
  });

  it('moves arrivals between on time and late as the tolerance changes', () => {
    const deliveries = [arrived(5), arrived(20), arrived(60)];
    expect(punctualityFigures(deliveries, 0, NOW).onTime).toBe(0);
    expect(punctualityFigures(deliveries, 15, NOW).onTime).toBe(1);
    expect(punctualityFigures(deliveries, 30, NOW).onTime).toBe(2);
    expect(punctualityFigures(deliveries, 120, NOW).onTime).toBe(3);
    expect(punctualityFigures(deliveries, 120, NOW).averageLateDelayMinutes).toBeNull();
  });

  it('has no rates without a delivery to judge', () => {
    const figures = punctualityFigures([open('cancelled')], 15, NOW);
    expect(figures.due).toBe(0);
    expect(figures.onTimeRate).toBeNull();
    expect(figures.slotAdherenceRate).toBeNull();
    expect(figures.averageDelayMinutes).toBeNull();
  });

  it('keeps slot adherence at most the on-time rate, and both between 0 and 1, for any deliveries', () => {
    const delivery = fc.record({
      offset: fc.integer({ min: -600, max: 600 }),
      arrivedAtAll: fc.boolean(),
      cancelled: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(delivery, { maxLength: 40 }),
        fc.integer({ min: 0, max: 120 }),
        (specs, tolerance) => {
          const deliveries = specs.map((spec, index) => ({
            ...arrived(spec.offset, `D${index}`),
            status: (spec.cancelled
              ? 'cancelled'
              : spec.arrivedAtAll
                ? 'departed'
                : 'in_transit') as DeliveryStatus,
            gateInAt: spec.arrivedAtAll ? END + spec.offset * MIN : null,
          }));
          const figures = punctualityFigures(deliveries, tolerance, NOW);
          expect(figures.inSlot).toBeLessThanOrEqual(figures.onTime);
          expect(figures.onTime + figures.late + figures.overdue).toBe(figures.due);
          if (figures.onTimeRate !== null) {
            expect(figures.onTimeRate).toBeGreaterThanOrEqual(0);
            expect(figures.onTimeRate).toBeLessThanOrEqual(1);
            expect(figures.slotAdherenceRate!).toBeLessThanOrEqual(figures.onTimeRate);
          }
          if (figures.averageLateDelayMinutes !== null) {
            expect(figures.averageLateDelayMinutes).toBeGreaterThan(tolerance);
            expect(figures.averageLateDelayMinutes).toBeGreaterThanOrEqual(figures.averageDelayMinutes!);
          }
        },
      ),
    );
  });
});
