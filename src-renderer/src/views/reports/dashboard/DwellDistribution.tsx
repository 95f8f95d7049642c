import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMinutes } from '../../../format/duration';
import type { Dashboard } from '../types';
import { AXIS_TICK, CHART_HEIGHT, CHART_MARGIN, ChartPanel, TooltipBox } from './chartParts';

/** How long the trucks stood in the plant, gate check-in to check-out, in half-hour buckets. */
export function DwellDistribution({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('reports');
  const data = dashboard.dwell.map((bucket) => ({
    ...bucket,
    label: bucket.to === null ? `≥ ${bucket.from}` : `${bucket.from}–${bucket.to}`,
  }));
  return (
    <ChartPanel
      id="dashboard-dwell"
      title={t('dashboard.dwell.title')}
      meta={t('dashboard.dwell.meta')}
      summary={t('dashboard.dwell.summary', { average: formatMinutes(dashboard.totals.averageDwellMinutes) })}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} margin={CHART_MARGIN} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="label"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            interval={0}
          />
          <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', stroke: 'none' }}
            content={({ active, payload }) => {
              const entry = payload?.[0]?.payload as (typeof data)[number] | undefined;
              if (!active || !entry) return null;
              return (
                <TooltipBox
                  title={`${entry.label} min`}
                  lines={[[t('dashboard.dwell.trucks'), String(entry.count)]]}
                />
              );
            }}
          />
          <Bar
            dataKey="count"
            name={t('dashboard.dwell.trucks')}
            fill="var(--tone-info)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
