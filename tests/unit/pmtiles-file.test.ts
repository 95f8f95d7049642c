import { describe, expect, it } from 'vitest';
import { openPmtilesFile, PmtilesFileError } from '../../src-renderer/src/components/map/pmtilesFile';
import { emptyMvt, tinyPmtiles } from '../support/tinyPmtiles';

const asFile = (bytes: Uint8Array<ArrayBuffer>, name = 'streets.pmtiles') => new File([bytes], name);

describe('openPmtilesFile', () => {
  it('reads a local archive through pmtiles’ FileSource: header, metadata and a tile', async () => {
    const archive = await openPmtilesFile(
      asFile(tinyPmtiles({ metadata: { name: 'tiny', attribution: 'T' } })),
    );
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      tileType: 1,
      minZoom: 0,
      maxZoom: 0,
      numAddressedTiles: 1,
    });
    expect(await archive.getMetadata()).toEqual({ name: 'tiny', attribution: 'T' });
    const tile = await archive.getZxy(0, 0, 0);
    expect(new Uint8Array(tile!.data)).toEqual(emptyMvt());
    expect(await archive.getZxy(1, 0, 0)).toBeUndefined();
  });

  it('refuses a file that is not PMTiles', async () => {
    const error = await openPmtilesFile(
      asFile(new TextEncoder().encode('not a map'.repeat(20)), 'a.pmtiles'),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PmtilesFileError);
    expect((error as PmtilesFileError).problem).toBe('unreadable');
  });

  it('refuses raster archives, which protomaps-leaflet cannot draw', async () => {
    const png = tinyPmtiles({ tile: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), tileType: 2 });
    await expect(openPmtilesFile(asFile(png))).rejects.toMatchObject({ problem: 'notVector' });
  });
});
