import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../format/numbers';
import { onTimeTone } from './onTimeRating';

/** The week's on-time rate as a number with a small bar, coloured against the plant's target. */
export function OnTimeRate({ rate, arrived }: { rate: number | null; arrived: number }) {
  const { t } = useTranslation('partners');
  const { formatPercent } = useNumberFormat();
  if (rate === null) return <span className="faint">{t('noArrivals')}</span>;
  const tone = onTimeTone(rate);
  return (
    <span
      className={`rate rate--${tone}`}
      data-tone={tone}
      title={t('rateTitle', { onTime: Math.round(rate * arrived), arrived })}
    >
      <span className="rate__bar" aria-hidden="true">
        <span className="rate__fill" style={{ width: `${Math.round(rate * 100)}%` }} />
      </span>
      <span className="rate__value num">{formatPercent(rate)}</span>
    </span>
  );
}
