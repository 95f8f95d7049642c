import { describe, expect, it } from 'vitest';
import {
  type LaneSample,
  laneKey,
  learnLanes,
  NEUTRAL_LANE,
  PRIOR_SAMPLES,
  PRIOR_SPREAD,
} from '../../src-main/domain/eta/laneLearning';

const PILSEN = laneKey('S1', 'Plzeň');
const trips = (n: number, ratio: number, carrierId: string | null = 'C1', lane = PILSEN): LaneSample[] =>
  Array.from({ length: n }, () => ({
    laneKey: lane,
    carrierId,
    actualMinutes: 300 * ratio,
    predictedMinutes: 300,
  }));

describe('learned lane performance', () => {
  it('knows nothing of a lane nobody has driven: factor 1, the prior spread', () => {
    expect(learnLanes([]).lookup(PILSEN, 'C1')).toEqual(NEUTRAL_LANE);
    expect(NEUTRAL_LANE).toEqual({ factor: 1, spread: PRIOR_SPREAD, samples: 0 });
  });

  it('shrinks a few slow trips towards 1 and trusts many', () => {
    const one = learnLanes(trips(1, 1.3)).lookup(PILSEN, null);
    const many = learnLanes(trips(200, 1.3)).lookup(PILSEN, null);
    expect(one.samples).toBe(1);
    expect(one.factor).toBeCloseTo(Math.exp(Math.log(1.3) / (1 + PRIOR_SAMPLES)), 9);
    expect(one.factor).toBeGreaterThan(1);
    expect(one.factor).toBeLessThan(many.factor);
    expect(many.factor).toBeCloseTo(1.3, 1);
    expect(many.samples).toBe(200);
  });

  it('learns the spread from trips that vary, and little spread from trips that do not', () => {
    const steady = learnLanes(trips(100, 1.1)).lookup(PILSEN, null);
    const erratic = learnLanes([...trips(50, 0.8), ...trips(50, 1.4)]).lookup(PILSEN, null);
    expect(steady.spread).toBeLessThan(PRIOR_SPREAD / 2);
    expect(erratic.spread).toBeGreaterThan(0.2);
  });

  it('learns a carrier on a lane, shrunk towards the lane', () => {
    const book = learnLanes([...trips(40, 1.0, 'C1'), ...trips(3, 1.5, 'C2')]);
    const lane = book.lookup(PILSEN, 'C9'); // a carrier new to the lane gets the lane's figure
    const quick = book.lookup(PILSEN, 'C1');
    const slow = book.lookup(PILSEN, 'C2');
    expect(lane.samples).toBe(43);
    expect(slow.samples).toBe(3);
    expect(slow.factor).toBeGreaterThan(lane.factor);
    expect(slow.factor).toBeLessThan(1.5);
    expect(quick.factor).toBeLessThan(lane.factor);
  });

  it('keeps lanes apart and caps absurd trips', () => {
    const other = laneKey('S2', 'Torino');
    const book = learnLanes([
      ...trips(30, 1.2),
      ...trips(30, 0.9, 'C1', other),
      ...trips(1, 40, 'C1', other),
    ]);
    expect(book.lookup(PILSEN, null).factor).toBeGreaterThan(1.1);
    expect(book.lookup(other, null).factor).toBeLessThan(1);
    expect(learnLanes(trips(100, 40)).lookup(PILSEN, null).factor).toBeLessThan(3.01);
  });
});
