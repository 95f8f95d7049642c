import { describe, expect, it } from 'vitest';
import { noticeAccuracy } from '../../src-main/domain/scorecard/index';

const line = (quantityAnnounced: number, quantityReceived: number) => ({
  quantityAnnounced,
  quantityReceived,
});

describe('shipping-notice accuracy', () => {
  it('counts exact, short and over-delivered lines and the fill rate', () => {
    const accuracy = noticeAccuracy([line(100, 100), line(200, 180), line(50, 60), line(40, 40)]);
    expect(accuracy).toEqual({
      lines: 4,
      exactLines: 2,
      exactLineRate: 0.5,
      shortLines: 1,
      overLines: 1,
      quantityAnnounced: 390,
      // 100 + 180 + 50 (the 10 extra are not credited) + 40
      quantityFilled: 370,
      fillRate: 370 / 390,
    });
  });

  it('never lets an over-delivery on one line hide a short one on another', () => {
    const accuracy = noticeAccuracy([line(100, 50), line(100, 150)]);
    // 50 of 100 plus 100 of 100 (not 150): 150 of 200, where summing received would say 200 of 200.
    expect(accuracy.fillRate).toBe(0.75);
    expect(accuracy.exactLineRate).toBe(0);
  });

  it('is perfect when everything came as announced, and empty without received lines', () => {
    expect(noticeAccuracy([line(10, 10), line(0, 0)])).toMatchObject({ exactLineRate: 1, fillRate: 1 });
    expect(noticeAccuracy([line(0, 0)])).toMatchObject({ exactLineRate: 1, fillRate: 1 });
    expect(noticeAccuracy([])).toMatchObject({ lines: 0, exactLineRate: null, fillRate: null });
  });

  it('credits nothing for a line that did not come at all', () => {
    expect(noticeAccuracy([line(80, 0), line(20, 20)])).toMatchObject({ fillRate: 0.2, shortLines: 1 });
  });
});
