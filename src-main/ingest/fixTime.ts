// The time of a position fix as OsmAnd-protocol clients send it. Traccar's own decoder is the
// reference: digits are Unix seconds below 2^31 and Unix milliseconds above; anything with a 'T'
// is ISO 8601; and `yyyy-MM-dd HH:mm:ss` is the OsmAnd app's own format (read as UTC here, where
// Traccar would take its server's zone: a plant's ingest must not depend on the zone of its PC).

/** Traccar's threshold: a count of seconds fits a signed 32-bit integer until 2038. */
const SECONDS_LIMIT = 2_147_483_647;
/** Nothing before this is a real GPS fix of a delivery; it catches zeros and swapped fields. */
export const EARLIEST_FIX = Date.UTC(2000, 0, 1);

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OSMAND_LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Date.UTC that refuses what it would silently roll over (31 February, 25 o'clock). */
function exactUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(at);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return at;
}

function zoneOffsetMs(zone: string | undefined): number | null {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Epoch milliseconds of a fix time, or null when the text is none of the accepted forms. */
export function parseFixTime(raw: string | number): number | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return null;
    return Math.round(raw < SECONDS_LIMIT ? raw * 1000 : raw);
  }
  const text = raw.trim();
  if (/^\d{1,16}$/.test(text)) {
    const value = Number(text);
    return value < SECONDS_LIMIT ? value * 1000 : value;
  }
  if (/^\d{1,10}\.\d{1,6}$/.test(text)) return Math.round(Number(text) * 1000);
  const iso = ISO_8601.exec(text);
  if (iso) {
    const fraction = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    const local = exactUtc(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4]),
      Number(iso[5]),
      Number(iso[6] ?? '0'),
      fraction,
    );
    const offset = zoneOffsetMs(iso[8]);
    return local === null || offset === null ? null : local - offset;
  }
  const plain = OSMAND_LOCAL.exec(text);
  if (plain) {
    return exactUtc(
      Number(plain[1]),
      Number(plain[2]),
      Number(plain[3]),
      Number(plain[4]),
      Number(plain[5]),
      Number(plain[6]),
      0,
    );
  }
  return null;
}
