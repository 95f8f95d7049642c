import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerOption, TruckFilter } from './useMapFilter';

export interface MapFiltersProps {
  filter: TruckFilter;
  onChange: (filter: TruckFilter) => void;
  suppliers: readonly PartnerOption[];
  carriers: readonly PartnerOption[];
  criticalCount: number;
}

/** Supplier, carrier and "critical only": which trucks the map and the list show. */
export const MapFilters = memo(function MapFilters({
  filter,
  onChange,
  suppliers,
  carriers,
  criticalCount,
}: MapFiltersProps) {
  const { t } = useTranslation('map');
  return (
    <fieldset className="map-filters">
      <legend className="map-side__heading">{t('filters.title')}</legend>
      <label className="map-filters__field">
        <span>{t('truck.supplier')}</span>
        <select
          data-testid="filter-supplier"
          value={filter.supplierId ?? ''}
          onChange={(event) => onChange({ ...filter, supplierId: event.target.value || null })}
        >
          <option value="">{t('filters.all')}</option>
          {suppliers.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </select>
      </label>
      <label className="map-filters__field">
        <span>{t('truck.carrier')}</span>
        <select
          data-testid="filter-carrier"
          value={filter.carrierId ?? ''}
          onChange={(event) => onChange({ ...filter, carrierId: event.target.value || null })}
        >
          <option value="">{t('filters.all')}</option>
          {carriers.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </select>
      </label>
      <label className="map-filters__critical" title={t('filters.criticalHint')}>
        <input
          type="checkbox"
          data-testid="filter-critical"
          checked={filter.criticalOnly}
          onChange={(event) => onChange({ ...filter, criticalOnly: event.target.checked })}
        />
        <span>{t('filters.critical', { count: criticalCount })}</span>
      </label>
    </fieldset>
  );
});
