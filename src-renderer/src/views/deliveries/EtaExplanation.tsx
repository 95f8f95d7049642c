import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';

/**
 * Why the ETA is what it is: the engine's estimate with its band and source, the road still
 * ahead, the driving, the breaks and rests the driving-time rules demand, and the lane's record.
 */
export function EtaExplanation({ id }: { id: string }) {
  const { t } = useTranslation(['eta', 'common']);
  const { formatTime } = usePlantFormat();
  const { formatNumber } = useNumberFormat();
  const answer = useProcedure('deliveries.eta', { id }, { refreshOn: ['deliveries.changed', 'plant.reset'] });
  const data = answer.data;
  if (!data) return null;
  const estimate = data.estimate;
  const sourceName = (source: string) => t(`common:etaSource.${source}`);
  return (
    <section className="detail-section" aria-label={t('label')} data-testid="eta-explanation">
      <div className="detail-section__head">
        <h3 className="detail-section__title">{t('title')}</h3>
        {estimate ? (
          <span className="detail-section__meta">{t('source', { source: sourceName(estimate.source) })}</span>
        ) : null}
      </div>
      {!estimate ? (
        <p className="faint">{t('none')}</p>
      ) : (
        <>
          <dl className="facts">
            <div className="fact">
              <dt>{t('eta')}</dt>
              <dd className="num" data-testid="eta-estimate">
                {formatTime(estimate.eta)}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('band')}</dt>
              <dd className="num">
                {t('bandValue', {
                  earliest: formatTime(estimate.earliest),
                  latest: formatTime(estimate.latest),
                })}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('remaining')}</dt>
              <dd className="num">{t('remainingValue', { km: formatNumber(estimate.remainingKm) })}</dd>
            </div>
            <div className="fact">
              <dt>{t('driving')}</dt>
              <dd className="num">{formatMinutes(estimate.drivingMinutes)}</dd>
            </div>
            <div className="fact">
              <dt>{t('breaks')}</dt>
              <dd className="num">
                {estimate.breakMinutes > 0 ? formatMinutes(estimate.breakMinutes) : t('breaksNone')}
              </dd>
            </div>
            {estimate.restMinutes > 0 ? (
              <div className="fact">
                <dt>{t('rest')}</dt>
                <dd className="num">{formatMinutes(estimate.restMinutes)}</dd>
              </div>
            ) : null}
            <div className="fact">
              <dt>{t('lane')}</dt>
              <dd className="num">
                {estimate.laneSamples > 0
                  ? t('laneValue', {
                      factor: formatNumber(estimate.laneFactor, 2),
                      count: estimate.laneSamples,
                    })
                  : t('laneNone')}
              </dd>
            </div>
          </dl>
          {data.stored.eta !== null &&
          data.stored.source &&
          Math.abs(data.stored.eta - estimate.eta) >= 60_000 ? (
            <p className="muted">
              {t('differs', { eta: formatTime(data.stored.eta), source: sourceName(data.stored.source) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
