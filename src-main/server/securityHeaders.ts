/**
 * The renderer's Content Security Policy, one string for both shells: the HTTP server sends it as
 * a header, the Electron edge installs it on its session.
 *
 * Images may come from any https host: the online tile URL is configurable (issue 4), and an
 * image cannot run script (script-src stays 'self'), so the wider img-src only means a tile
 * server learns which tiles a screen shows. connect-src stays 'self': a local PMTiles file is read
 * from the File the user picked, not fetched.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Leaflet and Recharts position elements with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
