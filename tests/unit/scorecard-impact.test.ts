import { describe, expect, it } from 'vitest';
import {
  type EndedStoppage,
  productionImpact,
  type ThreatenedStoppage,
} from '../../src-main/domain/scorecard/index';

const MIN = 60_000;
const SLOT_END = 600 * MIN;

function stoppage(
  minutes: number,
  delivery: { id: string; supplierId: string; carrierId?: string | null; lateBy: number | null } | null,
): EndedStoppage {
  return {
    lineId: 'linie-1',
    lineName: 'Linie 1 – Türmodule',
    partId: '450.005.00',
    partDescription: 'Türschloss vorn links',
    resumedAt: SLOT_END + 300 * MIN,
    stoppedMinutes: minutes,
    endingDelivery: delivery && {
      id: delivery.id,
      supplierId: delivery.supplierId,
      carrierId: delivery.carrierId ?? null,
      slotEnd: SLOT_END,
      gateInAt: delivery.lateBy === null ? null : SLOT_END + delivery.lateBy * MIN,
    },
  };
}

const threat = (deliveryId: string, minutes: number): ThreatenedStoppage => ({
  lineId: 'linie-2',
  lineName: 'Linie 2',
  partId: '300.001.00',
  partDescription: 'Kabelbaum Tür',
  start: SLOT_END,
  durationMinutes: minutes,
  deliveryId,
});

describe('production impact', () => {
  it("counts every minute of a stoppage the partner's late delivery ended", () => {
    const impact = productionImpact(
      'SUP',
      [stoppage(168, { id: 'D1', supplierId: 'SUP', lateBy: 287 })],
      [],
      15,
    );
    expect(impact).toMatchObject({ causedMinutes: 168, causedStoppages: 1, threatenedMinutes: 0 });
    expect(impact.caused).toEqual([
      {
        lineId: 'linie-1',
        lineName: 'Linie 1 – Türmodule',
        partId: '450.005.00',
        partDescription: 'Türschloss vorn links',
        resumedAt: SLOT_END + 300 * MIN,
        stoppedMinutes: 168,
        deliveryId: 'D1',
      },
    ]);
  });

  it('does not blame the partner when its delivery was on time or within the tolerance', () => {
    const ended = [
      stoppage(60, { id: 'D1', supplierId: 'SUP', lateBy: -20 }),
      stoppage(30, { id: 'D2', supplierId: 'SUP', lateBy: 15 }),
    ];
    expect(productionImpact('SUP', ended, [], 15).causedMinutes).toBe(0);
    // The same arrival 15 minutes after the slot is late without a tolerance.
    expect(productionImpact('SUP', ended, [], 0).causedMinutes).toBe(30);
  });

  it('attributes a stoppage to both the supplier and the carrier of the late truck, to nobody else', () => {
    const ended = [stoppage(45, { id: 'D1', supplierId: 'SUP', carrierId: 'CAR', lateBy: 60 })];
    expect(productionImpact('SUP', ended, [], 15).causedMinutes).toBe(45);
    expect(productionImpact('CAR', ended, [], 15).causedMinutes).toBe(45);
    expect(productionImpact('OTHER', ended, [], 15).causedMinutes).toBe(0);
  });

  it('ignores stoppages no receipt ended and deliveries without a check-in', () => {
    const ended = [stoppage(90, null), stoppage(20, { id: 'D1', supplierId: 'SUP', lateBy: null })];
    expect(productionImpact('SUP', ended, [], 15)).toMatchObject({ causedMinutes: 0, causedStoppages: 0 });
  });

  it('sums the threatened stoppages apart from the caused ones', () => {
    const impact = productionImpact(
      'SUP',
      [stoppage(10, { id: 'D1', supplierId: 'SUP', lateBy: 30 })],
      [threat('D7', 25), threat('D8', 40)],
      15,
    );
    expect(impact).toMatchObject({
      causedMinutes: 10,
      causedStoppages: 1,
      threatenedMinutes: 65,
      threatenedStoppages: 2,
    });
  });
});
