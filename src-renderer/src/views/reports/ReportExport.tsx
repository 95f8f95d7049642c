import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { useProcedure } from '../../hooks/useProcedure';
import { downloadFile } from './downloadFile';
import type { ExportRequest, ShiftRow } from './types';

type Variant = { id: string; format: ExportRequest['format']; delimiter?: ',' | ';' };

const VARIANTS: readonly Variant[] = [
  { id: 'xlsx', format: 'xlsx' },
  { id: 'csv', format: 'csv', delimiter: ',' },
  { id: 'csvSemicolon', format: 'csv', delimiter: ';' },
  { id: 'pdf', format: 'pdf' },
];

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function shiftLabel(shift: ShiftRow): string {
  return `${shift.name} ${clock(shift.startMinute)}–${clock(shift.endMinute)}`;
}

/** The supervisor's end-of-shift job: pick the day or a shift of it, download the report. */
export function ReportExport({ day }: { day: string }) {
  const { t, i18n } = useTranslation('reports');
  const shifts = useProcedure('reports.shifts', {}, { refreshOn: ['plant.reset'] });
  const [shiftId, setShiftId] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportReport(variant: Variant) {
    setBusy(variant.id);
    setError(null);
    try {
      const file = await call('reports.export', {
        day,
        format: variant.format,
        ...(shiftId ? { shiftId } : {}),
        ...(variant.delimiter ? { delimiter: variant.delimiter } : {}),
        language: i18n.language.startsWith('en') ? 'en' : 'de',
      });
      downloadFile(file);
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section
      className="panel report-export"
      aria-labelledby="report-export-title"
      data-testid="report-export"
    >
      <header className="panel__head">
        <h2 className="panel__title" id="report-export-title">
          {t('export.title')}
        </h2>
        <span className="panel__meta">{t('export.meta')}</span>
      </header>
      <div className="panel__body report-export__body">
        <label className="report-field">
          <span className="report-field__label">{t('export.scope')}</span>
          <select
            className="select"
            value={shiftId}
            onChange={(event) => setShiftId(event.target.value)}
            data-testid="report-shift"
          >
            <option value="">{t('export.wholeDay')}</option>
            {(shifts.data ?? []).map((shift) => (
              <option key={shift.id} value={shift.id}>
                {shiftLabel(shift)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="report-export__buttons">
          <legend className="visually-hidden">{t('export.formats')}</legend>
          {VARIANTS.map((variant) => (
            <button
              key={variant.id}
              type="button"
              className="button"
              disabled={busy !== null}
              aria-busy={busy === variant.id}
              title={t(`export.hint.${variant.id}`)}
              onClick={() => void exportReport(variant)}
              data-testid={`report-export-${variant.id}`}
            >
              {busy === variant.id ? t('export.working') : t(`export.format.${variant.id}`)}
            </button>
          ))}
        </fieldset>
        {error ? (
          <p className="report-export__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
