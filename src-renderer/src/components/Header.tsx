import { useTranslation } from 'react-i18next';
import { usePlantSite } from '../format/plantTime';
import { AlertsIndicator } from './AlertsIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { PlantClock } from './PlantClock';
import { ThemeSwitch } from './ThemeSwitch';

export function Header() {
  const { t } = useTranslation('common');
  const site = usePlantSite();
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          L
        </span>
        <div className="header__titles">
          <span className="header__app">{t('appName')}</span>
          {site ? (
            <span className="header__plant">
              {site.name} · {site.city}
            </span>
          ) : null}
        </div>
        {site?.isDemo ? (
          <span className="demo-badge" title={t('header.demoTitle')} data-testid="demo-badge">
            {t('header.demo')}
          </span>
        ) : null}
      </div>
      <div className="header__tools">
        <PlantClock />
        <AlertsIndicator />
        <span className="header__divider" aria-hidden="true" />
        <LanguageSwitch />
        <ThemeSwitch />
      </div>
    </header>
  );
}
