import { useTranslation } from 'react-i18next';
import { type MetricKey, SHOWN_METRICS, useMetricFormat } from './MetricsCompare';
import type { Metrics } from './types';

// Units the 48-hour horizon cuts off are normal planning, not news: the header leaves them out
// (and `moved` means nothing for the plan itself). Proposals still compare every metric.
const WATCHED: readonly MetricKey[] = SHOWN_METRICS.filter(
  (key) => key !== 'moved' && key !== 'unproducedUnits',
);

/** The plan's figures over the horizon, as chips beside the title: red when the plan stops a line. */
export function PlanMetrics({ metrics }: { metrics: Metrics }) {
  const { t } = useTranslation('lines');
  const format = useMetricFormat();
  return (
    <dl className="plan-metrics" data-testid="plan-metrics" aria-label={t('planMetrics.label')}>
      {WATCHED.map((key) => {
        // Only a stopping line is an alarm.
        const bad = metrics[key] > 0 && key === 'stoppageMinutes';
        const warn = metrics[key] > 0 && key === 'tardinessMinutes';
        return (
          <div
            key={key}
            className={`plan-metrics__item${bad ? ' plan-metrics__item--bad' : warn ? ' plan-metrics__item--warn' : ''}`}
            data-metric={key}
          >
            <dt>{t(`metrics.${key}`)}</dt>
            <dd>{format.value(key, metrics[key])}</dd>
          </div>
        );
      })}
    </dl>
  );
}
