import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { addDays, isPlantDay } from '../../../format/plantCalendar';
import { usePlantFormat } from '../../../format/plantTime';
import { useProcedure } from '../../../hooks/useProcedure';
import { DwellDistribution } from './DwellDistribution';
import { HourlyLoad } from './HourlyLoad';
import { OnTimeTrend } from './OnTimeTrend';
import { StoppageTrend } from './StoppageTrend';

/** The managers' trends: a date range (the week up to the chosen day at first) and a partner. */
export function DeliveryDashboard({ day }: { day: string }) {
  const { t } = useTranslation('reports');
  const { formatShortDay, dayRange } = usePlantFormat();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const from = range?.from ?? addDays(day, -6);
  const to = range?.to ?? day;
  const partners = useProcedure('partners.list', {}, { refreshOn: ['plant.reset'] });
  const dashboard = useProcedure(
    'reports.dashboard',
    { from, to, ...(partnerId ? { partnerId } : {}) },
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 10_000 },
  );
  const data = dashboard.data?.from === from && dashboard.data.to === to ? dashboard.data : undefined;
  const dayLabel = (value: string) => formatShortDay(dayRange(value).start + 12 * 3_600_000);

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="delivery-dashboard">
      <div className="dashboard__bar">
        <h2 className="dashboard__title" id="dashboard-title">
          {t('dashboard.title')}
          <span className="view__subtitle">{t('dashboard.subtitle')}</span>
        </h2>
        <div className="dashboard__filters">
          <label className="report-field">
            <span className="report-field__label">{t('dashboard.from')}</span>
            <input
              type="date"
              className="input input--date"
              value={from}
              max={to}
              required
              data-testid="dashboard-from"
              onChange={(event) => {
                if (isPlantDay(event.target.value)) setRange({ from: event.target.value, to });
              }}
            />
          </label>
          <label className="report-field">
            <span className="report-field__label">{t('dashboard.to')}</span>
            <input
              type="date"
              className="input input--date"
              value={to}
              min={from}
              required
              data-testid="dashboard-to"
              onChange={(event) => {
                if (isPlantDay(event.target.value)) setRange({ from, to: event.target.value });
              }}
            />
          </label>
          <label className="report-field">
            <span className="report-field__label">{t('dashboard.partner')}</span>
            <select
              className="select dashboard__partner"
              value={partnerId}
              onChange={(event) => setPartnerId(event.target.value)}
              data-testid="dashboard-partner"
            >
              <option value="">{t('dashboard.allPartners')}</option>
              {(partners.data ?? []).map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {dashboard.error && !data ? (
        <ErrorState error={dashboard.error} onRetry={dashboard.refetch} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <div className="dashboard__grid">
          <OnTimeTrend dashboard={data} dayLabel={dayLabel} />
          <DwellDistribution dashboard={data} />
          <HourlyLoad dashboard={data} />
          <StoppageTrend dashboard={data} dayLabel={dayLabel} />
        </div>
      )}
    </section>
  );
}
