import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onConnectionChange } from '../api/client';
import { Icon } from './icons';

const RESTORED_VISIBLE_MS = 4000;

/**
 * Says loudly when the browser has lost the server: a wall screen that silently shows stale
 * trucks is worse than one that admits it. Inside the desktop app the link never drops.
 */
export function ConnectionBanner() {
  const { t } = useTranslation('common');
  const [state, setState] = useState<'online' | 'lost' | 'restored'>('online');

  useEffect(
    () =>
      onConnectionChange((online) =>
        setState((previous) => (online ? (previous === 'lost' ? 'restored' : previous) : 'lost')),
      ),
    [],
  );

  useEffect(() => {
    if (state !== 'restored') return;
    const timer = setTimeout(() => setState('online'), RESTORED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  if (state === 'online') return null;
  const lost = state === 'lost';
  return (
    <div
      className={`connection-banner connection-banner--${state}`}
      role={lost ? 'alert' : 'status'}
      data-testid="connection-banner"
    >
      {lost ? <Icon name="offline" /> : null}
      <span>{t(lost ? 'connection.lost' : 'connection.restored')}</span>
    </div>
  );
}
