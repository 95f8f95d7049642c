import { useTranslation } from 'react-i18next';
import type { StatusTone } from '../../components/statusTones';
import { formatMinutes } from '../../format/duration';
import { useNumberFormat } from '../../format/numbers';
import { onTimeTone } from './onTimeRating';
import type { Scorecard } from './types';

/** Slot adherence is judged more strictly than on-time (early counts against it): a lower bar. */
const ADHERENCE_TARGET = 0.8;
const EXACT_LINES_TARGET = 0.95;

function rateTone(rate: number | null, target: number): StatusTone | undefined {
  if (rate === null) return undefined;
  if (rate >= target) return 'ok';
  return rate >= target - 0.1 ? 'warn' : 'bad';
}

function Tile({
  name,
  label,
  value,
  notes,
  tone,
}: {
  name: string;
  label: string;
  value: string;
  notes: string[];
  tone?: StatusTone | undefined;
}) {
  return (
    <div className={`kpi scorecard-tile${tone ? ` kpi--${tone}` : ''}`} data-testid={`scorecard-${name}`}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value" data-testid={`scorecard-${name}-value`}>
        {value}
      </span>
      {notes.map((note) => (
        <span key={note} className="kpi__note">
          {note}
        </span>
      ))}
    </div>
  );
}

/** The scorecard in five figures: on time, in slot, notice accuracy, delay, production impact. */
export function ScorecardTiles({ scorecard }: { scorecard: Scorecard }) {
  const { t } = useTranslation('partners');
  const { formatPercent } = useNumberFormat();
  const p = scorecard.punctuality;
  const notice = scorecard.noticeAccuracy;
  const impact = scorecard.productionImpact;
  const tolerance = scorecard.toleranceMinutes;
  const impactTone: StatusTone =
    impact.causedMinutes > 0 ? 'bad' : impact.threatenedMinutes > 0 ? 'warn' : 'ok';
  return (
    <section className="kpis scorecard-tiles" aria-label={t('scorecard.tiles')}>
      <Tile
        name="onTime"
        label={t('scorecard.onTime')}
        value={formatPercent(p.onTimeRate)}
        tone={p.onTimeRate === null ? undefined : onTimeTone(p.onTimeRate)}
        notes={
          p.due === 0
            ? [t('scorecard.noneDue')]
            : [
                t('scorecard.onTimeNote', { onTime: p.onTime, due: p.due, tolerance }),
                ...(p.overdue > 0 ? [t('scorecard.overdueNote', { count: p.overdue })] : []),
              ]
        }
      />
      <Tile
        name="slotAdherence"
        label={t('scorecard.slotAdherence')}
        value={formatPercent(p.slotAdherenceRate)}
        tone={rateTone(p.slotAdherenceRate, ADHERENCE_TARGET)}
        notes={
          p.due === 0
            ? [t('scorecard.noneDue')]
            : [
                t('scorecard.slotAdherenceNote', { inSlot: p.inSlot, due: p.due, tolerance }),
                t('scorecard.earlyLateNote', { early: p.early, late: p.late }),
              ]
        }
      />
      <Tile
        name="noticeAccuracy"
        label={t('scorecard.noticeAccuracy')}
        value={notice ? formatPercent(notice.exactLineRate) : '–'}
        tone={notice ? rateTone(notice.exactLineRate, EXACT_LINES_TARGET) : undefined}
        notes={
          notice === null
            ? [t('scorecard.noticeCarrier')]
            : notice.lines === 0
              ? [t('scorecard.noticeNone')]
              : [
                  t('scorecard.noticeNote', { exact: notice.exactLines, lines: notice.lines }),
                  t('scorecard.fillRateNote', {
                    fillRate: formatPercent(notice.fillRate),
                    short: notice.shortLines,
                    over: notice.overLines,
                  }),
                ]
        }
      />
      <Tile
        name="delay"
        label={t('scorecard.delay')}
        value={formatMinutes(p.averageDelayMinutes)}
        tone={p.late === 0 ? (p.arrived > 0 ? 'ok' : undefined) : undefined}
        notes={
          p.arrived === 0
            ? [t('scorecard.noneArrived')]
            : [
                t('scorecard.delayNote', { count: p.arrived }),
                p.late > 0
                  ? t('scorecard.lateDelayNote', {
                      minutes: formatMinutes(p.averageLateDelayMinutes),
                      count: p.late,
                    })
                  : t('scorecard.noLateNote'),
              ]
        }
      />
      <Tile
        name="impact"
        label={t('scorecard.impact')}
        value={formatMinutes(impact.causedMinutes)}
        tone={impactTone}
        notes={[
          t('scorecard.causedNote', { count: impact.causedStoppages }),
          impact.threatenedStoppages > 0
            ? t('scorecard.threatenedNote', {
                minutes: formatMinutes(impact.threatenedMinutes),
                count: impact.threatenedStoppages,
              })
            : t('scorecard.threatenedNone'),
        ]}
      />
    </section>
  );
}
