/** File signatures and names: how a reader is chosen for a source. */

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .doc, .wps, .xls… */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const RTF_MAGIC = [...'{\\rtf'].map((c) => c.charCodeAt(0));
export const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));

/** `%PDF-` within the first kilobyte, where readers have always looked for it (some producers put junk before it). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf(Buffer.from(PDF_MAGIC)) >= 0;
}

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** 'D:\\文件\\计划.DOCX' → 'docx'. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
