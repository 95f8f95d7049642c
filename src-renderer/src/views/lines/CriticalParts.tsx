import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../format/duration';
import { localeOf } from '../../format/locale';
import { useNumberFormat } from '../../format/numbers';
import { usePlantTime } from '../../format/plantTime';
import { formatWeekdayTime, minutesUntil } from './reach';
import type { CoveragePart } from './types';

/** Runs out first, first; parts covered beyond the horizon last, emptiest against safety stock first. */
export function byCoverage(a: CoveragePart, b: CoveragePart): number {
  if (a.coverageUntil !== null && b.coverageUntil !== null) return a.coverageUntil - b.coverageUntil;
  if (a.coverageUntil !== null) return -1;
  if (b.coverageUntil !== null) return 1;
  return a.onHand / Math.max(1, a.safetyStock) - b.onHand / Math.max(1, b.safetyStock);
}

const needsAttention = (part: CoveragePart) =>
  part.critical || part.coverageUntil !== null || part.onHand < part.safetyStock;

/** "bis Fr 14:20 (3 h 10 min)": how far a part's stock and arriving supply reach. */
export function useReachText() {
  const { t, i18n } = useTranslation('lines');
  const { now, timeZone } = usePlantTime();
  return (coverageUntil: number | null) => {
    if (coverageUntil === null) return t('parts.coveredBeyond');
    const left = minutesUntil(coverageUntil, now);
    if (left <= 0) {
      const out = Math.floor((now - coverageUntil) / 60_000);
      return out < 1 ? t('parts.outNow') : t('parts.outSince', { duration: formatMinutes(out) });
    }
    return t('parts.reach', {
      when: formatWeekdayTime(coverageUntil, timeZone, localeOf(i18n.language)),
      duration: formatMinutes(left),
    });
  };
}

/**
 * The parts that will run out within the horizon (Reichweite), soonest first, then those below
 * safety stock. Choosing one opens its coverage curve.
 */
export function CriticalParts({
  parts,
  selectedPartId,
  onSelect,
}: {
  parts: readonly CoveragePart[];
  selectedPartId: string | null;
  onSelect: (partId: string) => void;
}) {
  const { t } = useTranslation('lines');
  const { formatNumber } = useNumberFormat();
  const reach = useReachText();
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => [...parts].sort(byCoverage), [parts]);
  const attention = sorted.filter(needsAttention);
  const shown = showAll ? sorted : attention;
  return (
    <section className="panel critical-parts" aria-labelledby="critical-parts-title">
      <header className="panel__head">
        <h2 id="critical-parts-title" className="panel__title">
          {t('parts.title')}
        </h2>
        <span className="panel__meta">
          {t('parts.meta', { count: attention.length, total: parts.length })}
        </span>
      </header>
      {shown.length === 0 ? (
        <p className="critical-parts__none">{t('parts.none')}</p>
      ) : (
        <ul className="critical-parts__list">
          {shown.map((part) => {
            const share = part.safetyStock > 0 ? Math.min(1.5, part.onHand / part.safetyStock) : 1.5;
            const tone = part.critical
              ? 'bad'
              : part.coverageUntil !== null || part.onHand < part.safetyStock
                ? 'warn'
                : 'ok';
            return (
              <li key={part.id}>
                <button
                  type="button"
                  className={`critical-part critical-part--${tone}`}
                  data-testid="critical-part"
                  data-part-id={part.id}
                  aria-pressed={part.id === selectedPartId}
                  onClick={() => onSelect(part.id)}
                >
                  <span className="critical-part__id mono">{part.id}</span>
                  <span className="critical-part__description">{part.description}</span>
                  <span className="critical-part__reach" data-testid="part-reach">
                    {part.critical ? (
                      <span className="critical-part__flag">{t('parts.shortage')}</span>
                    ) : null}
                    {reach(part.coverageUntil)}
                  </span>
                  <span className="critical-part__stock">
                    <span
                      className="critical-part__meter"
                      role="img"
                      aria-label={t('parts.stockLabel', {
                        onHand: formatNumber(part.onHand),
                        safety: formatNumber(part.safetyStock),
                        unit: part.unit,
                      })}
                    >
                      <span className="critical-part__fill" style={{ width: `${(share / 1.5) * 100}%` }} />
                      <span className="critical-part__safety" style={{ left: `${100 / 1.5}%` }} />
                    </span>
                    <span className="critical-part__numbers num">
                      {formatNumber(part.onHand)} / {formatNumber(part.safetyStock)} {part.unit}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {sorted.length > attention.length ? (
        <button
          type="button"
          className="button button--ghost critical-parts__toggle"
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('parts.showAttention') : t('parts.showAll', { count: sorted.length })}
        </button>
      ) : null}
    </section>
  );
}
