import { useTranslation } from 'react-i18next';

/** A failed load, said plainly, with the server's message and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  fullPage = false,
}: {
  error: { message: string } | string;
  onRetry?: () => void;
  fullPage?: boolean;
}) {
  const { t } = useTranslation('common');
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className={`state state--error${fullPage ? ' state--full' : ''}`} role="alert">
      <p className="state__title">{t('state.errorTitle')}</p>
      <p className="state__text">{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
