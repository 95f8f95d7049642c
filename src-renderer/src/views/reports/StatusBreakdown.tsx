import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../src-main/db/schema';
import { StatusBadge } from '../../components/StatusBadge';
import { DELIVERY_STATUSES } from '../../components/statusTones';
import type { DayOverview } from './types';

/** How many of the day's deliveries are in each status, in the order a truck goes through them. */
export function StatusBreakdown({ overview }: { overview: DayOverview }) {
  const { t } = useTranslation('reports');
  const counts = overview.statusCounts as Partial<Record<DeliveryStatus, number>>;
  const present = DELIVERY_STATUSES.filter((status) => (counts[status] ?? 0) > 0);
  return (
    <section className="panel" aria-labelledby="report-status-title">
      <header className="panel__head">
        <h2 className="panel__title" id="report-status-title">
          {t('statuses.title')}
        </h2>
      </header>
      {present.length === 0 ? (
        <p className="panel__body faint">{t('statuses.none')}</p>
      ) : (
        <ul className="status-counts">
          {present.map((status) => (
            <li key={status}>
              <StatusBadge status={status} />
              <span className="num">{counts[status]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
