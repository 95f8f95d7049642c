import { coversInterval, type OpeningWindow, plantWeekMinute } from '../openingHours';

// Whether a door is open for a whole slot window, in plant time. A window may cross local
// midnight (23:45–00:15): each side of midnight must be covered by that day's opening hours.
// Minutes are read as local wall-clock minutes at each end, so a window across a daylight-saving
// change is judged by the clock on the wall.

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export function openForWindow(
  hours: readonly OpeningWindow[],
  start: number,
  end: number,
  timeZone: string,
): boolean {
  if (end <= start) return false;
  let from = start;
  // A slot spans a few hours at most; the guard only stops a malformed window from looping.
  for (let guard = 0; guard < 14 && from < end; guard++) {
    const local = plantWeekMinute(from, timeZone);
    const toMidnight = Math.round((DAY_MINUTES - local.minute) * MINUTE);
    const pieceEnd = Math.min(end, from + toMidnight);
    const last = plantWeekMinute(pieceEnd, timeZone);
    // The piece's end in local minutes of the start's day (1440 at midnight).
    const endMinute = pieceEnd === from + toMidnight ? DAY_MINUTES : last.minute;
    const startMinute = local.minute;
    if (endMinute > startMinute) {
      if (!coversInterval(hours, local.weekday, startMinute, endMinute)) return false;
    } else if (!coversInterval(hours, local.weekday, startMinute, startMinute + (pieceEnd - from) / MINUTE)) {
      return false;
    }
    from = pieceEnd;
  }
  return from >= end;
}
