/** Word 2007+ (.docx): the text of its paragraphs through mammoth, after the package is checked for zip bombs. */
import mammoth from 'mammoth';
import { causeText } from '../../../../shared/api/error-text';
import { PlanParseError } from '../../../../shared/plan/errors';
import type { ReadSource } from './read-source';
import { checkZipPackage, type ZipLimits } from './zip-limits';

export const DOCX_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'dotm']);

/** Throws plan.docx_too_large or plan.docx_invalid (see checkZipPackage). */
export function checkDocxPackage(bytes: Uint8Array, limits: ZipLimits = {}): Promise<void> {
  return checkZipPackage(bytes, { invalid: 'plan.docx_invalid', tooLarge: 'plan.docx_too_large' }, limits);
}

export async function readDocx(bytes: Uint8Array): Promise<ReadSource> {
  await checkDocxPackage(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { reader: 'docx', text: result.value, dropped: [] };
  } catch (error) {
    throw new PlanParseError('plan.docx_invalid', { detail: causeText(error) });
  }
}
