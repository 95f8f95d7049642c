import { useTranslation } from 'react-i18next';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import { useStoppageCountdown } from './StoppageMarker';
import type { CoverageLine, PredictedStoppage } from './types';

function StoppageNote({
  stoppage,
  onOpen,
}: {
  stoppage: PredictedStoppage;
  onOpen: (partId: string) => void;
}) {
  const { t } = useTranslation('lines');
  const countdown = useStoppageCountdown(stoppage);
  return (
    <button
      type="button"
      className="line-head__stoppage"
      onClick={() => onOpen(stoppage.partId)}
      title={t('head.openPart', { part: stoppage.partId })}
    >
      <span className="line-head__stoppage-what">{t('head.stoppage')}</span>{' '}
      <span className="line-head__stoppage-when">{countdown}</span>
      <span className="line-head__stoppage-part">
        {stoppage.partId} · {stoppage.partDescription}
      </span>
    </button>
  );
}

/** The left column of a line: its name, the running order's progress, what threatens it. */
export function LineHead({
  line,
  stoppages,
  onOpenPart,
}: {
  line: CoverageLine;
  stoppages: readonly PredictedStoppage[];
  onOpenPart: (partId: string) => void;
}) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const running = line.orders.find((order) => order.status === 'running');
  const late = line.orders.filter((order) => order.tardinessMinutes > 0).length;
  const first = stoppages[0];
  return (
    <div className="line-head">
      <div className="line-head__title">
        <h3 className="line-head__name" title={line.name}>
          {line.name}
        </h3>
        {late > 0 ? <span className="line-head__late">{t('head.lateOrders', { count: late })}</span> : null}
      </div>
      {running ? (
        <div className="line-head__current">
          <div className="line-head__product">
            <span className="ellipsis">{running.productName}</span>
            <span className="line-head__numbers">
              {running.producedUnits} / {running.quantity}
            </span>
          </div>
          <progress
            className="line-head__progress"
            max={running.quantity}
            value={running.producedUnits}
            aria-label={t('head.progress', { product: running.productName })}
          />
          <div className="line-head__due">
            {t('head.due', { due: formatDateTime(running.dueAt) })}
            {running.tardinessMinutes > 0 ? (
              <span className="line-head__lateness">{formatLateness(running.tardinessMinutes)}</span>
            ) : (
              <span className="line-head__on-time">{t('head.onTime')}</span>
            )}
          </div>
        </div>
      ) : (
        <div className="line-head__idle">{t('head.idle')}</div>
      )}
      {first ? <StoppageNote stoppage={first} onOpen={onOpenPart} /> : null}
    </div>
  );
}
