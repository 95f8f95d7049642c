import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';

/**
 * Under the toolbar: a refused move or booking in words (role="alert", stays until dismissed or
 * the next success), and a polite live region that narrates keyboard moves.
 */
export function MoveStatus({
  refusal,
  announcement,
  onDismiss,
}: {
  refusal: string | null;
  announcement: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('docks');
  return (
    <>
      <div className="dock-refusal-region" role="alert" data-testid="dock-alert">
        {refusal ? (
          <p className="dock-refusal">
            <span className="dock-refusal__text">{refusal}</span>
            <button
              type="button"
              className="icon-button icon-button--plain"
              onClick={onDismiss}
              aria-label={t('alert.dismiss')}
              title={t('alert.dismiss')}
            >
              <Icon name="close" />
            </button>
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="dock-announcer">
        {announcement}
      </p>
    </>
  );
}
