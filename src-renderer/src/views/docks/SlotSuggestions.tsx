import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { usePlantFormat } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';

/** What the suggestions need to know of a delivery: a slot on the timeline, or one without a door. */
export interface SuggestFor {
  id: string;
  doorId: string | null;
  slotStart: number;
  truckPlate: string | null;
  noticeNumber: string | null;
  movable: boolean;
}

/**
 * The best free slots for a delivery (door capabilities, ETA, what production needs), each
 * bookable with one press. Only for deliveries that can still be moved.
 */
export function SlotSuggestions({
  slot,
  onBooked,
  onRefused,
}: {
  slot: SuggestFor;
  onBooked: (message: string) => void;
  onRefused: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  const format = usePlantFormat();
  const [busy, setBusy] = useState(false);
  const suggestions = useProcedure(
    'docks.suggestSlots',
    { deliveryId: slot.id, limit: 5 },
    {
      refreshOn: ['deliveries.changed', 'coverage.changed', 'plant.reset'],
      minIntervalMs: 2000,
      enabled: slot.movable,
    },
  );
  if (!slot.movable) return null;
  const data = suggestions.data;
  return (
    <section
      className="booking-section"
      data-testid="slot-suggestions"
      aria-labelledby="slot-suggestions-title"
    >
      <h3 className="booking-section__title" id="slot-suggestions-title">
        {t('suggest.title')}
        {data?.critical ? <span className="booking-critical">{t('suggest.critical')}</span> : null}
      </h3>
      {suggestions.error && !data ? (
        <p className="booking-section__empty" role="alert">
          {suggestions.error.message}
        </p>
      ) : !data ? (
        <p className="booking-section__empty">{t('suggest.loading')}</p>
      ) : data.suggestions.length === 0 ? (
        <p className="booking-section__empty">{t('suggest.none')}</p>
      ) : (
        <ol className="suggestions">
          {data.suggestions.map((suggestion, index) => {
            const current = suggestion.doorId === slot.doorId && suggestion.slotStart === slot.slotStart;
            return (
              <li
                key={`${suggestion.doorId}-${suggestion.slotStart}`}
                className="suggestion"
                data-testid="suggestion"
              >
                <div className="suggestion__what">
                  <strong>
                    {suggestion.doorName} · {format.formatTime(suggestion.slotStart)}–
                    {format.formatTime(suggestion.slotEnd)}
                  </strong>
                  <span className="suggestion__day">{format.formatShortDay(suggestion.slotStart)}</span>
                  {index === 0 ? <span className="suggestion__best">{t('suggest.best')}</span> : null}
                  <ul className="suggestion__reasons">
                    {suggestion.reasons.map((reason) => (
                      <li key={reason}>{t(`suggest.reason.${reason}`, reason)}</li>
                    ))}
                  </ul>
                </div>
                <button
                  type="button"
                  className="button booking-button"
                  data-testid="suggestion-book"
                  disabled={busy || current}
                  onClick={() => {
                    setBusy(true);
                    call('docks.moveSlot', {
                      deliveryId: slot.id,
                      doorId: suggestion.doorId,
                      slotStart: suggestion.slotStart,
                    })
                      .then(() =>
                        onBooked(
                          t('suggest.booked', {
                            plate: slot.truckPlate ?? slot.noticeNumber ?? slot.id,
                            where: `${suggestion.doorName} ${format.formatTime(suggestion.slotStart)}`,
                          }),
                        ),
                      )
                      .catch((error: unknown) =>
                        onRefused(error instanceof ApiCallError ? error.message : String(error)),
                      )
                      .finally(() => setBusy(false));
                  }}
                >
                  {current ? t('suggest.current') : t('suggest.book')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
