import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../format/locale';
import { useNumberFormat } from '../../format/numbers';
import { usePlantFormat, usePlantToday } from '../../format/plantTime';
import type { OrderPlace } from './draftSequence';
import { MetricsCompare } from './MetricsCompare';
import { formatWeekdayTime } from './reach';
import { recommendationSentence } from './recommendationSentence';
import { sequenceChangeText } from './sequenceChangeText';
import type { Recommendation } from './types';

export type CardAction = 'apply' | 'reject' | 'undo';

export interface RecommendationCardProps {
  recommendation: Recommendation;
  lineNames: ReadonlyMap<string, string>;
  places: ReadonlyMap<string, OrderPlace>;
  /** Which of apply / reject / undo this card offers. */
  actions: readonly CardAction[];
  busy: boolean;
  error: string | null;
  onApply?: (id: string) => void;
  onReject?: (id: string, reason: string) => void;
  onUndo?: (id: string) => void;
  onPreview?: (recommendation: Recommendation) => void;
}

/** The sentence in the interface language, with plant-local times. */
export function useSentence(recommendation: Recommendation): string {
  const { t, i18n } = useTranslation('lines');
  const { timeZone, formatTime, dayOf } = usePlantFormat();
  const today = usePlantToday();
  const { formatNumber } = useNumberFormat();
  return recommendationSentence(t, recommendation.sentence, {
    formatWhen: (ms) =>
      dayOf(ms) === today ? formatTime(ms) : formatWeekdayTime(ms, timeZone, localeOf(i18n.language)),
    formatNumber: (value) => formatNumber(value),
  });
}

function RejectForm({
  busy,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('lines');
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => field.current?.focus(), []);
  const valid = reason.trim().length > 0;
  return (
    <form
      className="reject-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onConfirm(reason.trim());
      }}
    >
      <label htmlFor={id} className="reject-form__label">
        {t('recommendations.rejectReason')}
      </label>
      <textarea
        id={id}
        ref={field}
        className="input reject-form__field"
        data-testid="reject-reason"
        value={reason}
        maxLength={500}
        rows={2}
        required
        placeholder={t('recommendations.rejectPlaceholder')}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && valid) {
            event.preventDefault();
            onConfirm(reason.trim());
          }
        }}
      />
      <div className="reject-form__actions">
        <button
          type="submit"
          className="button button--danger"
          data-testid="reject-confirm"
          disabled={!valid || busy}
        >
          {t('recommendations.rejectConfirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('recommendations.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One proposal: what to do in one sentence, its effect before and after, the orders it moves. */
export function RecommendationCard({
  recommendation,
  lineNames,
  places,
  actions,
  busy,
  error,
  onApply,
  onReject,
  onUndo,
  onPreview,
}: RecommendationCardProps) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantFormat();
  const sentence = useSentence(recommendation);
  const [rejecting, setRejecting] = useState(false);
  const headingId = useId();
  const lineName = (id: string) => lineNames.get(id) ?? id;
  return (
    <article
      className={`recommendation recommendation--${recommendation.status}`}
      data-testid="recommendation"
      data-id={recommendation.id}
      data-kind={recommendation.kind}
      data-status={recommendation.status}
      aria-labelledby={headingId}
    >
      <header className="recommendation__head">
        <span className={`recommendation__kind recommendation__kind--${recommendation.kind}`}>
          {t(`recommendations.kind.${recommendation.kind}`)}
        </span>
        <span className="recommendation__time">
          {recommendation.decidedAt !== null
            ? t(`recommendations.decided.${recommendation.status}`, {
                time: formatTime(recommendation.decidedAt),
              })
            : t('recommendations.created', { time: formatTime(recommendation.createdAt) })}
        </span>
      </header>
      <p id={headingId} className="recommendation__sentence" data-testid="recommendation-sentence">
        {sentence}
      </p>
      <MetricsCompare before={recommendation.before} after={recommendation.after} />
      {recommendation.changes.length > 0 ? (
        <details className="recommendation__changes" open={recommendation.changes.length <= 3}>
          <summary>{t('recommendations.changes', { count: recommendation.changes.length })}</summary>
          <ol>
            {recommendation.changes.map((change) => (
              <li key={change.orderId}>
                <span className="mono">{change.orderId}</span>{' '}
                <span className="muted">{places.get(change.orderId)?.order.productName ?? ''}</span>
                <span className="recommendation__move">{sequenceChangeText(t, lineName, change)}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {recommendation.reason ? (
        <p className="recommendation__reason">
          {t('recommendations.reason', { reason: recommendation.reason })}
        </p>
      ) : null}
      {error ? (
        <p className="recommendation__error" role="alert">
          {error}
        </p>
      ) : null}
      {rejecting && onReject ? (
        <RejectForm
          busy={busy}
          onConfirm={(reason) => onReject(recommendation.id, reason)}
          onCancel={() => setRejecting(false)}
        />
      ) : actions.length > 0 ? (
        <div className="recommendation__actions">
          {actions.includes('apply') && onApply ? (
            <button
              type="button"
              className="button button--primary"
              data-testid="recommendation-apply"
              disabled={busy}
              onClick={() => onApply(recommendation.id)}
            >
              {t('recommendations.apply')}
            </button>
          ) : null}
          {actions.includes('reject') && onReject ? (
            <button
              type="button"
              className="button"
              data-testid="recommendation-reject"
              disabled={busy}
              onClick={() => setRejecting(true)}
            >
              {t('recommendations.reject')}
            </button>
          ) : null}
          {actions.includes('apply') && onPreview && recommendation.kind === 'resequence' ? (
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() => onPreview(recommendation)}
            >
              {t('recommendations.preview')}
            </button>
          ) : null}
          {actions.includes('undo') && onUndo ? (
            <button
              type="button"
              className="button"
              data-testid="recommendation-undo"
              disabled={busy}
              onClick={() => onUndo(recommendation.id)}
            >
              {t('recommendations.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
