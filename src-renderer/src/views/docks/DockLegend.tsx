import { useTranslation } from 'react-i18next';
import type { PunctualityClass } from '../../../../src-main/domain/punctuality';
import { classCssColor } from '../../components/map/truckClasses';

const CLASSES: readonly PunctualityClass[] = ['on_time', 'at_risk', 'late', 'at_plant', 'completed'];

/** What the colours and strips of a bar mean. */
export function DockLegend() {
  const { t } = useTranslation('docks');
  return (
    <ul className="dock-legend" aria-label={t('legend.label')}>
      {CLASSES.map((value) => (
        <li key={value}>
          <span
            className="dock-legend__swatch"
            style={{ background: classCssColor(value) }}
            aria-hidden="true"
          />
          {t(`class.${value}`)}
        </li>
      ))}
      <li>
        <span className="dock-legend__strip dock-legend__strip--stay" aria-hidden="true" />
        {t('legend.stay')}
      </li>
      <li>
        <span className="dock-legend__strip dock-legend__strip--unloading" aria-hidden="true" />
        {t('legend.unloading')}
      </li>
      <li>
        <span className="dock-legend__strip dock-legend__strip--eta" aria-hidden="true" />
        {t('legend.eta')}
      </li>
      <li>
        <span className="dock-legend__swatch dock-legend__swatch--stoppage" aria-hidden="true">
          !
        </span>
        {t('legend.stoppage')}
      </li>
      <li>
        <span className="dock-legend__swatch dock-legend__swatch--conflict" aria-hidden="true" />
        {t('legend.conflict')}
      </li>
      <li>
        <span className="dock-legend__swatch dock-legend__swatch--closed" aria-hidden="true" />
        {t('legend.closed')}
      </li>
    </ul>
  );
}
