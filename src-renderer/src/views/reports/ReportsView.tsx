import './Reports.css';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../components/DayPicker';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { isPlantDay } from '../../format/plantCalendar';
import { usePlantToday } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { navigate } from '../../router/useRoute';
import { AutoExportSettings } from './AutoExportSettings';
import { DeliveryDashboard } from './dashboard/DeliveryDashboard';
import { HourlyChart } from './HourlyChart';
import { LateSuppliers } from './LateSuppliers';
import { ReportExport } from './ReportExport';
import { ReportKpis } from './ReportKpis';
import { StatusBreakdown } from './StatusBreakdown';

/**
 * A plant-local day's deliveries in figures and as files to send on, then the trends over days and
 * the automatic export; the day lives in the route (#/reports/2026-11-27).
 */
export function ReportsView({ day: requestedDay }: { day: string | null }) {
  const { t } = useTranslation('reports');
  const today = usePlantToday();
  const day = requestedDay && isPlantDay(requestedDay) ? requestedDay : today;
  const overview = useProcedure(
    'reports.dayOverview',
    { day },
    { refreshOn: ['deliveries.changed', 'plant.reset'], minIntervalMs: 5000 },
  );
  // Keep showing the previous day's figures while the next loads only if they are for this day.
  const data = overview.data?.day === day ? overview.data : undefined;

  return (
    <div className="view reports">
      <div className="view__bar">
        <h1 className="view__title">
          {t('title')}
          <span className="view__subtitle">{t('subtitle')}</span>
        </h1>
        <DayPicker day={day} onChange={(next) => navigate('reports', next)} />
      </div>
      <div className="view__body view__body--scroll">
        <ReportExport day={day} />
        {overview.error && !data ? (
          <ErrorState error={overview.error} onRetry={overview.refetch} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <>
            <ReportKpis overview={data} />
            <div className="reports__grid">
              <section className="panel reports__chart" aria-labelledby="report-chart-title">
                <header className="panel__head">
                  <h2 className="panel__title" id="report-chart-title">
                    {t('chart.title')}
                  </h2>
                  <span className="panel__meta">{t('chart.meta')}</span>
                </header>
                <div className="panel__body">
                  <HourlyChart overview={data} />
                </div>
              </section>
              <div className="reports__side">
                <LateSuppliers overview={data} />
                <StatusBreakdown overview={data} />
              </div>
            </div>
          </>
        )}
        <DeliveryDashboard day={day} />
        <AutoExportSettings />
      </div>
    </div>
  );
}
