import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DriverState, FRESH_DRIVER } from '../../src-main/domain/eta/drivingRules';
import { type EtaSituation, estimateEta } from '../../src-main/domain/eta/estimate';
import { NEUTRAL_LANE } from '../../src-main/domain/eta/laneLearning';
import { HGV_MAX_KMH } from '../../src-main/domain/eta/speedProfile';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 28, 12, 0);

const situation = (extra: Partial<EtaSituation> = {}, km = 200, fixAgeMinutes = 0): EtaSituation => ({
  now: NOW,
  utcOffsetMinutes: 60,
  position: { kind: 'fix', at: NOW - fixAgeMinutes * MINUTE, kmToGate: km, driver: FRESH_DRIVER },
  lane: NEUTRAL_LANE,
  slotStart: NOW + 120 * MINUTE,
  carrier: null,
  notice: null,
  ...extra,
});

describe('the estimate and its band', () => {
  it('explains itself: km, driving, breaks, rests, lane', () => {
    const estimate = estimateEta(situation({}, 300));
    expect(estimate).toMatchObject({ source: 'gps', remainingKm: 300, breakMinutes: 0, restMinutes: 0 });
    expect(estimate.laneFactor).toBe(1);
    expect(estimate.laneSamples).toBe(0);
    expect(estimate.eta).toBeGreaterThanOrEqual(NOW + estimate.drivingMinutes * MINUTE);
    expect(estimate.earliest).toBeLessThan(estimate.eta);
    expect(estimate.latest).toBeGreaterThan(estimate.eta);
    expect(estimate.latest - estimate.eta).toBeGreaterThan(estimate.eta - estimate.earliest); // late is likelier
  });

  it('widens the band with the distance still to go and the lane spread; narrows it with a fresh fix', () => {
    const near = estimateEta(situation({}, 50));
    const far = estimateEta(situation({}, 400));
    expect(far.confidenceMinutes).toBeGreaterThan(near.confidenceMinutes);
    const erratic = estimateEta(situation({ lane: { factor: 1, spread: 0.4, samples: 30 } }, 400));
    expect(erratic.confidenceMinutes).toBeGreaterThan(far.confidenceMinutes);
    const stale = estimateEta(situation({}, 400, 60));
    expect(stale.confidenceMinutes).toBeGreaterThan(far.confidenceMinutes);
  });

  it('slows the trip by the lane factor', () => {
    const usual = estimateEta(situation({}, 300));
    const slowLane = estimateEta(situation({ lane: { factor: 1.2, spread: 0.1, samples: 40 } }, 300));
    expect(slowLane.eta - usual.eta).toBeGreaterThan(30 * MINUTE);
    expect(slowLane).toMatchObject({ laneFactor: 1.2, laneSamples: 40 });
  });
});

