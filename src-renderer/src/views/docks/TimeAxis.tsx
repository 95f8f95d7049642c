import './TimeAxis.css';
import { usePlantFormat } from '../../format/plantTime';
import type { TimeScale } from './timeScale';

/**
 * Hour labels along the top of a timeline; at each plant-local midnight (and at the start) the
 * day is written too, so a three-day view never leaves the reader guessing which day a bar is on.
 */
export function TimeAxis({ scale, ticks }: { scale: TimeScale; ticks: readonly number[] }) {
  const { formatTime, formatDay, dayOf } = usePlantFormat();
  return (
    <div className="time-axis" aria-hidden="true">
      {ticks.map((at, index) => {
        const newDay = index === 0 || dayOf(at) !== dayOf(ticks[index - 1] ?? at);
        return (
          <span
            key={at}
            className={`time-axis__tick${newDay ? ' time-axis__tick--day' : ''}`}
            style={{ left: `${scale.x(at)}%` }}
          >
            {newDay ? <span className="time-axis__day">{formatDay(at)}</span> : null}
            <span className="time-axis__time">{formatTime(at)}</span>
          </span>
        );
      })}
    </div>
  );
}

/** The vertical hour lines behind the rows. */
export function TimeGrid({ scale, ticks }: { scale: TimeScale; ticks: readonly number[] }) {
  return (
    <div className="time-grid" aria-hidden="true">
      {ticks.map((at) => (
        <span key={at} className="time-grid__line" style={{ left: `${scale.x(at)}%` }} />
      ))}
    </div>
  );
}

/** The now-line, drawn over the bars: where the plant clock stands. */
export function NowLine({ scale, now }: { scale: TimeScale; now: number }) {
  const { formatTime } = usePlantFormat();
  const x = scale.x(now);
  if (x < 0 || x > 100) return null;
  return (
    <div className="time-grid time-grid--front" aria-hidden="true">
      <span className="time-grid__now" style={{ left: `${x}%` }} data-testid="now-line">
        <span className="time-grid__now-label">{formatTime(now)}</span>
      </span>
    </div>
  );
}
