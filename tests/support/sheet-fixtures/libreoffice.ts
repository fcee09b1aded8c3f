/**
 * The breakdown as another spreadsheet program saves it: LibreOffice Calc (headless) re-saves
 * the exceljs workbook as .xlsx (its own shared strings, styles and number formats) and as a
 * legacy .xls (a real BIFF8 compound file). Needs Debian's libreoffice-calc-nogui (see .ci/run).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { convertWithLibreOffice } from '../plan-fixtures/doc';
import { writeBreakdownXlsx } from './breakdown';

async function convertBreakdown(dir: string, filter: string): Promise<string> {
  const work = join(dir, 'exceljs');
  mkdirSync(work, { recursive: true });
  return convertWithLibreOffice(await writeBreakdownXlsx(work), dir, filter);
}

/** The breakdown opened and saved again as .xlsx by LibreOffice Calc. */
export function writeBreakdownSavedByLibreOffice(dir: string): Promise<string> {
  return convertBreakdown(dir, 'xlsx:Calc MS Excel 2007 XML');
}

/** The breakdown saved by LibreOffice Calc as an Excel 97–2003 .xls. */
export function writeBreakdownAsXls(dir: string): Promise<string> {
  return convertBreakdown(dir, 'xls:MS Excel 97');
}
