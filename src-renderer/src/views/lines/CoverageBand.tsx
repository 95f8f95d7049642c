import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlantFormat } from '../../format/plantTime';
import type { TimeScale } from '../docks/timeScale';
import type { BandSegment } from './coverageBand';

/** Under each line: green while its material is covered, amber below safety stock, red when it stops. */
export const CoverageBand = memo(function CoverageBand({
  segments,
  scale,
  lineName,
}: {
  segments: readonly BandSegment[];
  scale: TimeScale;
  lineName: string;
}) {
  const { t } = useTranslation('lines');
  const { formatTime } = usePlantFormat();
  const worst = segments.some((segment) => segment.tone === 'stop')
    ? 'stop'
    : segments.some((segment) => segment.tone === 'low')
      ? 'low'
      : 'covered';
  const described = segments
    .filter((segment) => segment.tone === 'stop' || segment.tone === 'low')
    .map((segment) =>
      t(`band.${segment.tone}Span`, { from: formatTime(segment.from), to: formatTime(segment.to) }),
    );
  return (
    <div
      className="coverage-band"
      data-testid="coverage-band"
      data-state={worst}
      role="img"
      aria-label={[t(`band.summary.${worst}`, { line: lineName }), ...described].join(' ')}
    >
      {segments
        .filter((segment) => segment.tone !== 'idle')
        .map((segment) => (
          <span
            key={`${segment.from}-${segment.tone}`}
            className={`coverage-band__segment coverage-band__segment--${segment.tone}`}
            data-tone={segment.tone}
            style={{ left: `${scale.x(segment.from)}%`, width: `${scale.width(segment.from, segment.to)}%` }}
            title={t(`band.${segment.tone}Span`, {
              from: formatTime(segment.from),
              to: formatTime(segment.to),
            })}
          />
        ))}
    </div>
  );
});
