/**
 * The online tile source: a URL template and the attribution its licence asks for. Pure, so the
 * validation is tested without a browser (tests/unit/tile-source.test.ts).
 */

export interface TileSource {
  /** `https://…/{z}/{x}/{y}.png`, optionally with `{s}` (subdomain) and `{r}` (retina suffix). */
  url: string;
  /** Plain text, shown in the map's attribution; never HTML (see attributionHtml). */
  attribution: string;
}

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION_TEXT = '© OpenStreetMap contributors';
const OSM_ATTRIBUTION_HTML =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export const DEFAULT_TILE_SOURCE: TileSource = { url: OSM_TILE_URL, attribution: OSM_ATTRIBUTION_TEXT };

export const MAX_ATTRIBUTION_LENGTH = 200;
export const MAX_TILE_URL_LENGTH = 2000;

export type TileUrlProblem =
  | 'empty'
  | 'tooLong'
  | 'notUrl'
  | 'notHttps'
  | 'credentials'
  | 'placeholders'
  | 'unknownPlaceholder';
export type AttributionProblem = 'empty' | 'tooLong';

export interface TileSourceProblems {
  url?: TileUrlProblem;
  attribution?: AttributionProblem;
}

const KNOWN_PLACEHOLDERS = new Set(['z', 'x', 'y', 's', 'r']);

/** Why a tile URL template is unusable, or null when Leaflet can load tiles from it. */
export function tileUrlProblem(raw: string): TileUrlProblem | null {
  const template = raw.trim();
  if (template === '') return 'empty';
  if (template.length > MAX_TILE_URL_LENGTH) return 'tooLong';
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!KNOWN_PLACEHOLDERS.has(match[1] ?? '')) return 'unknownPlaceholder';
  }
  // A stray brace is as wrong as an unknown placeholder: Leaflet would request it literally.
  if (/[{}]/.test(template.replace(/\{[a-z]\}/g, ''))) return 'unknownPlaceholder';
  let parsed: URL;
  try {
    // Placeholders are not valid in a host name; a sample value stands in for the check.
    parsed = new URL(template.replaceAll('{s}', 'a').replaceAll('{r}', ''));
  } catch {
    return 'notUrl';
  }
  if (parsed.protocol !== 'https:') return 'notHttps';
  if (parsed.username !== '' || parsed.password !== '') return 'credentials';
  if (!['{z}', '{x}', '{y}'].every((placeholder) => template.includes(placeholder))) return 'placeholders';
  return null;
}

export function attributionProblem(raw: string): AttributionProblem | null {
  const text = raw.trim();
  if (text === '') return 'empty';
  if (text.length > MAX_ATTRIBUTION_LENGTH) return 'tooLong';
  return null;
}

export function tileSourceProblems(source: TileSource): TileSourceProblems {
  const problems: TileSourceProblems = {};
  const url = tileUrlProblem(source.url);
  const attribution = attributionProblem(source.attribution);
  if (url) problems.url = url;
  if (attribution) problems.attribution = attribution;
  return problems;
}

/** The source as stored, or null when it does not pass the checks (edited storage, old format). */
export function parseTileSource(value: unknown): TileSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, attribution } = value as Record<string, unknown>;
  if (typeof url !== 'string' || typeof attribution !== 'string') return null;
  const source = { url: url.trim(), attribution: attribution.trim() };
  const problems = tileSourceProblems(source);
  return problems.url || problems.attribution ? null : source;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Leaflet's attribution control writes HTML, so the configured text is escaped; only the default
 * OpenStreetMap text, which we wrote ourselves, gets its link to the licence.
 */
export function attributionHtml(source: TileSource): string {
  const text = source.attribution.trim();
  return text === OSM_ATTRIBUTION_TEXT ? OSM_ATTRIBUTION_HTML : escapeHtml(text);
}
