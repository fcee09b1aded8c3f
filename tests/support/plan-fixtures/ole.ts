/**
 * A small OLE2 compound file writer ([MS-CFB] version 3, 512-byte sectors), for files that are
 * compound files but not Word documents (an Excel workbook renamed .doc) and for forging broken
 * ones: sector 0 is the FAT, sector 1 the directory, the streams follow (each at least 4096
 * bytes, the mini stream cutoff, as this writer has no mini stream).
 */

export const SECTOR = 512;
const FREE = -1;
const END_OF_CHAIN = -2;
const FAT_SECTOR = -3;
const NO_STREAM = -1;

/** Byte offset of the FAT entry for `sector` (the FAT is sector 0). */
export const fatEntryOffset = (sector: number) => SECTOR + sector * 4;
/** Byte offset of directory entry `index` (the directory is sector 1). */
export const directoryEntryOffset = (index: number) => 2 * SECTOR + index * 128;
/** The header field holding the number of FAT sectors. */
export const HEADER_FAT_SECTORS = 44;

export interface OleStream {
  name: string;
  data: Uint8Array;
}

/** A compound file holding `streams` under its root storage; at most 3 streams, 60 KB in all. */
export function oleFile(streams: readonly OleStream[]): Uint8Array {
  if (streams.length > 3) throw new Error('at most 3 streams');
  if (streams.some((s) => s.data.length < 4096)) throw new Error('streams of at least 4096 bytes');
  const sized = streams.map((s) => ({ ...s, sectors: Math.ceil(s.data.length / SECTOR) }));
  const totalSectors = 2 + sized.reduce((sum, s) => sum + s.sectors, 0);
  if (totalSectors > SECTOR / 4) throw new Error('too large for one FAT sector');
  const bytes = new Uint8Array(SECTOR * (1 + totalSectors));
  const view = new DataView(bytes.buffer);
  const i32 = (at: number, value: number) => view.setInt32(at, value, true);

  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  i32(HEADER_FAT_SECTORS, 1);
  i32(48, 1);
  view.setUint32(56, 4096, true);
  i32(60, END_OF_CHAIN);
  i32(68, END_OF_CHAIN);
  i32(76, 0);
  for (let i = 1; i < 109; i++) i32(76 + i * 4, FREE);

  for (let i = 0; i < SECTOR / 4; i++) i32(fatEntryOffset(i), FREE);
  i32(fatEntryOffset(0), FAT_SECTOR);
  i32(fatEntryOffset(1), END_OF_CHAIN);

  const entry = (index: number, name: string, type: number, start: number, size: number, right: number, child: number) => {
    const at = directoryEntryOffset(index);
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = type;
    bytes[at + 67] = 1;
    i32(at + 68, NO_STREAM);
    i32(at + 72, right);
    i32(at + 76, child);
    i32(at + 116, start);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, END_OF_CHAIN, 0, NO_STREAM, streams.length > 0 ? 1 : NO_STREAM);
  let sector = 2;
  sized.forEach((stream, i) => {
    entry(i + 1, stream.name, 2, sector, stream.data.length, i + 1 < sized.length ? i + 2 : NO_STREAM, NO_STREAM);
    bytes.set(stream.data, SECTOR * (sector + 1));
    for (let k = 0; k < stream.sectors; k++) i32(fatEntryOffset(sector + k), k + 1 < stream.sectors ? sector + k + 1 : END_OF_CHAIN);
    sector += stream.sectors;
  });
  return bytes;
}

/** A copy of `bytes` with the 32-bit little-endian values written at the given offsets. */
export function patchInt32(bytes: Uint8Array, patches: Readonly<Record<number, number>>): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (const [offset, value] of Object.entries(patches)) view.setInt32(Number(offset), value, true);
  return copy;
}
