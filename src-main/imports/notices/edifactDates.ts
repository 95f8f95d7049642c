import { fromLocal } from '../../domain/plantTime';

// DTM values (C507: qualifier, value, format 2379). EDIFACT times carry no zone: they are read
// as the plant's local time, which is what suppliers to one plant write in practice.

export type DateResult = { ok: true; at: number } | { ok: false; message: string };

const FORMATS: Record<string, RegExp> = {
  '102': /^(\d{4})(\d{2})(\d{2})$/,
  '203': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  '204': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  // Ranges: the start of the range is the moment the notice promises.
  '718': /^(\d{4})(\d{2})(\d{2})-\d{8}$/,
  '719': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})-\d{12}$/,
};

export const DATE_FORMATS = Object.keys(FORMATS);

function validLocal(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days && year >= 1970 && year <= 2200;
}

/** Parses a DTM value in format 102, 203, 204, 718 or 719 as plant-local time. */
export function parseEdifactDate(value: string, format: string, timeZone: string): DateResult {
  const pattern = FORMATS[format || '102'];
  if (!pattern) {
    return {
      ok: false,
      message: `date format "${format}" is not understood (use ${DATE_FORMATS.join(', ')})`,
    };
  }
  const match = pattern.exec(value);
  if (!match) return { ok: false, message: `"${value}" is not a date in format ${format || '102'}` };
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number) as number[];
  if (!validLocal(year!, month!, day!, hour, minute, second)) {
    return { ok: false, message: `"${value}" is not a real date or time` };
  }
  return { ok: true, at: fromLocal(year!, month!, day!, hour, minute, timeZone) + second * 1000 };
}
