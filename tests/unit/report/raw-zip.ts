import { createHash, sign } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { Manifest } from '../../../shared/report/manifest';
import { fingerprintOf, type SigningKey } from '../../../electron/services/report/keys';
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
}

// 2026-11-25 14:03:00, as DOS time and date.
const dosTime = (14 << 11) | (3 << 5);
const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 25;

/**
 * Writes a ZIP byte by byte the way yazl writes an in-memory entry (sizes in the local
 * header, no data descriptor), so that a test can break exactly one rule and no other.
 * `prefix` puts bytes before the first entry, offsets adjusted, as a self-extractor would;
 * `comment` is the archive comment.
 */
export function buildZip(entries: readonly RawEntry[], { prefix = Buffer.alloc(0), comment = Buffer.alloc(0) }: { prefix?: Buffer; comment?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [prefix];
  const centrals: Buffer[] = [];
  let offset = prefix.length;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const body = Buffer.concat([entry.deflate ? deflateRawSync(entry.data) : entry.data, entry.trailing ?? Buffer.alloc(0)]);
    const flags = 0x0800 | (entry.flags ?? 0);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const zip64 = entry.zip64Size !== undefined;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : body.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const extra = zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
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
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length;
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
  { listed = files, edit = (manifest) => manifest, key = signer }: { listed?: readonly PackageFile[]; edit?: (manifest: Manifest) => unknown; key?: SigningKey } = {},
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
    signer: { fingerprint: fingerprintOf(key.publicKeyPem) },
    files: listing,
  });
  const manifestJson = Buffer.from(`${JSON.stringify(edit(manifest), null, 2)}\n`);
  return [
    ...files.map(({ path, data }) => ({ name: path, data, deflate: path.endsWith('.json') })),
    { name: 'signer.pem', data: signerPem },
    { name: 'manifest.json', data: manifestJson },
    { name: 'manifest.sig', data: sign(null, manifestJson, key.privateKey) },
  ];
}

export const sampleFiles: readonly PackageFile[] = [
  { path: 'report.json', data: Buffer.from('{"tasks":[]}\n') },
  { path: 'attachments/photo.jpg', data: Buffer.from('not really a jpeg, but bytes all the same') },
];
