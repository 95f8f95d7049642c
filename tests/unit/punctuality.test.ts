import { describe, expect, it } from 'vitest';
import { punctuality, type SlotTiming } from '../../src-main/domain/punctuality';

const MIN = 60_000;
const slot = (over: Partial<SlotTiming>): SlotTiming => ({
  status: 'in_transit',
  slotStart: 100 * MIN,
  slotEnd: 130 * MIN,
  eta: 110 * MIN,
  etaConfidenceMinutes: 5,
  gateInAt: null,
  ...over,
});

describe('punctuality against the slot window', () => {
  it('is on time when the ETA and its spread fall inside the window', () => {
    expect(punctuality(slot({}), 0)).toEqual({ class: 'on_time', minutesLate: -20 });
  });
  it('is at risk when the spread reaches past the window', () => {
    expect(punctuality(slot({ eta: 128 * MIN }), 0)).toEqual({ class: 'at_risk', minutesLate: -2 });
  });
  it('is late when the ETA is past the window', () => {
    expect(punctuality(slot({ eta: 175 * MIN }), 0)).toEqual({ class: 'late', minutesLate: 45 });
  });
  it('is late once the window has passed without arrival, whatever the stale ETA says', () => {
    expect(punctuality(slot({ eta: 110 * MIN }), 140 * MIN)).toEqual({ class: 'late', minutesLate: 10 });
  });
  it('uses the slot start when an announced truck has no ETA yet', () => {
    expect(punctuality(slot({ status: 'announced', eta: null, etaConfidenceMinutes: null }), 0).class).toBe(
      'on_time',
    );
  });
  it('judges arrived trucks by their gate check-in', () => {
    expect(punctuality(slot({ status: 'unloading', gateInAt: 140 * MIN }), 200 * MIN)).toEqual({
      class: 'at_plant',
      minutesLate: 10,
    });
    expect(punctuality(slot({ status: 'departed', gateInAt: 95 * MIN }), 300 * MIN)).toEqual({
      class: 'completed',
      minutesLate: -35,
    });
  });
  it('has no lateness for a cancelled delivery', () => {
    expect(punctuality(slot({ status: 'cancelled' }), 0)).toEqual({ class: 'cancelled', minutesLate: null });
  });
});
