import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useNumberFormat } from '../../../format/numbers';
import { ON_TIME_TARGET } from '../../partners/onTimeRating';
import type { Dashboard } from '../types';
import { AXIS_TICK, CHART_HEIGHT, CHART_MARGIN, ChartPanel, TooltipBox } from './chartParts';

/** The on-time rate day by day against the plant's target. */
export function OnTimeTrend({
  dashboard,
  dayLabel,
}: {
  dashboard: Dashboard;
  dayLabel: (day: string) => string;
}) {
  const { t } = useTranslation('reports');
  const { formatPercent } = useNumberFormat();
  const data = dashboard.days.map((day) => ({
    ...day,
    label: dayLabel(day.day),
    percent: day.onTimeRate === null ? null : Math.round(day.onTimeRate * 1000) / 10,
  }));
  return (
    <ChartPanel
      id="dashboard-on-time"
      title={t('dashboard.onTime.title')}
      meta={t('dashboard.onTime.meta', { target: formatPercent(ON_TIME_TARGET) })}
      summary={t('dashboard.onTime.summary', { rate: formatPercent(dashboard.totals.onTimeRate) })}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="label"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(value: number) => `${value}%`}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
          />
          <ReferenceLine
            y={ON_TIME_TARGET * 100}
            stroke="var(--tone-ok)"
            strokeDasharray="5 4"
            label={{
              value: t('dashboard.onTime.target'),
              position: 'insideBottomLeft',
              fill: 'var(--tone-ok-fg)',
              fontSize: 11,
            }}
          />
          <Tooltip
            content={({ active, payload }) => {
              const entry = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !entry) return null;
              return (
                <TooltipBox
                  title={entry.label}
                  lines={[
                    [t('dashboard.onTime.rate'), formatPercent(entry.onTimeRate)],
                    [t('dashboard.onTime.onTimeOfArrived'), `${entry.onTime} / ${entry.arrived}`],
                    [t('kpi.planned'), String(entry.planned)],
                  ]}
                />
              );
            }}
          />
          <Line
            type="monotone"
            dataKey="percent"
            name={t('dashboard.onTime.rate')}
            stroke="var(--tone-info)"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
