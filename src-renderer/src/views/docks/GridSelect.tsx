import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { GRID_MINUTES, type GridMinutes } from './dockTypes';

/** The slot grid a drag snaps to; the plant keeps one setting for everybody (docks.setGridMinutes). */
export function GridSelect({
  value,
  onChanged,
  onError,
}: {
  value: number;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation('docks');
  const id = useId();
  const [saving, setSaving] = useState(false);
  return (
    <span className="dock-grid-select">
      <label htmlFor={id}>{t('grid.label')}</label>
      <select
        id={id}
        className="select"
        data-testid="grid-select"
        value={value}
        disabled={saving}
        onChange={(event) => {
          const minutes = Number(event.target.value) as GridMinutes;
          setSaving(true);
          call('docks.setGridMinutes', { minutes })
            .then(onChanged)
            .catch((error: Error) => onError(error.message))
            .finally(() => setSaving(false));
        }}
      >
        {GRID_MINUTES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {t('grid.option', { minutes })}
          </option>
        ))}
      </select>
    </span>
  );
}
