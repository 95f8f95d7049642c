import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onConnectionChange } from '../api/client';
import { usePlantTime } from '../format/plantTime';

/**
 * The plant's wall clock in its own time zone, whatever zone this screen is in. It follows the
 * server's clock.tick, so while the link is down it stops and is dimmed rather than guessing.
 */
export function PlantClock() {
  const { t } = useTranslation('common');
  const { now, speed, timeZone, formatTimeWithSeconds, formatDay } = usePlantTime();
  const [online, setOnline] = useState(true);
  useEffect(() => onConnectionChange(setOnline), []);
  return (
    <div className={online ? 'plant-clock' : 'plant-clock plant-clock--stale'}>
      <span className="visually-hidden">{t('header.plantClock', { zone: timeZone })}</span>
      <time className="plant-clock__time" dateTime={new Date(now).toISOString()} data-testid="plant-clock">
        {formatTimeWithSeconds(now)}
      </time>
      <span className="plant-clock__meta">
        {formatDay(now)} · {timeZone}
        {speed !== 1 ? <span className="plant-clock__speed">{t('header.speed', { speed })}</span> : null}
      </span>
    </div>
  );
}
