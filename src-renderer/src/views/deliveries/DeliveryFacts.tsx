import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { usePlantFormat, usePlantTime } from '../../format/plantTime';
import type { DeliveryDetailData } from './types';

type Delivery = DeliveryDetailData['delivery'];
const MINUTE = 60_000;

/** Standzeit: gate check-in to check-out, or to now while the truck is still in the plant. */
function DwellTime({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation('deliveries');
  const { now } = usePlantTime();
  if (delivery.gateInAt === null) return <span className="faint">{t('detail.dwellNone')}</span>;
  if (delivery.gateOutAt !== null)
    return <>{formatMinutes((delivery.gateOutAt - delivery.gateInAt) / MINUTE)}</>;
  return <>{t('detail.dwellRunning', { duration: formatMinutes((now - delivery.gateInAt) / MINUTE) })}</>;
}

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'fact fact--wide' : 'fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function DeliveryFacts({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation(['deliveries', 'common']);
  const { formatTime, formatDay } = usePlantFormat();
  const { formatNumber } = useNumberFormat();
  const etaSource = delivery.etaSource ? t(`common:etaSource.${delivery.etaSource}`) : null;
  return (
    <section aria-label={t('detail.facts')}>
      <dl className="facts">
        <Fact label={t('detail.supplier')}>{delivery.supplierName}</Fact>
        <Fact label={t('detail.carrier')}>{delivery.carrierName ?? t('noCarrier')}</Fact>
        <Fact label={t('detail.plate')}>
          {delivery.truckPlate ? <span className="plate">{delivery.truckPlate}</span> : '–'}
        </Fact>
        <Fact label={t('detail.origin')}>{delivery.originName}</Fact>
        <Fact label={t('detail.door')}>{delivery.doorName ?? t('noDoor')}</Fact>
        <Fact label={t('detail.slot')}>
          <span className="num">
            {formatTime(delivery.slotStart)}–{formatTime(delivery.slotEnd)}
          </span>{' '}
          <span className="muted">{formatDay(delivery.slotStart)}</span>
        </Fact>
        <Fact label={delivery.gateInAt === null ? t('detail.eta') : t('eta.actualLong')}>
          {delivery.gateInAt !== null ? (
            <span className="num">{formatTime(delivery.gateInAt)}</span>
          ) : delivery.eta === null ? (
            <span className="faint">{t('eta.none')}</span>
          ) : (
            <>
              <span className="num">{formatTime(delivery.eta)}</span>
              {etaSource ? <span className="muted"> · {etaSource}</span> : null}
              {delivery.etaConfidenceMinutes ? (
                <span className="muted num">
                  {' '}
                  · {t('eta.confidence', { minutes: delivery.etaConfidenceMinutes })}
                </span>
              ) : null}
            </>
          )}
        </Fact>
        <Fact label={t('detail.dwell')}>
          <DwellTime delivery={delivery} />
        </Fact>
        {delivery.lastPositionAt !== null && delivery.gateInAt === null ? (
          <Fact label={t('detail.lastPosition')}>
            <span className="num">{formatTime(delivery.lastPositionAt)}</span>
            {delivery.lastSpeedKmh !== null ? (
              <span className="muted">
                {' '}
                · {t('detail.speed', { speed: formatNumber(delivery.lastSpeedKmh) })}
              </span>
            ) : null}
          </Fact>
        ) : null}
        {delivery.notes ? (
          <Fact label={t('detail.notes')} wide>
            <span className="notes">{delivery.notes}</span>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
