import { z } from 'zod';
import { trailingDotsAndSpaces, unsafeFileNameCharacter, windowsDeviceName, windowsShortName } from '../file-names';

/**
 * The manifest of a report package (format v1): what the package is, and the size and
 * SHA-256 of every other entry. manifest.sig signs its exact bytes, so it is the root of
 * trust for everything in the package.
 *
 * The schema is strict at every level: a v1 reader must understand everything a v1
 * manifest says, so any new field means a new formatVersion. A manifest whose format is
 * ours but whose version is not 1 is reported as `unknown_format_version`, not as a bad
 * manifest, so the receiver knows to upgrade rather than to suspect tampering.
 */

export const manifestFormat = 'planledger-report';
export const manifestFormatVersion = 1;

/** Entries the package itself adds; callers may not use these names. */
export const manifestEntry = 'manifest.json';
export const signatureEntry = 'manifest.sig';
export const signerKeyEntry = 'signer.pem';
export const reservedEntries: readonly string[] = [manifestEntry, signatureEntry, signerKeyEntry];

export const verifyFailureReasons = [
  'not_a_zip',
  /** The ZIP structure is damaged or differs from what the writer produces (see zip-layout.ts). */
  'corrupt_zip',
  'too_many_entries',
  'unsafe_path',
  'duplicate_name',
  'symlink_entry',
  'encrypted_entry',
  'oversize_entry',
  'over_ratio_entry',
  'bad_manifest',
  'unknown_format_version',
  'bad_signature',
  'untrusted_signer',
  'missing_entry',
  'unlisted_entry',
  'size_mismatch',
  'hash_mismatch',
  /** An entry's CRC-32 (in the ZIP headers) does not match its content, though its SHA-256 does. */
  'crc_mismatch',
  /** signer.pem is not exactly one Ed25519 public key (SPKI PEM), or the key is weak (small order, non-canonical). */
  'bad_signer_key',
  /** The declared sizes of all entries add up to more than the verifier will read. */
  'package_too_large',
] as const;
export type VerifyFailureReason = (typeof verifyFailureReasons)[number];

const maxEntryPathBytes = 255;
/** The writer's summary has 6 counters; room for more, never thousands. */
export const maxSummaryCounters = 64;

/**
 * Whether a ZIP entry name is safe to extract on Windows, macOS and Linux alike: a relative
 * path of plain segments, at most 255 UTF-8 bytes. Beyond the classic traversal tricks it
 * refuses what Windows treats specially (`:` streams, device names like CON, trailing dots
 * and spaces that Windows strips, names shaped like an 8.3 alias of another file such as
 * LONGFI~1.TXT) and invisible characters that can disguise an extension.
 */
export function isSafeEntryPath(path: string): boolean {
  if (path === '' || utf8Length(path) > maxEntryPathBytes) return false;
  if (path.includes('\\') || unsafeFileNameCharacter.test(path)) return false;
  return path.split('/').every(isSafeSegment);
}

function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  return !trailingDotsAndSpaces.test(segment) && !windowsDeviceName.test(segment) && !windowsShortName.test(segment);
}

/** UTF-8 byte length without TextEncoder (shared code has no DOM or Node globals). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * A name that is safe to print in a terminal or a message: control and invisible characters
 * escaped (a hostile entry name must not inject escape sequences), at most 120 characters.
 */
export function printableName(text: string): string {
  const escaped = [...text.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (char) => `\\u{${(char.codePointAt(0) as number).toString(16)}}`)];
  return escaped.length > 120 ? `${escaped.slice(0, 119).join('')}…` : escaped.join('');
}

/**
 * Two names that would land on the same file when extracted on a case-insensitive or
 * normalising file system (Windows, macOS) count as the same name. Case is folded both ways,
 * as file systems fold one way or the other: σ and ς differ in lower case but not in upper
 * case, s and ſ likewise.
 */
export function entryNameKeys(path: string): [string, string] {
  const composed = path.normalize('NFC');
  return [`l:${composed.toLowerCase().normalize('NFC')}`, `u:${composed.toUpperCase().normalize('NFC')}`];
}