describe('the precedence of sources', () => {
  const carrierEta = NOW + 400 * MINUTE;

  it('takes a fresh fix over an older carrier ETA', () => {
    const estimate = estimateEta(situation({ carrier: { at: NOW - 30 * MINUTE, eta: carrierEta } }));
    expect(estimate.source).toBe('gps');
    expect(estimate.eta).toBeLessThan(carrierEta);
  });

  it('takes a carrier ETA sent after the last fix', () => {
    const estimate = estimateEta(situation({ carrier: { at: NOW, eta: carrierEta } }, 200, 20));
    expect(estimate).toMatchObject({ source: 'carrier', eta: carrierEta });
  });

  it('clamps a carrier ETA the truck cannot make, and stays with the carrier as the source', () => {
    const tooEarly = NOW + 30 * MINUTE; // 200 km in half an hour
    const estimate = estimateEta(situation({ carrier: { at: NOW, eta: tooEarly } }, 200, 20));
    expect(estimate.source).toBe('carrier');
    // From the fix 20 minutes ago, 200 km at the limiter's 90 km/h: not before 113 minutes from now.
    expect(estimate.eta).toBeGreaterThanOrEqual(NOW - 20 * MINUTE + (200 / HGV_MAX_KMH) * 60 * MINUTE);
    expect(estimate.eta).toBeLessThan(NOW + 120 * MINUTE);
  });

  it('falls back to the notice, then the plan, without a fix or a carrier word', () => {
    const notDeparted = { kind: 'not_departed' as const, at: NOW, kmToGate: 100, driver: FRESH_DRIVER };
    const notice = estimateEta(situation({ position: notDeparted, notice: { eta: NOW + 200 * MINUTE } }));
    expect(notice).toMatchObject({ source: 'notice', eta: NOW + 200 * MINUTE });
    const plan = estimateEta(situation({ position: notDeparted }));
    expect(plan).toMatchObject({ source: 'plan', eta: NOW + 120 * MINUTE });
    // A slot the truck can no longer make from where it still stands: the plan moves out.
    const late = estimateEta(situation({ position: { ...notDeparted, kmToGate: 600 } }));
    expect(late.eta).toBeGreaterThan(NOW + 400 * MINUTE);
    expect(notice.confidenceMinutes).toBeGreaterThan(estimateEta(situation({}, 100)).confidenceMinutes);
    // Departed without a track: dead reckoning from the departure.
    const departed = estimateEta(
      situation({
        position: { kind: 'departure', at: NOW - 60 * MINUTE, kmToGate: 300, driver: FRESH_DRIVER },
      }),
    );
    expect(departed.source).toBe('plan');
    expect(departed.eta).toBeLessThan(estimateEta(situation({}, 300)).eta);
  });
});

const driverArb: fc.Arbitrary<DriverState> = fc.record({
  drivenSinceBreakMinutes: fc.double({ min: 0, max: 270, noNaN: true }),
  drivenTodayMinutes: fc.double({ min: 0, max: 540, noNaN: true }),
  splitBreakStarted: fc.boolean(),
  standingMinutes: fc.double({ min: 0, max: 120, noNaN: true }),
  team: fc.boolean(),
});
const laneArb = fc.record({
  factor: fc.double({ min: 0.5, max: 3, noNaN: true }),
  spread: fc.double({ min: 0, max: 1, noNaN: true }),
  samples: fc.nat(500),
});
const situationArb = fc.record({
  km: fc.double({ min: 0, max: 2500, noNaN: true }),
  more: fc.double({ min: 0, max: 500, noNaN: true }),
  startOffset: fc.integer({ min: 0, max: 14 * 24 * 60 }),
  fixAge: fc.integer({ min: 0, max: 240 }),
  driver: driverArb,
  lane: laneArb,
  carrier: fc.option(
    fc.record({ age: fc.integer({ min: -60, max: 300 }), in: fc.integer({ min: -600, max: 3000 }) }),
  ),
});

describe('invariants', () => {
  it('never before now + remaining km at the limiter; earliest ≤ eta ≤ latest; further is never earlier', () => {
    fc.assert(
      fc.property(situationArb, ({ km, more, startOffset, fixAge, driver, lane, carrier }) => {
        const now = NOW + startOffset * MINUTE;
        const at = now - fixAge * MINUTE;
        const build = (kmToGate: number): EtaSituation => ({
          now,
          utcOffsetMinutes: 60,
          position: { kind: 'fix', at, kmToGate, driver },
          lane,
          slotStart: now,
          carrier: carrier ? { at: at + carrier.age * MINUTE, eta: now + carrier.in * MINUTE } : null,
          notice: null,
        });
        const estimate = estimateEta(build(km));
        expect(estimate.eta).toBeGreaterThanOrEqual(now);
        expect(estimate.eta).toBeGreaterThanOrEqual(at + (km / HGV_MAX_KMH) * 60 * MINUTE - 1);
        expect(estimate.earliest).toBeLessThanOrEqual(estimate.eta);
        expect(estimate.eta).toBeLessThanOrEqual(estimate.latest);
        expect(estimateEta(build(km + more)).eta).toBeGreaterThanOrEqual(estimate.eta);
      }),
      { numRuns: 400 },
    );
  });
});
