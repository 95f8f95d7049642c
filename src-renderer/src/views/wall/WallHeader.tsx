import { useTranslation } from 'react-i18next';
import { isViewer } from '../../api/viewerToken';
import { usePlantTime } from '../../format/plantTime';
import type { ConnectionState } from './useConnection';
import { ViewerLinksButton } from './ViewerLinksDialog';

/** Plant, connection state and the plant clock, in type that reads across the room. */
export function WallHeader({
  connection,
  lastUpdate,
}: {
  connection: ConnectionState;
  lastUpdate: number | null;
}) {
  const { t } = useTranslation('wall');
  const { now, site, formatTimeWithSeconds, formatTime, formatDay } = usePlantTime();
  return (
    <header className="wall-header">
      <div className="wall-header__plant">
        <span className="wall-header__app">{t('title')}</span>
        <span className="wall-header__name">{site?.name ?? ''}</span>
      </div>
      {connection === 'online' ? null : (
        <div
          className={`wall-connection wall-connection--${connection}`}
          role={connection === 'lost' ? 'alert' : 'status'}
          data-testid="wall-connection"
          data-state={connection}
        >
          <span className="wall-connection__text">{t(`connection.${connection}`)}</span>
          {connection === 'lost' && lastUpdate !== null ? (
            <span className="wall-connection__since">
              {t('connection.since', { time: formatTime(lastUpdate) })}
            </span>
          ) : null}
        </div>
      )}
      {/* Administration belongs to the desk: a wall PC on a viewer link never sees it. */}
      {isViewer ? null : <ViewerLinksButton />}
      <div className="wall-header__clock">
        <time className="wall-header__time" dateTime={new Date(now).toISOString()} data-testid="wall-clock">
          {formatTimeWithSeconds(now)}
        </time>
        <span className="wall-header__day">{formatDay(now)}</span>
      </div>
    </header>
  );
}
