import { useTranslation } from 'react-i18next';
import type { StatusTone } from '../../components/statusTones';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { onTimeTone } from '../partners/onTimeRating';
import type { DayOverview } from './types';

function Kpi({
  name,
  label,
  value,
  note,
  tone,
}: {
  name: string;
  label: string;
  value: string;
  note: string;
  tone?: StatusTone;
}) {
  return (
    <div className={`kpi${tone ? ` kpi--${tone}` : ''}`} data-testid={`report-kpi-${name}`}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value">{value}</span>
      <span className="kpi__note">{note}</span>
    </div>
  );
}

/** The day in five numbers, as a shift supervisor reads them out at the handover. */
export function ReportKpis({ overview }: { overview: DayOverview }) {
  const { t } = useTranslation('reports');
  const { formatNumber, formatPercent } = useNumberFormat();
  const open = overview.planned - overview.arrived;
  return (
    <section className="kpis" aria-label={t('subtitle')}>
      <Kpi
        name="planned"
        label={t('kpi.planned')}
        value={formatNumber(overview.planned)}
        note={t('kpi.plannedNote')}
      />
      <Kpi
        name="arrived"
        label={t('kpi.arrived')}
        value={formatNumber(overview.arrived)}
        note={open > 0 ? t('kpi.arrivedNote', { open }) : t('kpi.arrivedNoteNone')}
      />
      <Kpi
        name="onTime"
        label={t('kpi.onTime')}
        value={formatPercent(overview.onTimeRate)}
        note={
          overview.arrived
            ? t('kpi.onTimeNote', { onTime: overview.onTime, arrived: overview.arrived })
            : t('kpi.onTimeNoteNone')
        }
        {...(overview.onTimeRate === null ? {} : { tone: onTimeTone(overview.onTimeRate) })}
      />
      <Kpi
        name="dwell"
        label={t('kpi.dwell')}
        value={formatMinutes(overview.averageDwellMinutes)}
        note={overview.averageDwellMinutes === null ? t('kpi.dwellNoteNone') : t('kpi.dwellNote')}
      />
      <Kpi
        name="shortItems"
        label={t('kpi.shortItems')}
        value={formatNumber(overview.shortItems)}
        note={t('kpi.shortItemsNote', { count: overview.shortItems })}
        {...(overview.shortItems > 0 ? { tone: 'bad' as const } : {})}
      />
    </section>
  );
}
