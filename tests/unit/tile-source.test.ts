import { describe, expect, it } from 'vitest';
import {
  attributionHtml,
  attributionProblem,
  DEFAULT_TILE_SOURCE,
  MAX_ATTRIBUTION_LENGTH,
  OSM_TILE_URL,
  parseTileSource,
  tileSourceProblems,
  tileUrlProblem,
} from '../../src-renderer/src/components/map/tileSource';

describe('tileUrlProblem', () => {
  it('accepts https templates with {z}/{x}/{y}, subdomains and retina suffix', () => {
    for (const url of [
      OSM_TILE_URL,
      'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
      'https://tiles.example.com/base/{z}/{x}/{y}{r}.png?key=abc',
      'https://tiles.example.com:8443/wmts?TileMatrix={z}&TileCol={x}&TileRow={y}',
      '  https://tiles.example.com/{z}/{y}/{x}.jpg  ',
    ]) {
      expect(tileUrlProblem(url), url).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(tileUrlProblem('')).toBe('empty');
    expect(tileUrlProblem('   ')).toBe('empty');
    expect(tileUrlProblem(`https://a.example/${'x'.repeat(2000)}/{z}/{x}/{y}`)).toBe('tooLong');
    expect(tileUrlProblem('tiles/{z}/{x}/{y}.png')).toBe('notUrl');
    expect(tileUrlProblem('http://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('notHttps');
    expect(tileUrlProblem('javascript:alert(1)//{z}/{x}/{y}')).toBe('notHttps');
    expect(tileUrlProblem('data:image/png;base64,{z}{x}{y}')).toBe('notHttps');
    expect(tileUrlProblem('https://user:secret@tiles.example/{z}/{x}/{y}.png')).toBe('credentials');
    expect(tileUrlProblem('https://tiles.example/{z}/{x}.png')).toBe('placeholders');
    expect(tileUrlProblem('https://tiles.example/tile.png')).toBe('placeholders');
    expect(tileUrlProblem('https://tiles.example/{z}/{x}/{y}/{style}.png')).toBe('unknownPlaceholder');
    expect(tileUrlProblem('https://tiles.example/{z}/{x}/{y.png')).toBe('unknownPlaceholder');
    expect(tileUrlProblem('https://tiles.example/{{z}}/{x}/{y}.png')).toBe('unknownPlaceholder');
  });
});

describe('attributionProblem', () => {
  it(`requires text of at most ${MAX_ATTRIBUTION_LENGTH} characters`, () => {
    expect(attributionProblem('© Example Tiles')).toBeNull();
    expect(attributionProblem('x'.repeat(MAX_ATTRIBUTION_LENGTH))).toBeNull();
    expect(attributionProblem('x'.repeat(MAX_ATTRIBUTION_LENGTH + 1))).toBe('tooLong');
    expect(attributionProblem('  ')).toBe('empty');
  });
});

describe('tile source', () => {
  it('reports both fields at once', () => {
    expect(tileSourceProblems(DEFAULT_TILE_SOURCE)).toEqual({});
    expect(tileSourceProblems({ url: 'http://x/{z}/{x}/{y}', attribution: '' })).toEqual({
      url: 'notHttps',
      attribution: 'empty',
    });
  });

  it('reads back only a valid stored source', () => {
    expect(parseTileSource({ url: ' https://t.example/{z}/{x}/{y}.png ', attribution: ' © T ' })).toEqual({
      url: 'https://t.example/{z}/{x}/{y}.png',
      attribution: '© T',
    });
    expect(parseTileSource({ url: 'http://t.example/{z}/{x}/{y}.png', attribution: 'T' })).toBeNull();
    expect(parseTileSource({ url: 1, attribution: 'T' })).toBeNull();
    expect(parseTileSource(null)).toBeNull();
    expect(parseTileSource('https://t.example/{z}/{x}/{y}.png')).toBeNull();
  });

  it('escapes configured attribution for Leaflet, and links only the default OpenStreetMap text', () => {
    expect(attributionHtml({ url: OSM_TILE_URL, attribution: '<img src=x onerror=alert(1)> & "Co"' })).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;',
    );
    expect(attributionHtml(DEFAULT_TILE_SOURCE)).toContain('href="https://www.openstreetmap.org/copyright"');
  });
});
