import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';

/** The × in the head of the booking panel, for a selected slot and for a truck without a door alike. */
export function PanelCloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('docks');
  return (
    <button
      type="button"
      className="icon-button icon-button--plain"
      onClick={onClose}
      aria-label={t('panel.close')}
      title={t('panel.close')}
      data-testid="booking-close"
    >
      <Icon name="close" />
    </button>
  );
}
