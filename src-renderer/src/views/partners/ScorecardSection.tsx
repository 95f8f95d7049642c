import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { ImpactList } from './ImpactList';
import { RangePicker } from './RangePicker';
import { ScorecardTiles } from './ScorecardTiles';
import type { DayRange } from './scorecardRange';
import { ToleranceField } from './ToleranceField';
import { WeeklyTrendChart } from './WeeklyTrendChart';

/** The partner's scorecard over a range of plant days: tiles, weekly trend, the stoppages behind it. */
export function ScorecardSection({
  partnerId,
  range,
  today,
  onRangeChange,
}: {
  partnerId: string;
  range: DayRange;
  today: string;
  onRangeChange: (range: DayRange) => void;
}) {
  const { t } = useTranslation('partners');
  const { dayRange, formatDay } = usePlantFormat();
  const from = dayRange(range.fromDay).start;
  const to = dayRange(range.toDay).end;
  const scorecard = useProcedure(
    'partners.scorecard',
    { id: partnerId, from, to },
    {
      refreshOn: ['deliveries.changed', 'settings.changed', 'coverage.changed', 'plant.reset'],
      minIntervalMs: 5000,
    },
  );
  const data = scorecard.data;
  return (
    <>
      <div className="scorecard-bar">
        <h2 className="scorecard-bar__title">
          {t('scorecard.title')}
          <span className="scorecard-bar__range">
            {t('scorecard.range', { from: formatDay(from), to: formatDay(to - 1) })}
          </span>
        </h2>
        <RangePicker range={range} today={today} onChange={onRangeChange} />
        {data ? <ToleranceField minutes={data.toleranceMinutes} onSaved={scorecard.refetch} /> : null}
      </div>
      <div className="scorecard" aria-busy={scorecard.loading} data-testid="partner-scorecard">
        {scorecard.error && !data ? (
          <ErrorState error={scorecard.error} onRetry={scorecard.refetch} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <>
            <ScorecardTiles scorecard={data} />
            <section className="panel" aria-labelledby="partner-trend-title">
              <header className="panel__head">
                <h2 className="panel__title" id="partner-trend-title">
                  {t('trend.title')}
                </h2>
                <span className="panel__meta">{t('trend.meta')}</span>
              </header>
              <div className="panel__body">
                <WeeklyTrendChart scorecard={data} />
                <ImpactList impact={data.productionImpact} />
              </div>
            </section>
            <p className="view__note">{t('scorecard.legend', { tolerance: data.toleranceMinutes })}</p>
          </>
        )}
      </div>
    </>
  );
}
