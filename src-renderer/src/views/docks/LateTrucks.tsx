import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import type { DockDoor } from './dockTypes';

/**
 * Trucks that will miss their window, most critical first, each with a new slot to move to and,
 * where a less critical delivery holds a better one, a swap.
 */
export function LateTrucks({
  doors,
  onSelect,
  onDone,
  onRefused,
}: {
  doors: readonly DockDoor[];
  onSelect: (deliveryId: string) => void;
  onDone: (message: string) => void;
  onRefused: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const [busy, setBusy] = useState<string | null>(null);
  const proposals = useProcedure(
    'docks.rebookProposals',
    {},
    {
      refreshOn: ['deliveries.changed', 'coverage.changed', 'plant.reset', 'clock.tick'],
      minIntervalMs: 2000,
    },
  );
  const doorName = (id: string) => doors.find((door) => door.id === id)?.name ?? id;
  const act = (id: string, work: Promise<unknown>, message: string) => {
    setBusy(id);
    work
      .then(() => onDone(message))
      .catch((error: unknown) => onRefused(error instanceof ApiCallError ? error.message : String(error)))
      .finally(() => {
        setBusy(null);
        proposals.refetch();
      });
  };
  const list = proposals.data ?? [];
  return (
    <section className="booking-section" data-testid="late-trucks" aria-labelledby="late-trucks-title">
      <h3 className="booking-section__title" id="late-trucks-title">
        {t('late.title')}
        <span className="booking-section__count">{list.length}</span>
      </h3>
      {list.length === 0 ? (
        <p className="booking-section__empty">{proposals.data ? t('late.none') : t('suggest.loading')}</p>
      ) : (
        <ul className="late-trucks">
          {list.map((late) => (
            <li
              key={late.deliveryId}
              className={`late-truck${late.critical ? ' late-truck--critical' : ''}`}
              data-testid="late-truck"
              data-delivery-id={late.deliveryId}
            >
              <button type="button" className="late-truck__who" onClick={() => onSelect(late.deliveryId)}>
                <strong className="mono">{late.noticeNumber ?? late.deliveryId}</strong>
                <span>{late.supplierName}</span>
                <span className="late-truck__when">
                  {t('late.when', {
                    door: doorName(late.doorId),
                    start: format.formatTime(late.slotStart),
                    eta: format.formatTime(late.eta),
                    late: formatMinutes(late.lateMinutes),
                  })}
                </span>
                {late.critical ? <span className="booking-critical">{t('suggest.critical')}</span> : null}
              </button>
              <div className="late-truck__actions">
                {late.proposal ? (
                  <button
                    type="button"
                    className="button booking-button"
                    data-testid="late-move"
                    disabled={busy !== null}
                    onClick={() => {
                      const proposal = late.proposal;
                      if (!proposal) return;
                      const where = `${proposal.doorName} ${format.formatTime(proposal.slotStart)}`;
                      act(
                        late.deliveryId,
                        call('docks.moveSlot', {
                          deliveryId: late.deliveryId,
                          doorId: proposal.doorId,
                          slotStart: proposal.slotStart,
                        }),
                        t('suggest.booked', { plate: late.noticeNumber ?? late.deliveryId, where }),
                      );
                    }}
                  >
                    {t('late.moveTo', {
                      door: late.proposal.doorName,
                      start: format.formatTime(late.proposal.slotStart),
                    })}
                  </button>
                ) : (
                  <span className="booking-section__empty">{t('late.noSlot')}</span>
                )}
                {late.swap ? (
                  <button
                    type="button"
                    className="button button--ghost booking-button"
                    data-testid="late-swap"
                    disabled={busy !== null}
                    title={t(`late.swapReason.${late.swap.reason}`)}
                    onClick={() => {
                      const swap = late.swap;
                      if (!swap) return;
                      act(
                        late.deliveryId,
                        call('docks.swapSlots', {
                          deliveryId: late.deliveryId,
                          withDeliveryId: swap.withDeliveryId,
                        }),
                        t('late.swapped', {
                          plate: late.noticeNumber ?? late.deliveryId,
                          other: swap.withNoticeNumber ?? swap.withDeliveryId,
                        }),
                      );
                    }}
                  >
                    {t('late.swapWith', {
                      other: late.swap.withNoticeNumber ?? late.swap.withDeliveryId,
                      supplier: late.swap.withSupplierName,
                      start: format.formatTime(late.swap.slotStart),
                    })}
                  </button>
                ) : null}
                {late.swap ? (
                  <p className="late-truck__reason">{t(`late.swapReason.${late.swap.reason}`)}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
