import type { CausedStoppage, EndedStoppage, ProductionImpact, ThreatenedStoppage } from './types';

// What a partner's lateness cost or may cost production.
//
// Caused: a line stoppage (from the event log) whose end came with the goods of a delivery of
// this partner (as supplier or as carrier) that checked in after its window's end plus the
// tolerance. All its minutes count: the line stood for that part, and the late truck was the one
// it waited for. A stoppage ended by an on-time truck is the plan's fault, not the partner's.
//
// Threatened: a stoppage the current coverage projection predicts, which one of the partner's
// trucks would end. It has not happened; it is what the partner can still prevent.

const MINUTE = 60_000;

export function productionImpact(
  partnerId: string,
  ended: readonly EndedStoppage[],
  threatened: readonly ThreatenedStoppage[],
  toleranceMinutes: number,
): ProductionImpact {
  const caused: CausedStoppage[] = [];
  for (const stoppage of ended) {
    const delivery = stoppage.endingDelivery;
    if (!delivery || delivery.gateInAt === null) continue;
    if (delivery.supplierId !== partnerId && delivery.carrierId !== partnerId) continue;
    if (delivery.gateInAt <= delivery.slotEnd + toleranceMinutes * MINUTE) continue;
    caused.push({
      lineId: stoppage.lineId,
      lineName: stoppage.lineName,
      partId: stoppage.partId,
      partDescription: stoppage.partDescription,
      resumedAt: stoppage.resumedAt,
      stoppedMinutes: stoppage.stoppedMinutes,
      deliveryId: delivery.id,
    });
  }
  return {
    causedMinutes: caused.reduce((sum, stoppage) => sum + stoppage.stoppedMinutes, 0),
    causedStoppages: caused.length,
    threatenedMinutes: threatened.reduce((sum, stoppage) => sum + stoppage.durationMinutes, 0),
    threatenedStoppages: threatened.length,
    caused,
    threatened: [...threatened],
  };
}
