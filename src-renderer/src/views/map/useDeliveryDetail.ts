import { useProcedure } from '../../hooks/useProcedure';

/**
 * The selected truck's delivery: its recent track (the map draws it) and its items. The track
 * grows with every position report, so it follows positions.moved like the map does.
 */
export function useDeliveryDetail(deliveryId: string | null) {
  return useProcedure(
    'deliveries.get',
    { id: deliveryId ?? '' },
    {
      refreshOn: ['positions.moved', 'deliveries.changed'],
      minIntervalMs: 2000,
      enabled: deliveryId !== null,
    },
  );
}
