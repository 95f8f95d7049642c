import { useTranslation } from 'react-i18next';
import { Icon } from './icons';
import { THEME_CHOICES, useTheme } from './theme';

const ICONS = { light: 'sun', dark: 'moon', system: 'system' } as const;

/** Light / dark / system as a segmented radio group; the choice is remembered on this screen. */
export function ThemeSwitch() {
  const { t } = useTranslation('common');
  const [choice, choose] = useTheme();
  return (
    <fieldset className="segmented" data-testid="theme-switch">
      <legend className="visually-hidden">{t('theme.label')}</legend>
      {THEME_CHOICES.map((option) => (
        <label key={option} className="segmented__option" title={t(`theme.${option}`)}>
          <input
            type="radio"
            name="leitstand-theme"
            value={option}
            checked={choice === option}
            onChange={() => choose(option)}
            data-testid={`theme-${option}`}
          />
          <Icon name={ICONS[option]} size={16} />
          <span className="visually-hidden">{t(`theme.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
