import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayOverview } from './types';

const pad = (hour: number) => String(hour).padStart(2, '0');

function HourTooltip({ active, label, overview }: Partial<TooltipContentProps> & { overview: DayOverview }) {
  const { t } = useTranslation('reports');
  const entry = overview.perHour.find((hour) => hour.hour === Number(label));
  if (!active || !entry) return null;
  const over = entry.planned > overview.capacityPerHour;
  return (
    <div className="chart-tooltip">
      <strong>
        {t('chart.hour', { from: `${pad(entry.hour)}:00`, to: `${pad((entry.hour + 1) % 24)}:00` })}
      </strong>
      <span>
        <i className="chart-key chart-key--planned" /> {t('chart.planned')}:{' '}
        <b className="num">{entry.planned}</b>
        {over ? <em className="chart-tooltip__over"> · {t('chart.overCapacity')}</em> : null}
      </span>
      <span>
        <i className="chart-key chart-key--arrived" /> {t('chart.arrived')}:{' '}
        <b className="num">{entry.arrived}</b>
      </span>
    </div>
  );
}

/** Planned and arrived deliveries per plant-local hour, against what the doors can take. */
export function HourlyChart({ overview }: { overview: DayOverview }) {
  const { t } = useTranslation('reports');
  const capacity = overview.capacityPerHour;
  const peak = overview.perHour.reduce(
    (best, hour) => (hour.planned > best.planned ? hour : best),
    overview.perHour[0]!,
  );
  return (
    <figure className="chart" data-testid="report-hourly-chart">
      <figcaption className="visually-hidden">
        {t('chart.summary', { hour: pad(peak.hour), count: peak.planned, capacity })}
      </figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={overview.perHour}
          margin={{ top: 20, right: 12, bottom: 0, left: -12 }}
          barGap={1}
          barCategoryGap="18%"
        >
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="hour"
            tickFormatter={(hour: number) => pad(hour)}
            tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            interval={0}
          />
          <YAxis
            allowDecimals={false}
            domain={[0, 'auto']}
            tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-hover)', stroke: 'none' }}
            content={(props) => <HourTooltip {...props} overview={overview} />}
          />
          <Legend
            verticalAlign="top"
            align="right"
            height={28}
            iconType="square"
            iconSize={10}
            // Planned before arrived, as the bars stand; Recharts would sort by name.
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            // Recharts colours legend text like its bar; the theme's text colour reads better.
            formatter={(value: string) => <span className="chart-legend-text">{value}</span>}
          />
          <ReferenceLine
            y={capacity}
            stroke="var(--tone-bad)"
            strokeDasharray="5 4"
            ifOverflow="extendDomain"
            label={{
              value: t('chart.capacity', { capacity }),
              position: 'insideTopLeft',
              fill: 'var(--tone-bad-fg)',
              fontSize: 11,
            }}
          />
          <Bar
            dataKey="planned"
            name={t('chart.planned')}
            fill="var(--chart-planned)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          >
            {overview.perHour.map((hour) => (
              <Cell
                key={hour.hour}
                fill={hour.planned > capacity ? 'var(--tone-warn)' : 'var(--chart-planned)'}
              />
            ))}
          </Bar>
          <Bar
            dataKey="arrived"
            name={t('chart.arrived')}
            fill="var(--chart-arrived)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
