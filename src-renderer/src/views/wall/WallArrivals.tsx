import { useTranslation } from 'react-i18next';
import { classCssColor } from '../../components/map/truckClasses';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import type { DoorArrivals, WallSlot } from './nextArrivals';

function Arrival({ slot }: { slot: WallSlot }) {
  const { t } = useTranslation('wall');
  const { formatTime } = usePlantFormat();
  const late = slot.punctuality.minutesLate;
  const showLate =
    (slot.punctuality.class === 'late' || slot.punctuality.class === 'at_risk') && late !== null && late > 0;
  return (
    <div
      className={`wall-arrival wall-arrival--${slot.punctuality.class}`}
      data-delivery-id={slot.id}
      style={{ borderColor: classCssColor(slot.punctuality.class) }}
    >
      <span className="wall-arrival__time">{formatTime(slot.slotStart)}</span>
      <span className="wall-arrival__plate">{slot.truckPlate ?? slot.noticeNumber ?? slot.id}</span>
      <span className="wall-arrival__supplier">{slot.supplierName}</span>
      <span className="wall-arrival__state" style={{ color: classCssColor(slot.punctuality.class) }}>
        {slot.status === 'at_gate' ? t('arrivals.atGate') : showLate ? formatLateness(late) : ''}
      </span>
    </div>
  );
}

/** Per door, the next two trucks expected, in slot order; a busy door says so. */
export function WallArrivals({ doors }: { doors: readonly DoorArrivals[] }) {
  const { t } = useTranslation('wall');
  return (
    <section className="wall-arrivals" data-testid="wall-arrivals" aria-labelledby="wall-arrivals-title">
      <h2 id="wall-arrivals-title" className="wall-panel__title">
        {t('arrivals.title')}
      </h2>
      <ul className="wall-arrivals__doors">
        {doors.map(({ door, busy, next }) => (
          <li key={door.id} className="wall-arrivals__door" data-door-id={door.id}>
            <span className="wall-arrivals__name">
              {door.name}
              {busy ? <span className="wall-arrivals__busy">{t('arrivals.busy')}</span> : null}
            </span>
            {next.length === 0 ? (
              <span className="wall-arrivals__none">{t('arrivals.none')}</span>
            ) : (
              next.map((slot) => <Arrival key={slot.id} slot={slot} />)
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
