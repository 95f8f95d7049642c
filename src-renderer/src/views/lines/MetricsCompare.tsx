import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import type { Metrics } from './types';

/** The order a planner reads them in: what stops the line first, what is merely untidy last. */
export const SHOWN_METRICS = [
  'stoppageMinutes',
  'tardinessMinutes',
  'setups',
  'moved',
  'unproducedUnits',
] as const satisfies readonly (keyof Metrics)[];

export type MetricKey = (typeof SHOWN_METRICS)[number];

const MINUTES: ReadonlySet<MetricKey> = new Set(['stoppageMinutes', 'tardinessMinutes']);
const TOLERANCE = 1e-6;

export type Trend = 'better' | 'worse' | 'same';

export function trendOf(before: number, after: number): Trend {
  if (after < before - TOLERANCE) return 'better';
  if (after > before + TOLERANCE) return 'worse';
  return 'same';
}

export function useMetricFormat() {
  const { formatNumber, formatSigned } = useNumberFormat();
  return {
    value: (key: MetricKey, value: number) => (MINUTES.has(key) ? formatMinutes(value) : formatNumber(value)),
    delta: (key: MetricKey, delta: number) =>
      MINUTES.has(key)
        ? `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatMinutes(Math.abs(delta))}`
        : formatSigned(delta),
  };
}

/**
 * Before and after side by side, one row per metric; the after column says what got better
 * (green) or worse (red). Lower is better for every metric.
 */
export function MetricsCompare({
  before,
  after,
  compact = false,
  beforeLabel,
  afterLabel,
}: {
  before: Metrics;
  after: Metrics;
  compact?: boolean;
  beforeLabel?: string;
  afterLabel?: string;
}) {
  const { t } = useTranslation('lines');
  const format = useMetricFormat();
  return (
    <div className={`metrics-compare${compact ? ' metrics-compare--compact' : ''}`}>
      <div className="metrics-compare__labels" aria-hidden="true">
        <span className="metrics-compare__head">&nbsp;</span>
        {SHOWN_METRICS.map((key) => (
          <span key={key} className="metrics-compare__label" title={t(`metrics.${key}`)}>
            {t(`metrics.${key}`)}
          </span>
        ))}
      </div>
      <div className="metrics-compare__column">
        <span className="metrics-compare__head">{beforeLabel ?? t('metrics.before')}</span>
        <dl data-testid="metrics-before">
          {SHOWN_METRICS.map((key) => (
            <div key={key} className="metrics-compare__cell" data-metric={key} data-value={before[key]}>
              <dt className="visually-hidden">{t(`metrics.${key}`)}</dt>
              <dd>{format.value(key, before[key])}</dd>
            </div>
          ))}
        </dl>
      </div>
      <span className="metrics-compare__arrow" aria-hidden="true">
        →
      </span>
      <div className="metrics-compare__column metrics-compare__column--after">
        <span className="metrics-compare__head">{afterLabel ?? t('metrics.after')}</span>
        <dl data-testid="metrics-after">
          {SHOWN_METRICS.map((key) => {
            // Minutes compare as shown: a fraction of a minute is no change to a planner.
            const shown = (value: number) => (MINUTES.has(key) ? Math.round(value) : value);
            const trend = trendOf(shown(before[key]), shown(after[key]));
            return (
              <div
                key={key}
                className={`metrics-compare__cell metrics-compare__cell--${trend}`}
                data-metric={key}
                data-value={after[key]}
                data-trend={trend}
              >
                <dt className="visually-hidden">{t(`metrics.${key}`)}</dt>
                <dd>
                  <span className="metrics-compare__value">{format.value(key, after[key])}</span>
                  {trend !== 'same' ? (
                    <span className="metrics-compare__delta">
                      <span className="visually-hidden">{t(`metrics.trend.${trend}`)} </span>
                      {format.delta(key, shown(after[key]) - shown(before[key]))}
                    </span>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </div>
  );
}
