import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePlantFormat } from '../../format/plantTime';
import type { ProcedureState } from '../../hooks/useProcedure';
import type { OrderPlace } from './draftSequence';
import { RecommendationCard, useSentence } from './RecommendationCard';
import type { Recommendation, Recommendations } from './types';

function HistoryEntry({ recommendation }: { recommendation: Recommendation }) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantFormat();
  const sentence = useSentence(recommendation);
  return (
    <li className="recommendation-history__entry" data-status={recommendation.status}>
      <span
        className={`recommendation-history__status recommendation-history__status--${recommendation.status}`}
      >
        {t(`recommendations.status.${recommendation.status}`)}
      </span>
      <span className="recommendation-history__time">
        {formatTime(recommendation.decidedAt ?? recommendation.createdAt)}
      </span>
      <span className="recommendation-history__sentence">{sentence}</span>
      {recommendation.reason ? (
        <span className="recommendation-history__reason">
          {t('recommendations.reason', { reason: recommendation.reason })}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The proposals to decide: open ones with apply and reject, the last applied one with undo, and
 * what was decided in the last day. Everything refetches on recommendations.changed.
 */
export function RecommendationPanel({
  list,
  lineNames,
  places,
  onPreview,
  onDecided,
}: {
  list: ProcedureState<Recommendations>;
  lineNames: ReadonlyMap<string, string>;
  places: ReadonlyMap<string, OrderPlace>;
  onPreview: (recommendation: Recommendation) => void;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation('lines');
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [computing, setComputing] = useState(false);
  const [computeError, setComputeError] = useState<string | null>(null);

  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    setBusy(id);
    setErrors(({ [id]: _dropped, ...rest }) => rest);
    try {
      await action();
      onDecided(done);
      list.refetch();
    } catch (error) {
      setErrors((previous) => ({
        ...previous,
        [id]: error instanceof ApiCallError ? error.message : String(error),
      }));
    } finally {
      setBusy(null);
    }
  };

  const compute = async () => {
    setComputing(true);
    setComputeError(null);
    try {
      await call('recommendations.compute', {});
      list.refetch();
    } catch (error) {
      setComputeError(error instanceof ApiCallError ? error.message : String(error));
    } finally {
      setComputing(false);
    }
  };

  const open = list.data?.open ?? [];
  const recent = list.data?.recent ?? [];
  const lastApplied = recent.find((entry) => entry.status === 'applied') ?? null;
  const history = recent.filter((entry) => entry !== lastApplied);

  return (
    <section
      className="panel recommendation-panel"
      data-testid="recommendation-panel"
      aria-labelledby="recommendations-title"
    >
      <header className="panel__head recommendation-panel__head">
        <h2 id="recommendations-title" className="panel__title">
          {t('recommendations.title')}
          {open.length > 0 ? <span className="recommendation-panel__count">{open.length}</span> : null}
        </h2>
        <button
          type="button"
          className="button"
          data-testid="recommendations-compute"
          onClick={() => void compute()}
          disabled={computing}
          aria-busy={computing}
        >
          {computing ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
          {computing ? t('recommendations.computing') : t('recommendations.compute')}
        </button>
      </header>
      <div className="recommendation-panel__body" aria-busy={computing}>
        {computeError ? (
          <p className="recommendation__error" role="alert">
            {computeError}
          </p>
        ) : null}
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.refetch} />
        ) : !list.data ? (
          <LoadingState />
        ) : open.length === 0 ? (
          <p className="recommendation-panel__none">{t('recommendations.none')}</p>
        ) : (
          open.map((recommendation) => (
            <RecommendationCard
              key={recommendation.id}
              recommendation={recommendation}
              lineNames={lineNames}
              places={places}
              actions={['apply', 'reject']}
              busy={busy === recommendation.id}
              error={errors[recommendation.id] ?? null}
              onApply={(id) =>
                void run(id, () => call('recommendations.apply', { id }), t('recommendations.applied'))
              }
              onReject={(id, reason) =>
                void run(
                  id,
                  () => call('recommendations.reject', { id, reason }),
                  t('recommendations.rejected'),
                )
              }
              onPreview={onPreview}
            />
          ))
        )}
        {lastApplied ? (
          <div className="recommendation-panel__applied">
            <h3 className="recommendation-panel__subtitle">{t('recommendations.lastApplied')}</h3>
            <RecommendationCard
              recommendation={lastApplied}
              lineNames={lineNames}
              places={places}
              actions={['undo']}
              busy={busy === lastApplied.id}
              error={errors[lastApplied.id] ?? null}
              onUndo={(id) =>
                void run(id, () => call('recommendations.undo', { id }), t('recommendations.undone'))
              }
            />
          </div>
        ) : null}
        {history.length > 0 ? (
          <details className="recommendation-history">
            <summary>{t('recommendations.history', { count: history.length })}</summary>
            <ul>
              {history.map((entry) => (
                <HistoryEntry key={entry.id} recommendation={entry} />
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}
