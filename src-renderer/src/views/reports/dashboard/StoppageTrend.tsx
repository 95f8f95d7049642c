import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMinutes } from '../../../format/duration';
import type { Dashboard } from '../types';
import { AXIS_TICK, CHART_HEIGHT, CHART_MARGIN, ChartPanel, TooltipBox } from './chartParts';

/** Line stoppage minutes per day (for a partner: the stoppages for lack of its parts). */
export function StoppageTrend({
  dashboard,
  dayLabel,
}: {
  dashboard: Dashboard;
  dayLabel: (day: string) => string;
}) {
  const { t } = useTranslation('reports');
  const data = dashboard.days.map((day) => ({ ...day, label: dayLabel(day.day) }));
  return (
    <ChartPanel
      id="dashboard-stoppages"
      title={t('dashboard.stoppages.title')}
      meta={t(dashboard.partnerId ? 'dashboard.stoppages.metaPartner' : 'dashboard.stoppages.meta')}
      summary={t('dashboard.stoppages.summary', { total: formatMinutes(dashboard.totals.stoppageMinutes) })}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} margin={CHART_MARGIN} barCategoryGap="24%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="label"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
          />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            unit=" min"
            width={70}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', stroke: 'none' }}
            content={({ active, payload }) => {
              const entry = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !entry) return null;
              return (
                <TooltipBox
                  title={entry.label}
                  lines={[[t('dashboard.stoppages.minutes'), formatMinutes(entry.stoppageMinutes)]]}
                />
              );
            }}
          />
          <Bar
            dataKey="stoppageMinutes"
            name={t('dashboard.stoppages.minutes')}
            fill="var(--tone-bad)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
