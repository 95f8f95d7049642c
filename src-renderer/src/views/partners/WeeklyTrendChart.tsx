import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { usePlantFormat } from '../../format/plantTime';
import { ON_TIME_TARGET } from './onTimeRating';
import type { Scorecard, ScorecardWeek } from './types';

interface WeekPoint {
  week: string;
  label: string;
  onTimePercent: number | null;
  lateDelay: number | null;
  source: ScorecardWeek;
}

const DAY_MS = 86_400_000;

function WeekTooltip({
  active,
  payload,
  weekRange,
}: Partial<TooltipContentProps> & { weekRange: (week: ScorecardWeek) => string }) {
  const { t } = useTranslation('partners');
  const { formatPercent } = useNumberFormat();
  const point = payload?.[0]?.payload as WeekPoint | undefined;
  if (!active || !point) return null;
  const week = point.source;
  return (
    <div className="chart-tooltip">
      <strong>
        {t('trend.weekTitle', { week: point.label })} · {weekRange(week)}
      </strong>
      {week.due === 0 ? (
        <span>{t('trend.noneDue')}</span>
      ) : (
        <>
          <span>
            <i className="chart-key chart-key--on-time" /> {t('trend.onTime')}:{' '}
            <b className="num">{formatPercent(week.onTimeRate)}</b> ({week.onTime}/{week.due})
          </span>
          <span>
            <i className="chart-key chart-key--delay" /> {t('trend.lateDelayShort')}:{' '}
            <b className="num">{formatMinutes(week.averageLateDelayMinutes)}</b>
          </span>
          <span className="faint">
            {t('trend.delayAll')}: <span className="num">{formatMinutes(week.averageDelayMinutes)}</span>
          </span>
        </>
      )}
    </div>
  );
}

/** On-time rate per plant week (line, against the target) and the delay of the late arrivals (bars). */
export function WeeklyTrendChart({ scorecard }: { scorecard: Scorecard }) {
  const { t, i18n } = useTranslation('partners');
  const { formatShortDay } = usePlantFormat();
  const { formatPercent } = useNumberFormat();
  const german = i18n.language.startsWith('de');
  const points: WeekPoint[] = scorecard.weeks.map((week) => ({
    week: week.week,
    label: german ? `KW ${week.week.slice(6)}` : `CW ${week.week.slice(6)}`,
    onTimePercent: week.onTimeRate === null ? null : Math.round(week.onTimeRate * 1000) / 10,
    lateDelay: week.averageLateDelayMinutes === null ? null : Math.round(week.averageLateDelayMinutes),
    source: week,
  }));
  const weekRange = (week: ScorecardWeek) =>
    `${formatShortDay(week.start)}–${formatShortDay(week.end - DAY_MS / 2)}`;
  const judged = scorecard.weeks.filter((week) => week.due > 0);
  const best = judged.reduce<ScorecardWeek | null>(
    (top, week) => (top === null || (week.onTimeRate ?? 0) > (top.onTimeRate ?? 0) ? week : top),
    null,
  );
  const worst = judged.reduce<ScorecardWeek | null>(
    (low, week) => (low === null || (week.onTimeRate ?? 1) < (low.onTimeRate ?? 1) ? week : low),
    null,
  );
  return (
    <figure className="chart" data-testid="scorecard-trend-chart" data-weeks={points.length}>
      <figcaption className="visually-hidden">
        {best && worst
          ? t('trend.summary', {
              weeks: points.length,
              best: best.week,
              bestRate: formatPercent(best.onTimeRate),
              worst: worst.week,
              worstRate: formatPercent(worst.onTimeRate),
            })
          : t('trend.empty')}
      </figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={points} margin={{ top: 16, right: 4, bottom: 0, left: -8 }} barCategoryGap="30%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="label"
            tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            interval="preserveStartEnd"
          />
          <YAxis
            yAxisId="rate"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(value: number) => `${value} %`}
            tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={52}
          />
          <YAxis
            yAxisId="delay"
            orientation="right"
            allowDecimals={false}
            domain={[0, 'auto']}
            tickFormatter={(value: number) => `${value} min`}
            tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={60}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', stroke: 'none' }}
            content={(props) => <WeekTooltip {...props} weekRange={weekRange} />}
          />
          <Legend
            verticalAlign="top"
            align="right"
            height={28}
            iconSize={10}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => <span className="chart-legend-text">{value}</span>}
          />
          <ReferenceLine
            yAxisId="rate"
            y={ON_TIME_TARGET * 100}
            stroke="var(--tone-ok)"
            strokeDasharray="5 4"
            label={{
              value: t('trend.target', { target: formatPercent(ON_TIME_TARGET) }),
              position: 'insideBottomLeft',
              fill: 'var(--tone-ok-fg)',
              fontSize: 11,
            }}
          />
          <Bar
            yAxisId="delay"
            dataKey="lateDelay"
            name={t('trend.lateDelay')}
            fill="var(--chart-delay)"
            radius={[2, 2, 0, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="onTimePercent"
            name={t('trend.onTime')}
            type="monotone"
            stroke="var(--chart-on-time)"
            strokeWidth={2}
            dot={{ r: 3, fill: 'var(--chart-on-time)', strokeWidth: 0 }}
            activeDot={{ r: 5 }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
