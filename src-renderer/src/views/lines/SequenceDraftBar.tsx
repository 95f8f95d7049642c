import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { usePlantFormat } from '../../format/plantTime';
import type { OrderPlace } from './draftSequence';
import { MetricsCompare } from './MetricsCompare';
import { sequenceChangeText } from './sequenceChangeText';
import type { SequenceDraft } from './useSequenceDraft';

/**
 * The planner's unsaved sequence: what moved, what the server predicts for it (before → after,
 * stoppages after) and Save / Discard. A refused draft shows the server's reason and cannot be saved.
 */
export function SequenceDraftBar({
  draft,
  lineNames,
  places,
}: {
  draft: SequenceDraft;
  lineNames: ReadonlyMap<string, string>;
  places: ReadonlyMap<string, OrderPlace>;
}) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantFormat();
  const { effect, changes } = draft;
  const ready = effect?.state === 'ready' ? effect.value : null;
  const shown = ready ?? (effect?.state === 'evaluating' ? effect.last : null);
  const refused = effect?.state === 'refused' || effect?.state === 'failed' ? effect.message : null;
  const lineName = (id: string) => lineNames.get(id) ?? id;
  return (
    <section
      className={`sequence-draft${refused ? ' sequence-draft--refused' : ''}`}
      data-testid="sequence-draft"
      data-state={effect?.state ?? 'idle'}
      aria-labelledby="sequence-draft-title"
    >
      <div className="sequence-draft__what">
        <h2 id="sequence-draft-title" className="sequence-draft__title">
          {t('draft.title', { count: changes.length })}
        </h2>
        <ol className="sequence-draft__changes">
          {changes.map((change) => (
            <li key={change.orderId}>
              <span className="mono">{change.orderId}</span>{' '}
              <span className="muted">{places.get(change.orderId)?.order.productName}</span>{' '}
              {sequenceChangeText(t, lineName, change)}
            </li>
          ))}
        </ol>
        <p className="sequence-draft__note">{t('draft.previewNote')}</p>
      </div>
      <div
        className="sequence-draft__effect"
        data-testid="draft-effect"
        data-valid={ready ? String(ready.valid) : undefined}
        aria-live="polite"
        aria-busy={effect?.state === 'evaluating'}
      >
        {refused ? (
          <p className="sequence-draft__refused" role="alert">
            <strong>{t(effect?.state === 'refused' ? 'draft.refused' : 'draft.failed')}</strong> {refused}
          </p>
        ) : shown ? (
          <>
            <MetricsCompare
              before={shown.before}
              after={shown.after}
              compact
              beforeLabel={t('draft.plan')}
              afterLabel={t('draft.draft')}
            />
            <p className="sequence-draft__stoppages" data-testid="draft-stoppages">
              {shown.stoppagesAfter.length === 0
                ? t('draft.noStoppages')
                : t('draft.stoppages', {
                    count: shown.stoppagesAfter.length,
                    list: shown.stoppagesAfter
                      .map((stoppage) =>
                        t('draft.stoppageItem', {
                          line: stoppage.lineName,
                          part: stoppage.partId,
                          at: formatTime(stoppage.start),
                          duration: formatMinutes(stoppage.durationMinutes),
                        }),
                      )
                      .join('; '),
                  })}
            </p>
          </>
        ) : (
          <p className="sequence-draft__evaluating">
            <span className="spinner spinner--small" aria-hidden="true" /> {t('draft.evaluating')}
          </p>
        )}
        {draft.saveError ? (
          <p className="sequence-draft__refused" role="alert">
            <strong>{t('draft.saveFailed')}</strong> {draft.saveError}
          </p>
        ) : null}
      </div>
      <div className="sequence-draft__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="draft-save"
          disabled={!ready?.valid || draft.saving}
          onClick={() => void draft.save()}
        >
          {draft.saving ? t('draft.saving') : t('draft.save')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="draft-discard"
          onClick={draft.discard}
          disabled={draft.saving}
        >
          {t('draft.discard')}
        </button>
        {draft.canStepBack ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={draft.stepBack}
            disabled={draft.saving}
          >
            {t('draft.stepBack')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
