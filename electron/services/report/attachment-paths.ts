import { entryNameKey, isSafeEntryPath } from '../../../shared/report/manifest';

const maxNameLength = 80;

/**
 * Package paths for evidence files: attachments/<measure code>/<name>, with the name made
 * safe for every file system (the verifier is strict) and unique within the package.
 */
export class AttachmentPaths {
  private readonly taken = new Set<string>();

  pathFor(measureCode: string, name: string): string {
    const safe = safeFileName(name);
    const dot = safe.lastIndexOf('.');
    const [base, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    for (let copy = 1; ; copy += 1) {
      const candidate = `attachments/${measureCode}/${copy === 1 ? base : `${base}(${copy})`}${extension}`;
      const key = entryNameKey(candidate);
      if (!this.taken.has(key) && isSafeEntryPath(candidate)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

/** Replaces what Windows or the verifier refuses; keeps Chinese names readable. */
export function safeFileName(name: string): string {
  let cleaned = name
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\\/:<>"|?*]/gu, '_')
    .replace(/[. ]+$/u, '')
    .trim();
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned === '' || cleaned === '.' || cleaned === '..') cleaned = 'file';
  if ([...cleaned].length > maxNameLength) {
    const dot = cleaned.lastIndexOf('.');
    const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    cleaned = [...cleaned].slice(0, maxNameLength - extension.length).join('') + extension;
  }
  return cleaned;
}
