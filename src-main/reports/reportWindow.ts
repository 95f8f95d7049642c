import { fromLocal, localDayRange } from '../domain/plantTime';

// The time a report covers: a plant-local day, or one shift that starts on that day. A shift whose
// end minute is not after its start minute runs over midnight into the next day (the night shift
// of the 27th ends on the 28th at 06:00). Daylight-saving changes make days 23 or 25 hours long
// and a night shift one hour shorter or longer; the window is always [start, end) in UTC.

export interface ShiftDefinition {
  id: string;
  name: string;
  startMinute: number;
  endMinute: number;
}

export interface ReportWindow {
  day: string;
  shift: ShiftDefinition | null;
  start: number;
  end: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayParts(day: string): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a day of the form YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The calendar day after `day` ("2026-12-31" → "2027-01-01"). */
export function nextDay(day: string): string {
  const [year, month, date] = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The calendar day before `day`. */
export function previousDay(day: string): string {
  const [year, month, date] = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

export const runsOverMidnight = (shift: ShiftDefinition) => shift.endMinute <= shift.startMinute;

/** The plant-local wall-clock minute `minute` of `day`, as a UTC instant. */
function atMinute(day: string, minute: number, timeZone: string): number {
  const [year, month, date] = dayParts(day);
  return fromLocal(year, month, date, Math.floor(minute / 60), minute % 60, timeZone);
}

export function shiftWindow(day: string, shift: ShiftDefinition, timeZone: string): ReportWindow {
  const endDay = runsOverMidnight(shift) ? nextDay(day) : day;
  return {
    day,
    shift,
    start: atMinute(day, shift.startMinute, timeZone),
    end: atMinute(endDay, shift.endMinute, timeZone),
  };
}

export function dayWindow(day: string, timeZone: string): ReportWindow {
  return { day, shift: null, ...localDayRange(day, timeZone) };
}
