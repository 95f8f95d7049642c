import { FileSource, PMTiles, TileType } from 'pmtiles';

export type PmtilesFileProblem = 'unreadable' | 'notVector';

export class PmtilesFileError extends Error {
  constructor(readonly problem: PmtilesFileProblem) {
    super(`PMTiles file: ${problem}`);
    this.name = 'PmtilesFileError';
  }
}

/**
 * Opens a PMTiles archive the user picked, read in slices straight from the File (pmtiles'
 * FileSource: no upload, no path, nothing over the network), and checks that it holds vector
 * tiles, the only kind protomaps-leaflet draws.
 */
export async function openPmtilesFile(file: File): Promise<PMTiles> {
  const archive = new PMTiles(new FileSource(file));
  let tileType: TileType;
  try {
    tileType = (await archive.getHeader()).tileType;
  } catch {
    throw new PmtilesFileError('unreadable');
  }
  if (tileType !== TileType.Mvt) throw new PmtilesFileError('notVector');
  return archive;
}
