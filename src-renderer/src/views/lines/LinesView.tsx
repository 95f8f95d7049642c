import './LinesView.css';
import './Gantt.css';
import './LineMarks.css';
import './Draft.css';
import './Recommendations.css';
import './Parts.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { localeOf } from '../../format/locale';
import { usePlantTime } from '../../format/plantTime';
import { useProcedure } from '../../hooks/useProcedure';
import { timeScale } from '../docks/timeScale';
import { CoverageChart } from './CoverageChart';
import { CriticalParts } from './CriticalParts';
import { type MoveRefusal, orderPlaces } from './draftSequence';
import { GanttBoard, type MoveRequest } from './GanttBoard';
import { LinesLegend } from './LinesLegend';
import { OrderDetails } from './OrderDetails';
import { orderHistory } from './orderHistory';
import { PlanMetrics } from './PlanMetrics';
import { RecommendationPanel } from './RecommendationPanel';
import { formatWeekdayTime } from './reach';
import { SequenceDraftBar } from './SequenceDraftBar';
import { stripTicks } from './stripTicks';
import type { Recommendation } from './types';
import { useBoardModel } from './useBoardModel';
import { usePartCurves } from './usePartCurves';
import { useSequenceDraft } from './useSequenceDraft';
import { storedZoom, storeZoom, type ZoomHours, ZoomSwitch } from './ZoomSwitch';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A little of the past, so the running order's start stays in view. */
const LOOK_BACK = 2 * HOUR;
const LOOK_AHEAD = 48 * HOUR;

/**
 * The planner's desk: per line its next 48 hours with coverage and predicted stoppages, the
 * recommendations to decide, the parts that run short with their coverage curve, and a draft of
 * the planner's own sequence evaluated before it is saved.
 */
