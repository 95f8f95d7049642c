import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { usePlantFormat } from '../../format/plantTime';
import { useReachText } from './CriticalParts';
import { coverageSeries, LABEL_ROWS, type SupplyMark, stockAt } from './coverageSeries';
import type { PartCoverageCurve, PredictedStoppage } from './types';

const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 11 };
/** The next few trucks matter most; the rest is one click away. */
const SUPPLIES_SHOWN = 5;

function StockTooltip({
  active,
  label,
  curve,
  supplies,
}: Partial<TooltipContentProps> & { curve: PartCoverageCurve; supplies: readonly SupplyMark[] }) {
  const { t } = useTranslation('lines');
  const { formatDateTime } = usePlantFormat();
  const { formatNumber } = useNumberFormat();
  if (!active || typeof label !== 'number') return null;
  const arriving = supplies.filter((supply) => Math.abs(supply.t - label) < 60_000);
  return (
    <div className="chart-tooltip">
      <strong>{formatDateTime(label)}</strong>
      <span>
        {t('chart.stock')}: <b className="num">{formatNumber(stockAt(curve.points, label))}</b>{' '}
        {curve.part.unit}
      </span>
      {arriving.map((supply) => (
        <span key={supply.deliveryId}>
          {t('chart.supply', { truck: supply.label, quantity: formatNumber(supply.quantity) })}
        </span>
      ))}
    </div>
  );
}

/**
 * One part's projected stock over the next 48 hours as a step line: deliveries where they step
 * it up, safety stock and zero as lines, red where the part is gone and a line stands.
 */
