import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../src-main/domain/reschedule/types';
import {
  dockPrioritySummary,
  expediteSummary,
  metricEffects,
  plantClock,
  resequenceSummary,
} from '../../src-main/services/recommendation/sentences';
import type { ResequenceSentence } from '../../src-main/services/recommendation/types';

const metrics = (values: Partial<Metrics>): Metrics => ({
  unproducedUnits: 0,
  stoppageMinutes: 0,
  tardinessMinutes: 0,
  setups: 10,
  moved: 0,
  ...values,
});

const resequence = (params: Partial<ResequenceSentence['params']>): ResequenceSentence => ({
  key: 'resequence',
  params: {
    orderId: 'O-1043',
    relation: 'before',
    referenceOrderId: 'O-1042',
    lineName: 'Line 2',
    toLineName: null,
    ordersMoved: 1,
    stoppageMinutesBefore: 47,
    stoppageMinutesAfter: 0,
    tardinessMinutesBefore: 0,
    tardinessMinutesAfter: 0,
    unproducedUnitsBefore: 0,
    unproducedUnitsAfter: 0,
    setupsDelta: 1,
    manual: false,
    ...params,
  },
});

describe('the sentence of a proposal', () => {
  it('says a re-sequencing the way the issue does', () => {
    const before = metrics({ stoppageMinutes: 47 });
    const after = metrics({ setups: 11, moved: 1 });
    expect(resequenceSummary(resequence({}), before, after)).toBe(
      'Run O-1043 before O-1042 on Line 2: no stoppage instead of 47 min; one extra changeover.',
    );
    expect(
      resequenceSummary(
        resequence({ relation: 'after', ordersMoved: 3, manual: true }),
        before,
        metrics({ stoppageMinutes: 12.4 }),
      ),
    ).toBe(
      'Manual re-sequencing: Run O-1043 after O-1042 on Line 2 (3 orders move in all): 12 min stoppage instead of 47 min.',
    );
    expect(
      resequenceSummary(
        resequence({ relation: 'onto', toLineName: 'Line 3', referenceOrderId: null }),
        before,
        after,
      ),
    ).toBe('Move O-1043 from Line 2 to Line 3: no stoppage instead of 47 min; one extra changeover.');
  });

  it('puts the metric deltas in plain words, most important first', () => {
    expect(
      metricEffects(
        metrics({ unproducedUnits: 30, stoppageMinutes: 90, tardinessMinutes: 120, setups: 12 }),
        metrics({ stoppageMinutes: 20, tardinessMinutes: 45, setups: 9 }),
      ),
    ).toEqual([
      '20 min stoppage instead of 90 min',
      '30 more units made within the horizon',
      'orders late by 45 min in all instead of 120 min',
      'three changeovers fewer',
    ]);
    expect(metricEffects(metrics({ tardinessMinutes: 30, setups: 10 }), metrics({ setups: 9 }))).toEqual([
      'every order on time instead of 30 min late',
      'one changeover fewer',
    ]);
    expect(metricEffects(metrics({}), metrics({}))).toEqual([]);
  });

  it('says the dock levers with truck, door, time and the line’s wait', () => {
    expect(
      dockPrioritySummary({
        key: 'dock_priority',
        params: {
          deliveryId: 'D-6',
          truckPlate: 'PZ 123',
          noticeNumber: 'KWO-261127-03',
          supplierName: 'Kabelwerk Oberpfalz',
          doorName: 'Tor 3',
          lineName: 'Linie 2',
          partId: '110.001.00',
          partDescription: 'Kabelbaum',
          stoppageMinutesBefore: 47,
          stoppageMinutesAfter: 12,
        },
      }),
    ).toBe(
      'Unload truck PZ 123 (KWO-261127-03, Kabelwerk Oberpfalz) first, at Tor 3: Linie 2 waits 12 min instead of 47 min for 110.001.00.',
    );
    const arriveBy = Date.UTC(2026, 10, 27, 13, 20);
    expect(plantClock(arriveBy, 'Europe/Berlin')).toBe('14:20');
    expect(
      expediteSummary({
        key: 'expedite',
        params: {
          deliveryId: 'D-2',
          truckPlate: null,
          noticeNumber: 'KWO-261127-04',
          supplierName: 'Kabelwerk Oberpfalz',
          arriveBy,
          arriveByLocal: '14:20',
          lineName: 'Linie 2',
          partId: '110.001.00',
          partDescription: 'Kabelbaum',
          stoppageMinutesBefore: 47,
          stoppageMinutesAfter: 0,
        },
      }),
    ).toBe(
      'Ask Kabelwerk Oberpfalz to bring KWO-261127-04 by 14:20: Linie 2 keeps running instead of waiting 47 min for 110.001.00.',
    );
  });
});
