import { useTranslation } from 'react-i18next';

/** The list's keys, spelled out once under the table so nobody has to guess them. */
export function KeyboardHint() {
  const { t } = useTranslation('deliveries');
  return (
    <p className="keyboard-hint">
      <span className="visually-hidden">{t('keyboard.label')}:</span>
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> {t('keyboard.move')}
      </span>
      <span>
        <kbd>Enter</kbd> {t('keyboard.open')}
      </span>
      <span>
        <kbd>Esc</kbd> {t('keyboard.close')}
      </span>
      <span>
        <kbd>/</kbd> {t('keyboard.search')}
      </span>
    </p>
  );
}
