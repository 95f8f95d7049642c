import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { hrefOf } from '../../router/routes';
import type { Scorecard } from './types';

/** The stoppages behind the production-impact figure, each with the truck it waited for. */
export function ImpactList({ impact }: { impact: Scorecard['productionImpact'] }) {
  const { t } = useTranslation('partners');
  const { formatDateTime } = usePlantFormat();
  if (impact.caused.length === 0 && impact.threatened.length === 0) return null;
  return (
    <div className="impact-list" data-testid="scorecard-impact-list">
      {impact.caused.length > 0 ? (
        <>
          <h3 className="impact-list__title">{t('impact.caused')}</h3>
          <ul>
            {impact.caused.map((stoppage) => (
              <li
                key={`${stoppage.lineId}-${stoppage.resumedAt}`}
                className="impact-list__item impact-list__item--caused"
              >
                <span className="num">{formatMinutes(stoppage.stoppedMinutes)}</span>
                <span>
                  {t('impact.causedLine', {
                    line: stoppage.lineName,
                    part: stoppage.partId,
                    description: stoppage.partDescription,
                  })}
                </span>
                <span className="faint">
                  {t('impact.resumed', { at: formatDateTime(stoppage.resumedAt) })}
                </span>
                <a className="mono" href={hrefOf('deliveries', stoppage.deliveryId)}>
                  {stoppage.deliveryId}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {impact.threatened.length > 0 ? (
        <>
          <h3 className="impact-list__title">{t('impact.threatened')}</h3>
          <ul>
            {impact.threatened.map((stoppage) => (
              <li
                key={`${stoppage.lineId}-${stoppage.start}`}
                className="impact-list__item impact-list__item--threatened"
              >
                <span className="num">{formatMinutes(stoppage.durationMinutes)}</span>
                <span>
                  {t('impact.causedLine', {
                    line: stoppage.lineName,
                    part: stoppage.partId,
                    description: stoppage.partDescription,
                  })}
                </span>
                <span className="faint">{t('impact.from', { at: formatDateTime(stoppage.start) })}</span>
                <a className="mono" href={hrefOf('deliveries', stoppage.deliveryId)}>
                  {stoppage.deliveryId}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
