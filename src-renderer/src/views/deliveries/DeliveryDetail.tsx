import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Icon } from '../../components/icons';
import { LoadingState } from '../../components/LoadingState';
import { PunctualityBadge, StatusBadge } from '../../components/StatusBadge';
import { useProcedure } from '../../hooks/useProcedure';
import { GateActionBar } from '../docks/gate/GateActionBar';
import { DeliveryFacts } from './DeliveryFacts';
import { DeliveryItemsTable } from './DeliveryItemsTable';
import { DeliverySteps } from './DeliverySteps';
import { EtaExplanation } from './EtaExplanation';
import { StatusHistory } from './StatusHistory';

/** One delivery beside the list: facts, progress, items and its audit trail. */
export function DeliveryDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('deliveries');
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useProcedure('deliveries.get', { id }, { refreshOn: ['deliveries.changed', 'plant.reset'] });
  const delivery = detail.data?.delivery;

  // Screen readers land on the opened delivery; typing in the search field is not interrupted.
  const loaded = delivery !== undefined;
  useEffect(() => {
    if (loaded && document.activeElement?.tagName !== 'INPUT')
      heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  return (
    <aside
      className="panel delivery-detail"
      data-testid="delivery-detail"
      data-delivery-id={id}
      aria-labelledby={titleId}
    >
      <header className="delivery-detail__head">
        <div className="delivery-detail__titles">
          <p className="delivery-detail__eyebrow">{t('detail.eyebrow')}</p>
          <h2 className="delivery-detail__title mono" id={titleId} ref={heading} tabIndex={-1}>
            {delivery?.noticeNumber ?? (delivery ? t('detail.noNotice') : id)}
          </h2>
          {delivery ? (
            <p className="delivery-detail__sub">
              {delivery.supplierName} · <span className="mono">{delivery.id}</span>
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="icon-button icon-button--plain"
          onClick={onClose}
          aria-label={t('detail.close')}
          title={t('detail.close')}
          data-testid="delivery-detail-close"
        >
          <Icon name="close" />
        </button>
      </header>
      {detail.error && !detail.data ? (
        <ErrorState error={detail.error} onRetry={detail.refetch} />
      ) : !detail.data || !delivery ? (
        <LoadingState />
      ) : (
        <div className="delivery-detail__scroll">
          <div className="delivery-detail__badges">
            <StatusBadge status={delivery.status} />
            <PunctualityBadge punctuality={delivery.punctuality} />
          </div>
          <DeliveryFacts delivery={delivery} />
          <DeliverySteps delivery={delivery} />
          <GateActionBar deliveryId={delivery.id} showSteps={false} />
          {delivery.gateInAt === null && delivery.status !== 'cancelled' ? <EtaExplanation id={id} /> : null}
          <DeliveryItemsTable items={detail.data.items} />
          <StatusHistory history={detail.data.history} />
        </div>
      )}
    </aside>
  );
}
