import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { usePlantTime } from '../../format/plantTime';
import { clampToScale, type TimeScale } from '../docks/timeScale';
import { minutesUntil } from './reach';
import type { PredictedStoppage } from './types';

/** "stops in 2 h 14 min" / "stopped for 12 min": where the line stands against the plant clock. */
export function useStoppageCountdown(stoppage: Pick<PredictedStoppage, 'start' | 'end'>): string {
  const { t } = useTranslation('lines');
  const { now } = usePlantTime();
  const toStart = minutesUntil(stoppage.start, now);
  if (toStart > 0) return t('stoppage.stopsIn', { duration: formatMinutes(toStart) });
  const standing = Math.floor((now - stoppage.start) / 60_000);
  if (standing < 1) return t('stoppage.stoppingNow');
  return t('stoppage.stoppedFor', { duration: formatMinutes(standing) });
}

export function useEndingText(stoppage: PredictedStoppage): string {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantTime();
  const delivery = stoppage.endingDelivery;
  if (!delivery) return t('stoppage.noDelivery');
  return t('stoppage.endedBy', {
    truck: delivery.truckPlate ?? delivery.supplierName,
    notice: delivery.noticeNumber ?? '–',
    eta: formatTime(delivery.eta),
  });
}

/**
 * A predicted stoppage on its line: a red hatched block from when the line stops to when the
 * truck's goods let it run again, labelled with the part, the countdown and that truck.
 */
export function StoppageMarker({
  stoppage,
  scale,
  preview = false,
  selected,
  onOpen,
}: {
  stoppage: PredictedStoppage;
  scale: TimeScale;
  preview?: boolean;
  selected: boolean;
  onOpen: (partId: string) => void;
}) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantTime();
  const countdown = useStoppageCountdown(stoppage);
  const ending = useEndingText(stoppage);
  const shown = clampToScale(scale, stoppage.start, stoppage.end);
  if (!shown) return null;
  const left = scale.x(shown.start);
  // A label near the right edge hangs to the left, so it is never cut off.
  const alignRight = left > 62;
  const label = t('stoppage.label', {
    part: stoppage.partId,
    description: stoppage.partDescription,
    line: stoppage.lineName,
    from: formatTime(stoppage.start),
    to: formatTime(stoppage.end),
    duration: formatMinutes(stoppage.durationMinutes),
    countdown,
    ending,
  });
  return (
    <button
      type="button"
      className={`stoppage-marker${preview ? ' stoppage-marker--preview' : ''}${alignRight ? ' stoppage-marker--right' : ''}`}
      data-testid="stoppage-marker"
      data-line-id={stoppage.lineId}
      data-part-id={stoppage.partId}
      aria-pressed={selected}
      aria-label={label}
      title={label}
      style={{ left: `${left}%`, width: `${scale.width(shown.start, shown.end)}%` }}
      onClick={() => onOpen(stoppage.partId)}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <span className="stoppage-marker__label">
        <span className="stoppage-marker__icon" aria-hidden="true">
          !
        </span>
        <span className="stoppage-marker__part">{stoppage.partId}</span>
        <span className="stoppage-marker__countdown">{countdown}</span>
        <span className="stoppage-marker__ending">· {ending}</span>
      </span>
    </button>
  );
}
