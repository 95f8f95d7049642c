// ExcelJS stamps every zip entry with the time of writing, so two exports of the same plant would
// differ in a few bytes. Exports set every entry to one fixed time instead (1980-01-01 00:00, the
// first moment a zip can hold): the same plant gives the same file, byte for byte.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) return out;
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries && out.readUInt32LE(at) === CENTRAL_ENTRY; i++) {
    out.writeUInt16LE(DOS_TIME, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) === LOCAL_ENTRY) {
      out.writeUInt16LE(DOS_TIME, local + 10);
      out.writeUInt16LE(DOS_DATE, local + 12);
    }
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
