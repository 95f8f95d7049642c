import { useTranslation } from 'react-i18next';
import { hrefOf } from '../router/routes';
import { EmptyState } from './EmptyState';

export function NotFound() {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      title={t('state.notFound')}
      action={
        <a className="button" href={hrefOf('map')}>
          {t('state.toStart')}
        </a>
      }
    />
  );
}
