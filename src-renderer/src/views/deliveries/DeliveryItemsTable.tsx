import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../format/numbers';
import type { DeliveryItem } from './types';

/** Received minus announced; null until the goods receipt is booked. */
function differenceOf(item: DeliveryItem): number | null {
  return item.quantityReceived === null ? null : item.quantityReceived - item.quantityAnnounced;
}

function toneOf(difference: number | null) {
  if (difference === null) return 'pending';
  if (difference < 0) return 'short';
  if (difference > 0) return 'over';
  return 'exact';
}

/** What the shipping notice announced against what was received; shortfalls stand out in red. */
export function DeliveryItemsTable({ items }: { items: readonly DeliveryItem[] }) {
  const { t } = useTranslation('deliveries');
  const { formatNumber, formatSigned } = useNumberFormat();
  const short = items.filter((item) => (differenceOf(item) ?? 0) < 0).length;
  const received = items.some((item) => item.quantityReceived !== null);
  return (
    <section className="detail-section">
      <div className="detail-section__head">
        <h3 className="detail-section__title">{t('items.title')}</h3>
        {items.length > 0 ? (
          <span className={`detail-section__meta${short ? ' detail-section__meta--bad' : ''}`}>
            {short
              ? t('items.short', { count: short })
              : received
                ? t('items.complete')
                : t('items.notReceived')}
          </span>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="faint">{t('items.empty')}</p>
      ) : (
        <table className="items-table" aria-label={t('items.label')}>
          {/* Fixed columns: the panel is narrow, so descriptions wrap instead of pushing the numbers out. */}
          <colgroup>
            <col className="items-table__col-part" />
            <col />
            <col className="items-table__col-num" />
            <col className="items-table__col-num" />
            <col className="items-table__col-num" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('items.part')}</th>
              <th scope="col">{t('items.description')}</th>
              <th scope="col" className="items-table__num">
                {t('items.announced')}
              </th>
              <th scope="col" className="items-table__num">
                {t('items.received')}
              </th>
              <th scope="col" className="items-table__num">
                {t('items.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const difference = differenceOf(item);
              const tone = toneOf(difference);
              return (
                <tr
                  key={item.lineNo}
                  className={`items-table__row items-table__row--${tone}`}
                  data-testid="delivery-item"
                  data-part-id={item.partId}
                  data-difference={difference ?? ''}
                >
                  <td className="mono">{item.partId}</td>
                  <td>
                    <span className="cell-stack">
                      <span>{item.description}</span>
                      {item.supplierPartNumber ? (
                        <span className="cell-stack__sub mono" title={t('items.supplierPart')}>
                          {item.supplierPartNumber}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="items-table__num num">
                    {formatNumber(item.quantityAnnounced)} <span className="faint">{item.unit}</span>
                  </td>
                  <td className="items-table__num num">
                    {item.quantityReceived === null ? (
                      <span className="faint">{t('items.pending')}</span>
                    ) : (
                      formatNumber(item.quantityReceived)
                    )}
                  </td>
                  <td className="items-table__num num">
                    {difference === null ? (
                      <span className="faint">–</span>
                    ) : (
                      <span className={`difference difference--${tone}`}>{formatSigned(difference)}</span>
                    )}
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
