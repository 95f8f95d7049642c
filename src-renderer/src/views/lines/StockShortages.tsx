import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';

type PartStock = ProcedureOutput<'parts.stock'>[number];

/** The parts below safety stock, emptiest first: what the planner must chase before the lines stop. */
export function StockShortages({ parts }: { parts: readonly PartStock[] }) {
  const { t, i18n } = useTranslation('lines');
  const short = useMemo(
    () =>
      parts
        .filter((part) => part.onHand < part.safetyStock)
        .sort((a, b) => a.onHand / Math.max(1, a.safetyStock) - b.onHand / Math.max(1, b.safetyStock)),
    [parts],
  );
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section
      className="stock-shortages"
      data-testid="stock-shortages"
      aria-labelledby="stock-shortages-title"
    >
      <h2 id="stock-shortages-title" className="lines-view__heading">
        {t('stock.title', { count: short.length })}
      </h2>
      {short.length === 0 ? (
        <p className="stock-shortages__none">{t('stock.none')}</p>
      ) : (
        <table className="stock-shortages__table">
          <thead>
            <tr>
              <th scope="col">{t('stock.part')}</th>
              <th scope="col">{t('stock.description')}</th>
              <th scope="col">{t('stock.supplier')}</th>
              <th scope="col" className="num">
                {t('stock.onHand')}
              </th>
              <th scope="col" className="num">
                {t('stock.safetyStock')}
              </th>
              <th scope="col">{t('stock.level')}</th>
            </tr>
          </thead>
          <tbody>
            {short.map((part) => {
              const share = part.safetyStock > 0 ? part.onHand / part.safetyStock : 0;
              return (
                <tr key={part.id} data-testid="shortage-row" data-part-id={part.id}>
                  <th scope="row" className="mono">
                    {part.id}
                  </th>
                  <td>{part.description}</td>
                  <td>{part.supplierName ?? '–'}</td>
                  <td className="num">
                    {number.format(part.onHand)} {part.unit}
                  </td>
                  <td className="num">{number.format(part.safetyStock)}</td>
                  <td>
                    <span
                      className={`stock-level${part.onHand === 0 ? ' stock-level--empty' : ''}`}
                      role="img"
                      aria-label={t('stock.levelLabel', { percent: Math.round(share * 100) })}
                    >
                      <span className="stock-level__fill" style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                    <span className="stock-level__percent num">{Math.round(share * 100)} %</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
