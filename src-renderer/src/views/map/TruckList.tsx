import { type KeyboardEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { classCssColor } from '../../components/map/truckClasses';
import type { LiveTruck } from '../../components/map/useLiveTrucks';
import { formatLateness } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';

export interface TruckListProps {
  trucks: readonly LiveTruck[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onHighlight: (id: string | null) => void;
}

/** Arrow keys walk the list like a listbox; Tab leaves it, Enter or Space selects. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End')
    return;
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-delivery-id]')];
  if (items.length === 0) return;
  const current = items.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
  items[next]?.focus();
  event.preventDefault();
}

/** The trucks on the map as a list: the keyboard's way to them, and a place to scan them by name. */
export const TruckList = memo(function TruckList({
  trucks,
  selectedId,
  onSelect,
  onHighlight,
}: TruckListProps) {
  const { t } = useTranslation('map');
  const { formatTime } = usePlantFormat();
  return (
    <section className="truck-list" aria-labelledby="truck-list-title">
      <h2 id="truck-list-title" className="map-side__heading">
        {t('list.title', { count: trucks.length })}
      </h2>
      {trucks.length === 0 ? (
        <p className="truck-list__empty">{t('list.empty')}</p>
      ) : (
        <ul className="truck-list__items" onKeyDown={moveFocus} onMouseLeave={() => onHighlight(null)}>
          {trucks.map((truck) => {
            const late = truck.punctuality.minutesLate;
            return (
              <li key={truck.id}>
                <button
                  type="button"
                  className="truck-item"
                  data-testid="truck-item"
                  data-delivery-id={truck.id}
                  data-punctuality={truck.punctuality.class}
                  aria-pressed={truck.id === selectedId}
                  onClick={() => onSelect(truck.id)}
                  onMouseEnter={() => onHighlight(truck.id)}
                  onFocus={() => onHighlight(truck.id)}
                  onBlur={() => onHighlight(null)}
                >
                  <span
                    className="truck-item__dot"
                    style={{ background: classCssColor(truck.punctuality.class) }}
                    aria-hidden="true"
                  />
                  <span className="truck-item__plate">{truck.truckPlate ?? truck.id}</span>
                  <span className="truck-item__eta">
                    {truck.punctuality.class === 'at_plant' ? t('list.atPlant') : formatTime(truck.eta)}
                  </span>
                  <span className="truck-item__supplier">{truck.supplierName}</span>
                  <span className="truck-item__late">
                    {late !== null && late > 0 && truck.punctuality.class !== 'at_plant'
                      ? formatLateness(late)
                      : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
