import { useTranslation } from 'react-i18next';

/** What the marks on the board mean, in one line above it. */
export function LinesLegend() {
  const { t } = useTranslation('lines');
  return (
    <ul className="lines-legend" aria-label={t('legend.label')}>
      <li>
        <span className="lines-legend__key lines-legend__key--order" aria-hidden="true" />
        {t('legend.order')}
      </li>
      <li>
        <span className="lines-legend__key lines-legend__key--setup" aria-hidden="true" />
        {t('legend.setup')}
      </li>
      <li>
        <span className="padlock" aria-hidden="true" />
        {t('legend.frozen')}
      </li>
      <li>
        <span className="lines-legend__key lines-legend__key--due" aria-hidden="true" />
        {t('legend.due')}
      </li>
      <li>
        <span className="lines-legend__key lines-legend__key--stoppage" aria-hidden="true" />
        {t('legend.stoppage')}
      </li>
      <li>
        <span className="lines-legend__band" aria-hidden="true">
          <span className="coverage-band__segment--covered" />
          <span className="coverage-band__segment--low" />
          <span className="coverage-band__segment--stop" />
        </span>
        {t('legend.band')}
      </li>
    </ul>
  );
}
