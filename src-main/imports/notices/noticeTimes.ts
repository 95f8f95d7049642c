import { fromLocal } from '../../domain/plantTime';

// Times written by people and spreadsheets: ISO 8601 with an offset (or Z), or the plant's own
// wall-clock time "2026-11-27 14:30" (also with a T, or with seconds).

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function parsePlantTime(value: string, timeZone: string): number | null {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const at = Date.parse(text);
    return Number.isFinite(at) ? at : null;
  }
  const match = LOCAL.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1) as string[];
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return null;
  return fromLocal(y, mo, d, h, mi, timeZone) + s * 1000;
}
