/**
 * OLE2 compound files ([MS-CFB]: .doc, .wps, .xls…), checked before word-extractor reads one.
 * word-extractor trusts the file: a FAT chain that loops (sector 5 → 9 → 5) makes it collect
 * sector numbers until memory runs out, and a header declaring millions of FAT sectors makes it
 * allocate gigabytes. This walks the same structures once, in time and memory linear in the
 * file, and refuses anything out of range, any loop in the FAT, mini FAT or directory tree.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = -2;
const NO_STREAM = -1;
const DIRECTORY_ENTRY_BYTES = 128;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** Why a compound file was refused; the reader maps it to plan.doc_invalid. */
export class OleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OleError';
  }
}

export interface OleEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export interface OleFile {
  /** Streams and storages directly under the root storage, by name. */
  root: Map<string, OleEntry>;
  /** The first `length` bytes of a stream (for a quick look at a header). */
  readStart(entry: OleEntry, length: number): Uint8Array;
}

/**
 * Throws an OleError unless `bytes` is a compound file whose header, FAT, mini FAT and
 * directory are consistent and loop-free.
 */
export function checkOleFile(bytes: Uint8Array): OleFile {
  if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b)) throw new OleError('not a compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int32 = (offset: number) => view.getInt32(offset, true);
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new OleError(`bad sector size 2^${String(sectorShift)}`);
  if (miniShift !== 6) throw new OleError(`bad mini sector size 2^${String(miniShift)}`);
  const sectorSize = 1 << sectorShift;
  const perSector = sectorSize / 4;
  // Sector n lives at (n + 1) * sectorSize; the last one may be cut short.
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const fatSectors = int32(44);
  const firstDirectory = int32(48);
  const miniCutoff = view.getUint32(56, true);
  const firstMiniFat = int32(60);
  const miniFatSectors = int32(64);
  const firstDifat = int32(68);
  const difatSectors = int32(72);
  for (const [name, count] of [
    ['FAT', fatSectors],
    ['mini FAT', miniFatSectors],
    ['DIFAT', difatSectors],
  ] as const) {
    if (count < 0 || count > sectorCount) throw new OleError(`${name} of ${String(count)} sectors in a file of ${String(sectorCount)}`);
  }
  if (fatSectors === 0) throw new OleError('no FAT');
  const inRange = (sector: number) => sector >= 0 && sector < sectorCount;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const readInt = (sector: number, index: number) => {
    const at = sectorOffset(sector) + index * 4;
    return at + 4 <= bytes.length ? int32(at) : NO_STREAM;
  };

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatLocations: number[] = [];
  for (let i = 0; i < 109 && fatLocations.length < fatSectors; i++) fatLocations.push(int32(76 + i * 4));
  const seenDifat = new Set<number>();
  for (let sector = firstDifat, n = 0; fatLocations.length < fatSectors; n++) {
    if (n >= difatSectors || !inRange(sector) || seenDifat.has(sector)) throw new OleError('broken DIFAT chain');
    seenDifat.add(sector);
    for (let i = 0; i < perSector - 1 && fatLocations.length < fatSectors; i++) fatLocations.push(readInt(sector, i));
    sector = readInt(sector, perSector - 1);
  }
  // Only the entries of sectors the file has matter (chains may not leave it), so the table is
  // never larger than the file, whatever the header declares.
  const fat = new Int32Array(Math.min(fatSectors * perSector, sectorCount));
  fatLocations.forEach((sector, k) => {
    if (!inRange(sector)) throw new OleError(`FAT sector ${String(sector)} out of range`);
    for (let i = 0; i < perSector && k * perSector + i < fat.length; i++) fat[k * perSector + i] = readInt(sector, i);
  });
  checkTable(fat, sectorCount, 'FAT');

  /** The sectors of a chain (loop-free and in range by checkTable). */
  const chain = (table: Int32Array, start: number, limit: number, what: string): number[] => {
    const sectors: number[] = [];
    for (let sector = start; sector !== END_OF_CHAIN && sector !== NO_STREAM; sector = table[sector] ?? NO_STREAM) {
      if (sector < 0 || sector >= limit) throw new OleError(`${what} chain leaves the file`);
      sectors.push(sector);
    }
    return sectors;
  };

  const directorySectors = chain(fat, firstDirectory, sectorCount, 'directory');
  if (directorySectors.length === 0) throw new OleError('no directory');
  const entryCount = (directorySectors.length * sectorSize) / DIRECTORY_ENTRY_BYTES;
  const entryOffset = (index: number) => {
    const perSectorEntries = sectorSize / DIRECTORY_ENTRY_BYTES;
    return sectorOffset(directorySectors[Math.floor(index / perSectorEntries)] ?? 0) + (index % perSectorEntries) * DIRECTORY_ENTRY_BYTES;
  };
  const entry = (index: number): OleEntry & { left: number; right: number; child: number } => {
    const at = entryOffset(index);
    if (at + DIRECTORY_ENTRY_BYTES > bytes.length) throw new OleError('directory entry past the end of the file');
    const nameBytes = Math.min(Math.max(view.getUint16(at + 64, true) - 2, 0), 62);
    return {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at, nameBytes).toString('utf16le'),
      type: view.getUint8(at + 66),
      left: int32(at + 68),
      right: int32(at + 72),
      child: int32(at + 76),
      start: int32(at + 116),
      size: int32(at + 120),
    };
  };
  // word-extractor takes the first root entry it finds; so does this.
  let rootIndex = -1;
  for (let i = 0; i < entryCount && rootIndex < 0; i++) if (view.getUint8(entryOffset(i) + 66) === TYPE_ROOT) rootIndex = i;
  if (rootIndex < 0) throw new OleError('no root entry');
  const rootEntry = entry(rootIndex);

  // Mini FAT and the mini stream (kept in the root entry's chain).
  const miniFatChain = chain(fat, firstMiniFat, sectorCount, 'mini FAT');
  if (miniFatChain.length !== miniFatSectors) throw new OleError('mini FAT chain length differs from the header');
  const miniStream = chain(fat, rootEntry.start, sectorCount, 'mini stream');
  const miniSectorCount = Math.min(miniFatChain.length * perSector, (miniStream.length * sectorSize) / 64);
  const miniFat = new Int32Array(miniSectorCount);
  miniFatChain.forEach((sector, k) => {
    for (let i = 0; i < perSector && k * perSector + i < miniFat.length; i++) miniFat[k * perSector + i] = readInt(sector, i);
  });
  checkTable(miniFat, miniSectorCount, 'mini FAT');

  // Every entry of the tree once: a loop or a shared subtree is a forged file.
  const visited = new Set<number>([rootIndex]);
  const root = new Map<string, OleEntry>();
  const pending: { index: number; parent: number }[] = [];
  const visit = (index: number, parent: number) => {
    if (index === NO_STREAM) return;
    if (index < 0 || index >= entryCount || visited.has(index)) throw new OleError('broken directory tree');
    visited.add(index);
    pending.push({ index, parent });
  };
  visit(rootEntry.child, rootIndex);
  while (pending.length > 0) {
    const { index, parent } = pending.pop() as { index: number; parent: number };
    const child = entry(index);
    visit(child.left, parent);
    visit(child.right, parent);
    if (child.type === TYPE_STORAGE) visit(child.child, index);
    if (child.type === TYPE_STREAM && child.size > 0) {
      const mini = child.size < miniCutoff;
      const sectors = chain(mini ? miniFat : fat, child.start, mini ? miniSectorCount : sectorCount, `stream ${child.name}`);
      if (sectors.length * (mini ? 64 : sectorSize) < child.size) throw new OleError(`stream ${child.name} shorter than its size`);
    }
    if (parent === rootIndex && !root.has(child.name)) root.set(child.name, child);
  }

  const readStart = (stream: OleEntry, length: number): Uint8Array => {
    const mini = stream.size < miniCutoff;
    const out = new Uint8Array(Math.min(length, Math.max(stream.size, 0)));
    const unit = mini ? 64 : sectorSize;
    const sectors = chain(mini ? miniFat : fat, stream.start, mini ? miniSectorCount : sectorCount, 'stream');
    for (let filled = 0, k = 0; filled < out.length; k++) {
      const sector = sectors[k];
      if (sector === undefined) break;
      let at: number;
      if (mini) {
        const host = miniStream[Math.floor((sector * 64) / sectorSize)] ?? 0;
        at = sectorOffset(host) + ((sector * 64) % sectorSize);
      } else {
        at = sectorOffset(sector);
      }
      const piece = bytes.subarray(at, Math.min(at + unit, bytes.length, at + out.length - filled));
      out.set(piece, filled);
      filled += unit;
    }
    return out;
  };
  return { root, readStart };
}

/** Every pointer of a sector table in range, and no chain that loops (each sector visited once overall). */
function checkTable(table: Int32Array, limit: number, what: string): void {
  const state = new Uint8Array(Math.min(table.length, limit)); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  for (let start = 0; start < state.length; start++) {
    if (state[start] !== 0) continue;
    let sector = start;
    while (sector >= 0 && state[sector] === 0) {
      state[sector] = 1;
      path.push(sector);
      const next = table[sector] ?? NO_STREAM;
      if (next >= limit) throw new OleError(`${what} points past the end of the file`);
      sector = next;
    }
    if (sector >= 0 && state[sector] === 1) throw new OleError(`${what} chain loops`);
    for (const done of path) state[done] = 2;
    path.length = 0;
  }
}