export function LinesView() {
  const { t, i18n } = useTranslation('lines');
  const { now, timeZone, formatTime } = usePlantTime();
  const [selectedOrderId, setSelectedOrderId] = useState<string | null>(null);
  const [selectedPartId, setSelectedPartId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [zoomHours, setZoomHours] = useState<ZoomHours>(storedZoom);
  const changeZoom = useCallback((hours: ZoomHours) => {
    storeZoom(hours);
    setZoomHours(hours);
  }, []);
  const chartAnchor = useRef<HTMLDivElement>(null);
  const boardAnchor = useRef<HTMLDivElement>(null);

  const overview = useProcedure(
    'coverage.overview',
    {},
    { refreshOn: ['coverage.changed', 'plant.reset'], minIntervalMs: 1000 },
  );
  const recommendations = useProcedure(
    'recommendations.list',
    {},
    { refreshOn: ['recommendations.changed', 'plant.reset'], minIntervalMs: 500 },
  );
  // Only for what the projection leaves out: when the running orders started, what just finished.
  const lineOverview = useProcedure(
    'lines.overview',
    {},
    { refreshOn: ['orders.changed', 'plant.reset'], minIntervalMs: 5000 },
  );
  const history = useMemo(() => orderHistory(lineOverview.data), [lineOverview.data]);
  const data = overview.data;

  // Bars move by the minute; re-laying them out on every clock tick would buy nothing.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const scale = useMemo(() => timeScale(minute - LOOK_BACK, minute + LOOK_AHEAD), [minute]);
  const ticks = useMemo(
    () => stripTicks(scale.from, scale.to, timeZone, zoomHours === 48 ? 6 : zoomHours === 24 ? 3 : 2),
    [scale, timeZone, zoomHours],
  );
  const chartTicks = useMemo(() => stripTicks(scale.from, scale.to, timeZone), [scale, timeZone]);

  const draft = useSequenceDraft(data?.lines);
  const places = useMemo(() => orderPlaces(data?.lines ?? []), [data]);
  const lineNames = useMemo(() => new Map((data?.lines ?? []).map((line) => [line.id, line.name])), [data]);

  const stoppageParts = useMemo(() => (data?.stoppages ?? []).map((stoppage) => stoppage.partId), [data]);
  const curves = usePartCurves(selectedPartId ? [selectedPartId, ...stoppageParts] : stoppageParts);
  const model = useBoardModel(data, draft, places, curves.curves, scale, history);

  const announce = useCallback((message: string) => {
    // A repeated message is still read out: clear first, then set.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

  const refusalText = useCallback(
    (orderId: string, reason: MoveRefusal, lineId: string) => {
      const line = lineNames.get(lineId) ?? lineId;
      if (reason === 'notEligible' && !model.crossLine) return t('move.sameLineOnly', { order: orderId });
      return t(`move.refused.${reason}`, { order: orderId, line });
    },
    [lineNames, model.crossLine, t],
  );

  const { move } = draft;
  const onMove = useCallback(
    ({ orderId, toLine, toIndex }: MoveRequest): MoveRefusal | null => {
      const result = move(orderId, toLine, toIndex);
      if (!result.ok) {
        announce(refusalText(orderId, result.reason, toLine));
        return result.reason;
      }
      announce(
        t('move.done', {
          order: orderId,
          position: (result.sequence[toLine]?.indexOf(orderId) ?? 0) + 1,
          line: lineNames.get(toLine) ?? toLine,
        }),
      );
      return null;
    },
    [move, announce, refusalText, lineNames, t],
  );
  const onRefuse = useCallback(
    (orderId: string, reason: MoveRefusal, lineId: string) => announce(refusalText(orderId, reason, lineId)),
    [announce, refusalText],
  );

  const openPart = useCallback((partId: string) => {
    setSelectedPartId(partId);
    requestAnimationFrame(() =>
      chartAnchor.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    );
  }, []);
  const selectOrder = useCallback((orderId: string | null) => {
    setSelectedOrderId((current) => (orderId === null || current === orderId ? null : orderId));
  }, []);

  const { open: openDraft } = draft;
  const previewProposal = useCallback(
    (recommendation: Recommendation) => {
      if (recommendation.kind !== 'resequence') return;
      openDraft(recommendation.payload.lines);
      announce(t('draft.opened'));
      // The draft is to be looked at on the board, not under the panel where its button was.
      boardAnchor.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
    [openDraft, announce, t],
  );

  // Leaving the view with a draft would lose it silently: the browser asks first.
  const hasDraft = draft.draft !== null;
  useEffect(() => {
    if (!hasDraft) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasDraft]);

  const selected = useMemo(() => {
    if (!selectedOrderId) return null;
    for (const [lineId, layout] of model.layouts) {
      const placed = layout.placed.find((entry) => entry.order.id === selectedOrderId);
      if (placed) {
        const sequence = draft.draft ?? draft.base;
        return { placed, lineId, position: (sequence[lineId]?.indexOf(selectedOrderId) ?? 0) + 1 };
      }
    }
    return null;
  }, [selectedOrderId, model.layouts, draft.draft, draft.base]);

  return (
    <div className="lines-view" data-testid="lines-view">
      <header className="lines-view__bar">
        <h1 className="lines-view__title">
          {t('title')}
          {data ? (
            <span className="lines-view__subtitle">
              {t('subtitle', {
                until: formatWeekdayTime(data.horizonEnd, timeZone, localeOf(i18n.language)),
                computed: formatTime(data.computedAt),
              })}
            </span>
          ) : null}
        </h1>
        {data ? <PlanMetrics metrics={data.metrics} /> : null}
      </header>
      {overview.error && !data ? (
        <ErrorState error={overview.error} onRetry={overview.refetch} />
      ) : !data ? (
        <LoadingState />
      ) : data.lines.length === 0 ? (
        <EmptyState title={t('empty.title')} text={t('empty.text')} />
      ) : (
        <>
          <div ref={boardAnchor} className="lines-view__legend">
            <LinesLegend />
          </div>
          <GanttBoard
            lines={data.lines}
            layouts={model.layouts}
            stoppagesByLine={model.stoppagesByLine}
            previewStoppages={model.previewStoppages}
            bands={model.bands}
            frozenUntil={model.frozenUntil}
            sequence={draft.draft ?? draft.base}
            places={places}
            crossLine={model.crossLine}
            scale={scale}
            ticks={ticks}
            visibleHours={zoomHours + LOOK_BACK / HOUR}
            corner={<ZoomSwitch hours={zoomHours} onChange={changeZoom} />}
            now={minute}
            selectedOrderId={selectedOrderId}
            selectedPartId={selectedPartId}
            onSelectOrder={selectOrder}
            onOpenPart={openPart}
            onMove={onMove}
            onRefuse={onRefuse}
          />
          {selected ? (
            <OrderDetails
              placed={selected.placed}
              lineName={lineNames.get(selected.lineId) ?? selected.lineId}
              position={selected.position}
              stoppages={model.stoppages}
              lineNames={lineNames}
              onClose={() => setSelectedOrderId(null)}
            />
          ) : null}
          <div className="lines-view__lower">
            <RecommendationPanel
              list={recommendations}
              lineNames={lineNames}
              places={places}
              onPreview={previewProposal}
              onDecided={announce}
            />
            <div className="lines-view__parts" ref={chartAnchor}>
              {selectedPartId ? (
                <CoverageChart
                  partId={selectedPartId}
                  curve={curves.curves.get(selectedPartId)}
                  error={curves.errors.get(selectedPartId)}
                  stoppages={data.stoppages.filter((stoppage) => stoppage.partId === selectedPartId)}
                  from={scale.from}
                  to={scale.to}
                  now={now}
                  ticks={chartTicks}
                  onClose={() => setSelectedPartId(null)}
                  onRetry={curves.refetch}
                />
              ) : null}
              <CriticalParts parts={data.parts} selectedPartId={selectedPartId} onSelect={openPart} />
            </div>
          </div>
        </>
      )}
      {/* Docked at the bottom edge, so opening a draft never shifts the board under the pointer. */}
      {draft.draft ? <SequenceDraftBar draft={draft} lineNames={lineNames} places={places} /> : null}
      <div className="visually-hidden" aria-live="polite" data-testid="lines-announcement">
        {announcement}
      </div>
    </div>
  );
}
