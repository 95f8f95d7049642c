import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { classCssColor, MAP_CLASSES, type MapClass } from '../../components/map/truckClasses';

export interface MapLegendProps {
  counts: Readonly<Record<MapClass, number>>;
  hidden: ReadonlySet<MapClass>;
  onToggle: (value: MapClass) => void;
}

/** Colours, counts per class, and the filter: each entry switches its class on the map and list. */
export const MapLegend = memo(function MapLegend({ counts, hidden, onToggle }: MapLegendProps) {
  const { t } = useTranslation('map');
  return (
    <section className="map-legend" data-testid="map-legend" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title" className="map-side__heading">
        {t('legend.title')}
      </h2>
      <ul className="map-legend__list">
        {MAP_CLASSES.map((value) => {
          const shown = !hidden.has(value);
          return (
            <li key={value}>
              <button
                type="button"
                className="map-legend__entry"
                aria-pressed={shown}
                data-class={value}
                title={t(shown ? 'legend.hide' : 'legend.show')}
                onClick={() => onToggle(value)}
              >
                <span
                  className="map-legend__swatch"
                  style={{ background: classCssColor(value) }}
                  aria-hidden="true"
                />
                <span className="map-legend__label">{t(`class.${value}`)}</span>
                <span className="map-legend__count" data-testid={`legend-count-${value}`}>
                  {counts[value]}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
