import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n/index';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A <select> (data-testid="language-switch") with the values "de" and "en"; remembered per screen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = i18n.language.startsWith('en') ? 'en' : 'de';
  return (
    <label className="field field--compact">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="select"
        data-testid="language-switch"
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {language.toUpperCase()} · {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
