import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { hrefOf, VIEWS, type ViewName } from '../router/routes';
import { SettingsIcon } from '../views/settings/SettingsIcon';
import { Icon } from './icons';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

function shortcutLabel(key: number, t: TFunction<'common'>) {
  return IS_MAC ? `⌘${key}` : t('nav.shortcut', { key });
}

/** The views as a list of links; the current one carries aria-current="page". */
export function Nav({ current }: { current: ViewName | null }) {
  const { t } = useTranslation(['common', 'settings']);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {VIEWS.map((view, index) => (
          <li
            key={view}
            className={
              view === 'wall' || view === 'settings' ? 'nav__item nav__item--separated' : 'nav__item'
            }
          >
            <a
              className="nav__link"
              href={hrefOf(view)}
              data-testid={`nav-${view}`}
              aria-current={view === current ? 'page' : undefined}
              aria-keyshortcuts={`${IS_MAC ? 'Meta' : 'Control'}+${index + 1}`}
              title={`${view === 'settings' ? t('settings:nav') : t(`nav.${view}`)} (${shortcutLabel(index + 1, t)})`}
            >
              {view === 'settings' ? <SettingsIcon /> : <Icon name={view} />}
              <span className="nav__label">{view === 'settings' ? t('settings:nav') : t(`nav.${view}`)}</span>
              <span className="nav__shortcut" aria-hidden="true">
                {shortcutLabel(index + 1, t)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
