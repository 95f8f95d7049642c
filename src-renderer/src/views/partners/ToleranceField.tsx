import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';

const MAX_MINUTES = 120;

/**
 * The plant-wide tolerance around slot windows. It changes every partner's scorecard, so it is
 * saved explicitly (button or Enter), never on each keystroke.
 */
export function ToleranceField({ minutes, onSaved }: { minutes: number; onSaved: () => void }) {
  const { t } = useTranslation('partners');
  const id = useId();
  const [draft, setDraft] = useState(String(minutes));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(String(minutes)), [minutes]);

  const value = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_MINUTES;
  const changed = valid && value !== minutes;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    setSaving(true);
    setError(null);
    try {
      await call('partners.setTolerance', { minutes: value });
      // Other views follow settings.changed at their pace; this one shows the effect at once.
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="tolerance" onSubmit={save} data-testid="scorecard-tolerance">
      <label htmlFor={id} className="tolerance__label">
        {t('tolerance.label')}
      </label>
      <span className="tolerance__field">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          className="input tolerance__input"
          min={0}
          max={MAX_MINUTES}
          step={1}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setDraft(event.target.value)}
          data-testid="scorecard-tolerance-input"
        />
        <span className="tolerance__unit" aria-hidden="true">
          min
        </span>
      </span>
      <span id={`${id}-hint`} className="visually-hidden">
        {t('tolerance.hint', { max: MAX_MINUTES })}
      </span>
      {changed ? (
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('tolerance.save')}
        </button>
      ) : null}
      {!valid ? (
        <span className="tolerance__error" role="alert">
          {t('tolerance.invalid', { max: MAX_MINUTES })}
        </span>
      ) : null}
      {error ? (
        <span className="tolerance__error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
