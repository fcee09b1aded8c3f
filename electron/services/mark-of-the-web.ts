import { writeFile } from 'node:fs/promises';
import { errorDetails, type Logger } from '../lib/log';

/**
 * The Mark of the Web: what Windows writes on a downloaded file, in its Zone.Identifier
 * alternate data stream. ZoneId 3 is the Internet zone: Office opens such a file in Protected
 * View, with macros blocked, and SmartScreen asks before a program runs.
 */
export const zoneIdentifierText = '[ZoneTransfer]\r\nZoneId=3\r\n';

/** Where and what to write to mark `path` as from the internet; null where there is no such mark (not Windows). */
export function markOfTheWeb(path: string, platform: NodeJS.Platform): { path: string; text: string } | null {
  return platform === 'win32' ? { path: `${path}:Zone.Identifier`, text: zoneIdentifierText } : null;
}

/**
 * Marks a file that came from elsewhere (saved out of a received package, an evidence copy
 * opened with the system app). True when marked. A file system without alternate streams
 * (FAT32 or exFAT on a USB stick) cannot hold the mark: logged, not an error, as the file is
 * saved all the same.
 */
export async function markFromInternet(path: string, platform: NodeJS.Platform, log?: Logger): Promise<boolean> {
  const mark = markOfTheWeb(path, platform);
  if (mark === null) return false;
  try {
    await writeFile(mark.path, mark.text);
    return true;
  } catch (error) {
    log?.warn('could not mark the file as from the internet', errorDetails(error));
    return false;
  }
}
