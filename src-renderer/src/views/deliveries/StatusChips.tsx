import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../src-main/db/schema';
import { DELIVERY_STATUS_TONE, DELIVERY_STATUSES, toneColor } from '../../components/statusTones';

/** Status filter as toggle chips with the day's count per status; none pressed means all. */
export function StatusChips({
  counts,
  total,
  selected,
  onChange,
}: {
  counts: Readonly<Partial<Record<DeliveryStatus, number>>>;
  total: number;
  selected: ReadonlySet<DeliveryStatus>;
  onChange: (next: ReadonlySet<DeliveryStatus>) => void;
}) {
  const { t } = useTranslation(['deliveries', 'common']);
  const toggle = (status: DeliveryStatus) => {
    const next = new Set(selected);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    onChange(next);
  };
  return (
    <fieldset className="chips" aria-label={t('filter.status')}>
      <legend className="visually-hidden">{t('filter.status')}</legend>
      <button
        type="button"
        className="chip"
        aria-pressed={selected.size === 0}
        onClick={() => onChange(new Set())}
        data-testid="status-filter-all"
      >
        {t('filter.all')} <span className="chip__count">{total}</span>
      </button>
      {DELIVERY_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className="chip"
          aria-pressed={selected.has(status)}
          onClick={() => toggle(status)}
          data-testid={`status-filter-${status}`}
        >
          <span className="chip__dot" style={{ background: toneColor(DELIVERY_STATUS_TONE[status]) }} />
          {t(`common:status.${status}`)} <span className="chip__count">{counts[status] ?? 0}</span>
        </button>
      ))}
    </fieldset>
  );
}
