import { useTranslation } from 'react-i18next';
import type { DayOverview } from './types';

/** Who made the day late: the suppliers with the most arrivals after their window, worst first. */
export function LateSuppliers({ overview }: { overview: DayOverview }) {
  const { t } = useTranslation('reports');
  const worst = overview.mostOftenLate[0]?.late ?? 1;
  return (
    <section className="panel" aria-labelledby="report-late-title">
      <header className="panel__head">
        <h2 className="panel__title" id="report-late-title">
          {t('late.title')}
        </h2>
        <span className="panel__meta">{t('late.meta')}</span>
      </header>
      {overview.mostOftenLate.length === 0 ? (
        <p className="panel__body faint">{t('late.none')}</p>
      ) : (
        <ol className="ranking">
          {overview.mostOftenLate.map((supplier, index) => (
            <li key={supplier.supplierName} className="ranking__item" data-testid="report-late-supplier">
              <span className="ranking__rank num">{index + 1}</span>
              <span className="ranking__name">{supplier.supplierName}</span>
              <span className="ranking__bar" aria-hidden="true">
                <span style={{ width: `${(supplier.late / worst) * 100}%` }} />
              </span>
              <span className="ranking__value num">{t('late.count', { count: supplier.late })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
