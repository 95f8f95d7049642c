import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantFormat, usePlantTime } from '../../../format/plantTime';
import { useProcedure } from '../../../hooks/useProcedure';
import { doorChoices } from './doorChoice';

const HOUR = 3_600_000;

/**
 * Which door a truck at the gate goes to: every door as a big button, the fitting, open and free
 * ones first, with why a door is a poor choice (closed, occupied, booked, missing a capability).
 */
export function DoorPicker({
  delivery,
  busy,
  onPick,
}: {
  delivery: { id: string; doorId: string | null };
  busy: boolean;
  onPick: (doorId: string) => void;
}) {
  const { t } = useTranslation('gate');
  const { t: td } = useTranslation('docks');
  const format = usePlantFormat();
  const { now } = usePlantTime();
  // The hour around now: stable across clock ticks, so the query does not repeat every second.
  const hour = Math.floor(now / HOUR) * HOUR;
  const timeline = useProcedure(
    'docks.timeline',
    { from: hour - 12 * HOUR, to: hour + 12 * HOUR },
    { refreshOn: ['deliveries.changed', 'plant.reset'] },
  );
  const choices = useMemo(() => {
    if (!timeline.data) return [];
    const own = timeline.data.slots.find((slot) => slot.id === delivery.id);
    return doorChoices(
      timeline.data.doors,
      timeline.data.slots,
      { id: delivery.id, doorId: delivery.doorId, requiredCapabilities: own?.requiredCapabilities ?? [] },
      hour,
      format,
    );
  }, [timeline.data, delivery.id, delivery.doorId, hour, format]);
  return (
    <fieldset className="door-picker" data-testid="door-picker">
      <legend className="door-picker__legend">{t('doorPicker.legend')}</legend>
      <div className="door-picker__doors">
        {choices.map((choice) => {
          const notes = [
            choice.own ? t('doorPicker.booked') : null,
            choice.fits
              ? null
              : t('doorPicker.missing', {
                  capabilities: choice.missing.map((c) => td(`capability.${c}`, c)).join(', '),
                }),
            choice.open ? null : t('doorPicker.closed'),
            choice.free ? null : t('doorPicker.occupied'),
            choice.bookedBy
              ? t('doorPicker.bookedBy', {
                  plate: choice.bookedBy.truckPlate ?? choice.bookedBy.noticeNumber ?? '',
                  start: format.formatTime(choice.bookedBy.slotStart),
                })
              : null,
          ].filter((note): note is string => note !== null);
          const good = choice.fits && choice.open && choice.free && !choice.bookedBy;
          return (
            <button
              key={choice.door.id}
              type="button"
              className={`door-picker__door${good ? ' door-picker__door--good' : ''}`}
              data-testid="door-choice"
              data-door-id={choice.door.id}
              data-good={good}
              disabled={busy || !choice.fits}
              onClick={() => onPick(choice.door.id)}
            >
              <span className="door-picker__name">{choice.door.name}</span>
              <span className="door-picker__notes">
                {notes.length > 0 ? notes.join(' · ') : t('doorPicker.free')}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
