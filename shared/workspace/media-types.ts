/** Media types by file extension: enough to pick an icon and to label a download, not to trust content. */
const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  wps: 'application/vnd.ms-works',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  dps: 'application/vnd.ms-powerpoint',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  wmv: 'video/x-ms-wmv',
};

export const unknownMediaType = 'application/octet-stream';

export function mediaTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return unknownMediaType;
  return byExtension[name.slice(dot + 1).toLowerCase()] ?? unknownMediaType;
}

export type MediaKind = 'pdf' | 'document' | 'spreadsheet' | 'presentation' | 'image' | 'archive' | 'audio' | 'video' | 'text' | 'other';

/** A coarse family, for choosing an icon. */
export function mediaKind(mediaType: string): MediaKind {
  if (mediaType === 'application/pdf' || mediaType === 'application/ofd') return 'pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('text/') || mediaType === 'application/json' || mediaType === 'application/xml') return 'text';
  if (/spreadsheet|excel/u.test(mediaType)) return 'spreadsheet';
  if (/presentation|powerpoint/u.test(mediaType)) return 'presentation';
  if (/word|msword|works|rtf/u.test(mediaType)) return 'document';
  if (/zip|rar|7z|gzip|tar/u.test(mediaType)) return 'archive';
  return 'other';
}

/**
 * What the desktop app opens with the system app: documents, PDF, spreadsheets, presentations,
 * images and plain text, by extension. Everything else (programs, scripts, shortcuts, web pages,
 * macro-enabled Office files, archives, media, unknown types) is shown in its folder instead:
 * a list of what may open cannot miss a new kind of runnable file, as a list of what may not can.
 */
const opensDirectlyExtensions: ReadonlySet<string> = new Set([
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'rtf',
  'xls',
  'xlsx',
  'et',
  'csv',
  'ppt',
  'pptx',
  'dps',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'bmp',
  'tif',
  'tiff',
  'webp',
  'heic',
  'txt',
]);

/** Whether `name` (a sanitised file name) may be opened with the system app rather than shown in its folder. */
export function opensDirectly(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return false;
  return opensDirectlyExtensions.has(name.slice(dot + 1).toLowerCase());
}
