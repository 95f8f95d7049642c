import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useNumberFormat } from '../../../format/numbers';
import type { Dashboard } from '../types';
import { AXIS_TICK, CHART_HEIGHT, CHART_MARGIN, ChartPanel, TooltipBox } from './chartParts';

const pad = (hour: number) => String(hour).padStart(2, '0');

/** An average day of the range hour by hour: trucks planned and arrived against what the doors take. */
export function HourlyLoad({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('reports');
  const { formatNumber } = useNumberFormat();
  const over = dashboard.perHour.filter((hour) => hour.planned > hour.capacity).length;
  return (
    <ChartPanel
      id="dashboard-hourly"
      title={t('dashboard.hourly.title')}
      meta={t('dashboard.hourly.meta')}
      summary={t('dashboard.hourly.summary', { count: over })}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={dashboard.perHour} margin={CHART_MARGIN} barGap={1} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="hour"
            tickFormatter={(hour: number) => pad(hour)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            interval={1}
          />
          <YAxis allowDecimals tick={AXIS_TICK} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', stroke: 'none' }}
            content={({ active, payload }) => {
              const entry = payload?.[0]?.payload as Dashboard['perHour'][number] | undefined;
              if (!active || !entry) return null;
              return (
                <TooltipBox
                  title={t('chart.hour', {
                    from: `${pad(entry.hour)}:00`,
                    to: `${pad((entry.hour + 1) % 24)}:00`,
                  })}
                  lines={[
                    [t('chart.planned'), formatNumber(entry.planned, 1)],
                    [t('chart.arrived'), formatNumber(entry.arrived, 1)],
                    [t('dashboard.hourly.capacity'), formatNumber(entry.capacity, 1)],
                  ]}
                />
              );
            }}
          />
          <Legend
            verticalAlign="top"
            align="right"
            height={26}
            iconSize={10}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => <span className="chart-legend-text">{value}</span>}
          />
          <Bar
            dataKey="planned"
            name={t('chart.planned')}
            fill="var(--chart-planned)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="arrived"
            name={t('chart.arrived')}
            fill="var(--chart-arrived)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="capacity"
            name={t('dashboard.hourly.capacity')}
            stroke="var(--tone-bad)"
            strokeDasharray="5 4"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
