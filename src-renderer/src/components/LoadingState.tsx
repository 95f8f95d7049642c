import { useTranslation } from 'react-i18next';

export function LoadingState({ fullPage = false, label }: { fullPage?: boolean; label?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className={`state state--loading${fullPage ? ' state--full' : ''}`} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}
