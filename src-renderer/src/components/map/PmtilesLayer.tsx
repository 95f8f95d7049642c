import type { GridLayer } from 'leaflet';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { openPmtilesFile, PmtilesFileError, type PmtilesFileProblem } from './pmtilesFile';

const PROTOMAPS_ATTRIBUTION =
  '<a href="https://protomaps.com">Protomaps</a> &copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/** The resolved desk theme (components/theme.ts sets it on :root), followed as it switches. */
const documentTheme = (): 'light' | 'dark' =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

function useDocumentTheme(): 'light' | 'dark' {
  const [theme, setTheme] = useState(documentTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(documentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

export interface PmtilesLayerProps {
  file: File;
  /** Label language of the protomaps basemap style ('de', 'en'). */
  lang: string;
  /** Forces the dark flavor (the wall); otherwise it follows the desk theme. */
  dark?: boolean;
  onProblem?: (problem: PmtilesFileProblem | null) => void;
}

/**
 * Streets and labels from a local PMTiles vector-tile file, drawn on canvas by protomaps-leaflet
 * in the tile pane, above the offline land. Labels use the system's sans-serif font: no glyphs,
 * sprites or fonts are fetched (protomaps-leaflet only loads fonts when given font tasks).
 */
export function PmtilesLayer({ file, lang, dark, onProblem }: PmtilesLayerProps) {
  const map = useMap();
  const theme = useDocumentTheme();
  const flavor = dark ? 'dark' : theme;

  useEffect(() => {
    let current = true;
    let layer: GridLayer | null = null;
    void (async () => {
      try {
        const [archive, protomaps] = await Promise.all([openPmtilesFile(file), import('protomaps-leaflet')]);
        if (!current) return;
        // protomaps-leaflet 5 extends the global `L` (it does not import leaflet itself) and types
        // its layer loosely; it is a Leaflet GridLayer.
        const global = globalThis as { L?: typeof L };
        global.L ??= L;
        layer = protomaps.leafletLayer({
          url: archive,
          flavor,
          lang,
          attribution: PROTOMAPS_ATTRIBUTION,
          className: 'pmtiles-layer',
        }) as unknown as GridLayer;
        layer.addTo(map);
        onProblem?.(null);
      } catch (error) {
        if (current) onProblem?.(error instanceof PmtilesFileError ? error.problem : 'unreadable');
      }
    })();
    return () => {
      current = false;
      layer?.remove();
    };
  }, [map, file, flavor, lang, onProblem]);

  return null;
}
