import { useCallback, useState } from 'react';
import { DEFAULT_TILE_SOURCE, parseTileSource, type TileSource } from '../../components/map/tileSource';

export type BaseMapChoice = 'offline' | 'online' | 'pmtiles';

// Remembered in this screen's localStorage only: plant-wide settings storage comes with a later
// issue, and then the tile source belongs there (one configuration for every desk and wall).
const CHOICE_KEY = 'leitstand.map.baseMap';
const TILE_SOURCE_KEY = 'leitstand.map.tileSource';
/** The earlier on/off switch; read once so a screen that had tiles on keeps them. */
const LEGACY_ONLINE_KEY = 'leitstand.map.onlineTiles';

function storedChoice(): BaseMapChoice {
  const stored = localStorage.getItem(CHOICE_KEY);
  if (stored === 'online' || stored === 'offline') return stored;
  return localStorage.getItem(LEGACY_ONLINE_KEY) === 'true' ? 'online' : 'offline';
}

function storedTileSource(): TileSource {
  try {
    return (
      parseTileSource(JSON.parse(localStorage.getItem(TILE_SOURCE_KEY) ?? 'null')) ?? DEFAULT_TILE_SOURCE
    );
  } catch {
    return DEFAULT_TILE_SOURCE;
  }
}

export interface BaseMapSettings {
  choice: BaseMapChoice;
  setChoice: (choice: BaseMapChoice) => void;
  tileSource: TileSource;
  /** Only a source that passed tileSourceProblems; the caller validates. */
  setTileSource: (source: TileSource) => void;
  /** The picked PMTiles file: this session only, a browser gives no path to open it again. */
  pmtilesFile: File | null;
  setPmtilesFile: (file: File | null) => void;
}

/**
 * The base map of this screen: offline unless someone chose otherwise here. A local PMTiles file
 * is not remembered (there is no path to reopen it after a restart), so that choice is not either.
 */
export function useBaseMapSettings(): BaseMapSettings {
  const [choice, setChoiceState] = useState<BaseMapChoice>(storedChoice);
  const [tileSource, setTileSourceState] = useState<TileSource>(storedTileSource);
  const [pmtilesFile, setPmtilesFile] = useState<File | null>(null);

  const setChoice = useCallback((next: BaseMapChoice) => {
    if (next !== 'pmtiles') localStorage.setItem(CHOICE_KEY, next);
    setChoiceState(next);
  }, []);
  const setTileSource = useCallback((next: TileSource) => {
    localStorage.setItem(TILE_SOURCE_KEY, JSON.stringify(next));
    setTileSourceState(next);
  }, []);

  return { choice, setChoice, tileSource, setTileSource, pmtilesFile, setPmtilesFile };
}
