import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { isViewer } from '../../api/viewerToken';
import { DEFAULT_TILE_SOURCE, parseTileSource, type TileSource } from '../../components/map/tileSource';
import { useProcedure } from '../../hooks/useProcedure';

export type BaseMapChoice = 'offline' | 'online' | 'pmtiles';

// The base map is a plant setting (settings.get: baseMap), one configuration for every desk and
// wall: the map shows what is stored, follows settings.changed from another screen or the settings
// view, and its own picker writes through settings.update. The picker's choice shows at once; the
// stored value arrives with the next settings.changed. A wall screen on a viewer link may not
// change settings: there the picker changes this screen only, until the next change of the setting.
// (Earlier versions kept the choice in this screen's localStorage; those keys are no longer read.)

interface StoredBaseMap {
  choice: 'offline' | 'online';
  tileSource: TileSource;
}

const OFFLINE: StoredBaseMap = { choice: 'offline', tileSource: DEFAULT_TILE_SOURCE };

type BaseMapSetting = { source: 'offline' | 'online'; tileUrl: string; attribution: string };

function shownOf(stored: BaseMapSetting | undefined): StoredBaseMap {
  if (!stored) return OFFLINE;
  return {
    choice: stored.source,
    // The plant checks the source too; a value only this side refuses shows the default tiles.
    tileSource:
      parseTileSource({ url: stored.tileUrl, attribution: stored.attribution }) ?? DEFAULT_TILE_SOURCE,
  };
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
 * The plant's base map: offline until the settings say otherwise. A local PMTiles file is not
 * stored (there is no path to reopen it, and it lives on this screen only), so that choice is not.
 */
export function useBaseMapSettings(): BaseMapSettings {
  const settings = useProcedure('settings.get', {}, { refreshOn: ['settings.changed'], minIntervalMs: 250 });
  const [shown, setShown] = useState<StoredBaseMap>(OFFLINE);
  const [pmtiles, setPmtiles] = useState(false);
  const [pmtilesFile, setPmtilesFile] = useState<File | null>(null);

  const stored = settings.data?.baseMap;
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const storedKey = JSON.stringify(stored ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: storedKey stands for stored's content
  useEffect(() => {
    if (stored) setShown(shownOf(stored));
  }, [storedKey]);

  const store = useCallback((baseMap: Partial<BaseMapSetting>) => {
    if (isViewer) return;
    // A refusal (the plant's own check) shows the stored value again.
    call('settings.update', { baseMap }).catch(() => setShown(shownOf(storedRef.current)));
  }, []);

  const setChoice = useCallback(
    (next: BaseMapChoice) => {
      setPmtiles(next === 'pmtiles');
      if (next === 'pmtiles') return;
      setShown((current) => ({ ...current, choice: next }));
      store({ source: next });
    },
    [store],
  );
  const setTileSource = useCallback(
    (next: TileSource) => {
      setShown((current) => ({ ...current, tileSource: next }));
      store({ tileUrl: next.url, attribution: next.attribution });
    },
    [store],
  );

  return {
    choice: pmtiles ? 'pmtiles' : shown.choice,
    setChoice,
    tileSource: shown.tileSource,
    setTileSource,
    pmtilesFile,
    setPmtilesFile,
  };
}