/** One key for a name, case folded both ways at once; names with equal keys collide (EntryNames checks both folds apart). */
export function entryNameKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * The names of a package, as extracted on Windows or macOS: a name is refused when it lands on
 * one already taken, as a file or as a folder (attachments/a beside attachments/a/b).
 */
export class EntryNames {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  /** Takes `path`; false (and nothing taken) if it collides with a name taken before. */
  add(path: string): boolean {
    const keys = entryNameKeys(path);
    const segments = path.split('/');
    const folderKeys = segments.slice(1).flatMap((_, index) => entryNameKeys(segments.slice(0, index + 1).join('/')));
    if (keys.some((key) => this.files.has(key) || this.folders.has(key)) || folderKeys.some((key) => this.files.has(key))) return false;
    for (const key of keys) this.files.add(key);
    for (const key of folderKeys) this.folders.add(key);
    return true;
  }
}

/** Lowercase hex SHA-256, as in manifests and fingerprints. */
export const sha256HexPattern = /^[0-9a-f]{64}$/u;
const Sha256Hex = z.string().regex(sha256HexPattern, 'lowercase hex SHA-256');

const EntryPath = z.string().refine(isSafeEntryPath, 'unsafe entry path');

export const ManifestFile = z.strictObject({
  path: EntryPath,
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256: Sha256Hex,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

const IsoDate = z.iso.date();

export const Manifest = z.strictObject({
  format: z.literal(manifestFormat),
  formatVersion: z.literal(manifestFormatVersion),
  plan: z.strictObject({
    title: z.string().min(1),
    docNumber: z.string().min(1).nullable(),
    sha256: Sha256Hex,
  }),
  department: z.string().min(1),
  period: z
    .strictObject({ from: IsoDate, to: IsoDate, label: z.string().min(1) })
    .refine((period) => period.from <= period.to, { message: 'period ends before it starts', path: ['to'] }),
  generatedAt: z.iso.datetime({ offset: true }),
  generator: z.strictObject({ name: z.literal('PlanLedger'), version: z.string().min(1) }),
  signer: z.strictObject({ fingerprint: Sha256Hex }),
  files: z.array(ManifestFile).superRefine((files, context) => {
    const names = new EntryNames();
    for (const [index, file] of files.entries()) {
      if (!names.add(file.path)) context.addIssue({ code: 'custom', message: 'duplicate path', path: [index, 'path'] });
      if (file.path === manifestEntry || file.path === signatureEntry) {
        context.addIssue({ code: 'custom', message: 'the manifest does not list itself or its signature', path: [index, 'path'] });
      }
    }
  }),
  /** Counts for the receiver's overview, e.g. { measures: 12, tasks: 40, tasksDone: 31, attachments: 7 }; a few dozen at most. */
  summary: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/u), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER))
    .refine((summary) => Object.keys(summary).length <= maxSummaryCounters, `at most ${maxSummaryCounters} counters`),
});
export type Manifest = z.infer<typeof Manifest>;

/** What the caller of the writer provides; the writer adds the format, the signer and the files. */
export type ManifestContent = Omit<Manifest, 'format' | 'formatVersion' | 'signer' | 'files'>;

/**
 * The exact text that is signed: validated, keys in schema order, 2-space indent, trailing
 * newline. Throws (a ZodError) rather than sign a manifest a verifier would refuse.
 */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(Manifest.parse(manifest), null, 2)}\n`;
}

/**
 * A fingerprint as typed or pasted by a person: hex in any case, with or without the
 * spaces, colons or line breaks of the display form. Returns lowercase hex, or null.
 */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/gu, '').toLowerCase();
  return sha256HexPattern.test(hex) ? hex : null;
}

/**
 * The display form for reading a fingerprint aloud over the phone: 16 groups of 4
 * uppercase hex digits, `groupsPerLine` groups to a line (all on one line by default).
 */
export function formatFingerprint(hex: string, groupsPerLine = 16): string {
  const groups = hex.toUpperCase().match(/.{1,4}/gu) ?? [];
  const lines: string[] = [];
  for (let start = 0; start < groups.length; start += groupsPerLine) lines.push(groups.slice(start, start + groupsPerLine).join(' '));
  return lines.join('\n');
}
