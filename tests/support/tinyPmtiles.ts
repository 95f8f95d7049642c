/**
 * A PMTiles v3 archive built in memory, so that tests need no fixture file and no download: one
 * zoom-0 vector tile (an MVT with one empty layer, or the bytes given), no compression anywhere.
 * Layout per the spec: 127-byte header, root directory, JSON metadata, tile data.
 */

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/** An MVT tile with one layer and no features: protomaps-leaflet draws just its background. */
export function emptyMvt(layerName = 'earth'): Uint8Array<ArrayBuffer> {
  const name = [...new TextEncoder().encode(layerName)];
  const layer = [0x78, 2, 0x0a, ...varint(name.length), ...name, 0x28, ...varint(4096)];
  return Uint8Array.from([0x1a, ...varint(layer.length), ...layer]);
}

export function tinyPmtiles(
  options: { tile?: Uint8Array; tileType?: number; metadata?: Record<string, unknown> } = {},
): Uint8Array<ArrayBuffer> {
  const tile = options.tile ?? emptyMvt();
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata ?? { name: 'tiny' }));
  // One entry: tile id 0 (z0/0/0), run length 1, its length, offset 0 (stored as offset + 1).
  const directory = Uint8Array.from([
    ...varint(1),
    ...varint(0),
    ...varint(1),
    ...varint(tile.length),
    ...varint(1),
  ]);

  const headerLength = 127;
  const rootOffset = headerLength;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + metadata.length;
  const bytes = new Uint8Array(tileOffset + tile.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, 0); // no leaf directories
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tile.length);
  u64(72, 1); // addressed tiles
  u64(80, 1); // tile entries
  u64(88, 1); // tile contents
  view.setUint8(96, 1); // clustered
  view.setUint8(97, 1); // internal compression: none
  view.setUint8(98, 1); // tile compression: none
  view.setUint8(99, options.tileType ?? 1); // 1 = MVT
  view.setUint8(100, 0); // min zoom
  view.setUint8(101, 0); // max zoom
  view.setInt32(102, -180e7, true);
  view.setInt32(106, -85e7, true);
  view.setInt32(110, 180e7, true);
  view.setInt32(114, 85e7, true);
  view.setUint8(118, 0);
  view.setInt32(119, 0, true);
  view.setInt32(123, 0, true);
  bytes.set(directory, rootOffset);
  bytes.set(metadata, metadataOffset);
  bytes.set(tile, tileOffset);
  return bytes;
}