export function CoverageChart({
  partId,
  curve,
  error,
  stoppages,
  from,
  to,
  now,
  ticks,
  onClose,
  onRetry,
}: {
  partId: string;
  curve: PartCoverageCurve | undefined;
  error: { message: string } | undefined;
  stoppages: readonly PredictedStoppage[];
  from: number;
  to: number;
  now: number;
  ticks: readonly number[];
  onClose: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation('lines');
  const { formatTime, formatDateTime, formatShortDay, dayOf } = usePlantFormat();
  const { formatNumber } = useNumberFormat();
  const reach = useReachText();
  const series = useMemo(() => (curve ? coverageSeries(curve, from, to) : null), [curve, from, to]);
  const part = curve?.part;
  const [showAllSupplies, setShowAllSupplies] = useState(false);
  const supplies = useMemo(() => [...(curve?.supplies ?? [])].sort((a, b) => a.at - b.at), [curve]);
  return (
    <section
      className="panel coverage-chart"
      data-testid="coverage-chart"
      data-part-id={partId}
      aria-labelledby="coverage-chart-title"
    >
      <header className="panel__head coverage-chart__head">
        <div>
          <h2 id="coverage-chart-title" className="panel__title">
            <span className="mono">{partId}</span> {part?.description ?? ''}
          </h2>
          {part ? (
            <p className="coverage-chart__facts">
              <span>
                {t('chart.onHand')}{' '}
                <b className="num">
                  {formatNumber(part.onHand)} {part.unit}
                </b>
              </span>
              <span>
                {t('chart.safetyStock')} <b className="num">{formatNumber(part.safetyStock)}</b>
              </span>
              {curve ? (
                <span>
                  {t('chart.consumption')}{' '}
                  <b className="num">
                    {formatNumber(curve.consumptionPerHour, curve.consumptionPerHour < 10 ? 1 : 0)}
                  </b>
                </span>
              ) : null}
              <span className={part.critical ? 'coverage-chart__reach--bad' : ''}>
                {t('chart.reach')} <b>{reach(part.coverageUntil)}</b>
              </span>
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="icon-button icon-button--plain"
          onClick={onClose}
          aria-label={t('chart.close')}
        >
          ×
        </button>
      </header>
      <div className="coverage-chart__body">
        {error && !curve ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : !curve || !series || !part ? (
          <LoadingState />
        ) : (
          <>
            <figure className="chart">
              <figcaption className="visually-hidden">
                {t('chart.summary', {
                  part: partId,
                  onHand: formatNumber(part.onHand),
                  reach: reach(part.coverageUntil),
                  supplies: series.supplies.length,
                })}
              </figcaption>
              <ResponsiveContainer width="100%" height={260}>
                <ComposedChart
                  data={series.points}
                  margin={{ top: 10 + LABEL_ROWS * 13, right: 16, bottom: 0, left: -8 }}
                >
                  <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
                  <XAxis
                    dataKey="t"
                    type="number"
                    scale="time"
                    domain={[from, to]}
                    ticks={[...ticks]}
                    tickFormatter={(at: number) =>
                      formatTime(at) === '00:00' ? formatShortDay(at) : formatTime(at)
                    }
                    tick={AXIS_TICK}
                    tickLine={false}
                    axisLine={{ stroke: 'var(--border-strong)' }}
                    allowDataOverflow
                  />
                  <YAxis
                    domain={[0, series.peak]}
                    allowDecimals={false}
                    tick={AXIS_TICK}
                    tickLine={false}
                    axisLine={false}
                    width={56}
                    tickFormatter={(value: number) => formatNumber(value)}
                  />
                  {series.empty.map((span) => (
                    <ReferenceArea
                      key={`empty-${span.from}`}
                      x1={span.from}
                      x2={span.to}
                      fill="var(--tone-bad)"
                      fillOpacity={0.16}
                      stroke="none"
                      ifOverflow="hidden"
                    />
                  ))}
                  {stoppages.map((stoppage) => (
                    <ReferenceArea
                      key={stoppage.id}
                      x1={Math.max(stoppage.start, from)}
                      x2={Math.min(stoppage.end, to)}
                      fill="url(#coverage-chart-hatch)"
                      stroke="var(--tone-bad)"
                      strokeOpacity={0.5}
                      ifOverflow="hidden"
                      label={{
                        value: t('chart.stoppage', {
                          line: stoppage.lineName,
                          duration: formatMinutes(stoppage.durationMinutes),
                        }),
                        position: 'insideTopLeft',
                        fill: 'var(--tone-bad-fg)',
                        fontSize: 11,
                        fontWeight: 600,
                      }}
                    />
                  ))}
                  <defs>
                    <pattern
                      id="coverage-chart-hatch"
                      width="8"
                      height="8"
                      patternUnits="userSpaceOnUse"
                      patternTransform="rotate(45)"
                    >
                      <rect width="8" height="8" fill="var(--tone-bad)" fillOpacity="0.08" />
                      <line
                        x1="0"
                        y1="0"
                        x2="0"
                        y2="8"
                        stroke="var(--tone-bad)"
                        strokeWidth="3"
                        strokeOpacity="0.35"
                      />
                    </pattern>
                  </defs>
                  <ReferenceLine
                    y={part.safetyStock}
                    stroke="var(--tone-warn)"
                    strokeDasharray="6 4"
                    ifOverflow="extendDomain"
                    label={{
                      value: t('chart.safetyLine', { value: formatNumber(part.safetyStock) }),
                      position: 'insideBottomRight',
                      fill: 'var(--tone-warn-fg)',
                      fontSize: 11,
                    }}
                  />
                  <ReferenceLine y={0} stroke="var(--tone-bad)" strokeWidth={1.5} />
                  {series.supplies.map((supply) => (
                    <ReferenceLine
                      key={supply.deliveryId}
                      x={supply.t}
                      stroke="var(--tone-ok)"
                      strokeDasharray="3 3"
                      label={
                        supply.labelRow === null
                          ? undefined
                          : {
                              value: supply.label,
                              position: 'top',
                              offset: 4 + (LABEL_ROWS - 1 - supply.labelRow) * 13,
                              fill: 'var(--tone-ok-fg)',
                              fontSize: 11,
                            }
                      }
                    />
                  ))}
                  {now >= from && now <= to ? (
                    <ReferenceLine x={now} stroke="var(--tone-bad)" strokeWidth={2} />
                  ) : null}
                  <Area
                    type="stepAfter"
                    dataKey="stock"
                    stroke="var(--tone-info)"
                    strokeWidth={2}
                    fill="var(--tone-info)"
                    fillOpacity={0.12}
                    isAnimationActive={false}
                    dot={false}
                    activeDot={{ r: 3 }}
                  />
                  <Scatter
                    data={series.supplies}
                    dataKey="stock"
                    fill="var(--tone-ok)"
                    shape="triangle"
                    isAnimationActive={false}
                  />
                  <Tooltip
                    cursor={{ stroke: 'var(--border-strong)' }}
                    content={(props) => <StockTooltip {...props} curve={curve} supplies={series.supplies} />}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
            {supplies.length > 0 ? (
              <table className="coverage-chart__supplies">
                <caption className="visually-hidden">{t('chart.suppliesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('chart.truck')}</th>
                    <th scope="col">{t('chart.notice')}</th>
                    <th scope="col">{t('chart.available')}</th>
                    <th scope="col" className="num">
                      {t('chart.quantity')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(showAllSupplies ? supplies : supplies.slice(0, SUPPLIES_SHOWN)).map((supply) => (
                    <tr
                      key={supply.deliveryId}
                      data-testid="coverage-supply"
                      data-delivery-id={supply.deliveryId}
                    >
                      <td>{supply.truckPlate ? <span className="plate">{supply.truckPlate}</span> : '–'}</td>
                      <td className="mono">{supply.noticeNumber ?? '–'}</td>
                      <td>
                        {dayOf(supply.at) === dayOf(now) ? formatTime(supply.at) : formatDateTime(supply.at)}
                      </td>
                      <td className="num">
                        +{formatNumber(supply.quantity)} {part.unit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {supplies.length > SUPPLIES_SHOWN ? (
              <button
                type="button"
                className="button button--ghost coverage-chart__more"
                onClick={() => setShowAllSupplies(!showAllSupplies)}
              >
                {showAllSupplies
                  ? t('chart.fewerSupplies')
                  : t('chart.allSupplies', { count: supplies.length })}
              </button>
            ) : null}
            {supplies.length === 0 ? (
              <p className="coverage-chart__no-supply">{t('chart.noSupply')}</p>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
