import { createHash, sign } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { Manifest } from '../../../shared/report/manifest';
import type { SigningKey } from '../../../electron/services/report/keys';
import { sampleContent, signer } from './support';

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  deflate?: boolean;
  /** Unix mode; a plain 0o100644 file unless a test says otherwise. */
  mode?: number;
  /** General-purpose flags added to the UTF-8 flag (1 = encrypted). */
  flags?: number;
  /** Claim a different uncompressed size than the data has (in both headers). */
  declaredSize?: number;
  /** Claim this (huge) uncompressed size through a ZIP64 extra field. */
  zip64Size?: number;
  /** Bytes after the stored or compressed data, counted in its compressed size. */
  trailing?: Buffer;
  /** CRC and sizes in a data descriptor after the data (as yazl writes a streamed entry), zero in the local header. */
  descriptor?: boolean;
  /** The stored or compressed bytes as they are (instead of `data`, deflated if asked). */
  raw?: Buffer;
  /** A declared CRC-32 other than the data's (in every header). */
  crc?: number;
  /** DOS time and date; 2026-11-25 14:03:00 unless a test says otherwise. */
  time?: number;
  date?: number;
  /** An extra field in the central record (the writer writes none below ZIP64). */
  extra?: Buffer;
}

// 2026-11-25 14:03:00, as DOS time and date.
export const dosTime = (14 << 11) | (3 << 5);
export const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 25;

/**
 * Writes a ZIP byte by byte the way yazl writes it (an in-memory entry with its sizes in the
 * local header, a streamed one with a data descriptor), so that a test can break exactly one
 * rule and no other.
 * `prefix` puts bytes before the first entry, offsets adjusted, as a self-extractor would;
 * `comment` is the archive comment.
 */
export function buildZip(
  entries: readonly RawEntry[],
  { prefix = Buffer.alloc(0), comment = Buffer.alloc(0) }: { prefix?: Buffer; comment?: Buffer } = {},
): Buffer {
  const locals: Buffer[] = [prefix];
  const centrals: Buffer[] = [];
  let offset = prefix.length;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const packed = entry.raw ?? (entry.deflate ? deflateRawSync(entry.data, { level: 1 }) : entry.data);
    const body = Buffer.concat([packed, entry.trailing ?? Buffer.alloc(0)]);
    const flags = 0x0800 | (entry.flags ?? 0) | (entry.descriptor ? 0x0008 : 0);
    const crc = entry.crc ?? crc32(entry.data);
    const [time, date] = [entry.time ?? dosTime, entry.date ?? dosDate];
    const size = entry.declaredSize ?? entry.data.length;
    const zip64 = entry.zip64Size !== undefined;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    if (!entry.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(zip64 ? 0xffffffff : body.length, 18);
      local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.descriptor ? 16 : 0);
    if (entry.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    locals.push(local, name, body, descriptor);

    const extra = zip64 ? Buffer.alloc(28) : (entry.extra ?? Buffer.alloc(0));
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.zip64Size as number), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 63, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

/**
 * The entries of a ZIP as written by the writer (no ZIP64, no comment), each with its bytes
 * as they are: buildZip(readZip(bytes)) gives back `bytes` exactly, so a test can change one
 * thing of a real package and rebuild it.
 */
export function readZip(bytes: Buffer): RawEntry[] {
  const end = bytes.length - 22;
  const count = bytes.readUInt16LE(end + 10);
  let central = bytes.readUInt32LE(end + 16);
  const entries: RawEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const flags = bytes.readUInt16LE(central + 8);
    const method = bytes.readUInt16LE(central + 10);
    const compressedSize = bytes.readUInt32LE(central + 20);
    const nameLength = bytes.readUInt16LE(central + 28);
    const local = bytes.readUInt32LE(central + 42);
    const dataOffset = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = Buffer.from(bytes.subarray(dataOffset, dataOffset + compressedSize));
    entries.push({
      name: bytes.toString('utf8', central + 46, central + 46 + nameLength),
      data: method === 8 ? inflateRawSync(raw) : raw,
      raw,
      deflate: method === 8,
      flags: flags & ~0x0808,
      descriptor: (flags & 0x0008) !== 0,
      crc: bytes.readUInt32LE(central + 16),
      time: bytes.readUInt16LE(central + 12),
      date: bytes.readUInt16LE(central + 14),
      mode: bytes.readUInt32LE(central + 38) >>> 16,
    });
    central += 46 + nameLength + bytes.readUInt16LE(central + 30) + bytes.readUInt16LE(central + 32);
  }
  return entries;
}

export interface PackageFile {
  path: string;
  data: Buffer;
}

/**
 * The entries of a correctly signed package holding `files` (plus signer.pem): the manifest
 * lists what `listed` says (by default exactly the files), after `edit` has had its say.
 * The manifest is serialised as the writer does, so only the edit can make it wrong.
 */
export function signedEntries(
  files: readonly PackageFile[],
  {
    listed = files,
    edit = (manifest) => manifest,
    key = signer,
    signature = (manifest) => sign(null, manifest, key.privateKey),
  }: {
    listed?: readonly PackageFile[];
    edit?: (manifest: Manifest) => unknown;
    key?: SigningKey;
    signature?: (manifest: Buffer) => Buffer;
  } = {},
): RawEntry[] {
  const signerPem = Buffer.from(key.publicKeyPem);
  const listing = [...listed, { path: 'signer.pem', data: signerPem }].map(({ path, data }) => ({
    path,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  }));
  // Parsing puts the keys in schema order, as the writer's serialisation does.
  const manifest = Manifest.parse({
    format: 'planledger-report',
    formatVersion: 1,
    ...sampleContent,
    signer: { fingerprint: createHash('sha256').update(spkiOfPem(key.publicKeyPem)).digest('hex') },
    files: listing,
  });
  const manifestJson = Buffer.from(`${JSON.stringify(edit(manifest), null, 2)}\n`);
  return [
    // As the writer: streamed entries with a descriptor, text deflated, photos stored.
    ...files.map(({ path, data }) => ({ name: path, data, deflate: /\.(json|txt)$/u.test(path), descriptor: true })),
    { name: 'signer.pem', data: signerPem },
    { name: 'manifest.json', data: manifestJson },
    { name: 'manifest.sig', data: signature(manifestJson) },
  ];
}

/** The DER inside a PEM, whatever it holds (a crafted key need not parse as one). */
function spkiOfPem(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/gu, '').replace(/\s/gu, ''), 'base64');
}

export const sampleFiles: readonly PackageFile[] = [
  { path: 'report.json', data: Buffer.from('{"tasks":[]}\n') },
  { path: 'attachments/photo.jpg', data: Buffer.from('not really a jpeg, but bytes all the same') },
];
