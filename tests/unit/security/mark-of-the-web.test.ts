import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markFromInternet, markOfTheWeb, zoneIdentifierText } from '../../../electron/services/mark-of-the-web';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planledger-motw-'));
  dirs.push(dir);
  return dir;
}

describe('the Mark of the Web', () => {
  it('is the Zone.Identifier stream, Internet zone, on Windows only', () => {
    expect(zoneIdentifierText).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
    expect(markOfTheWeb('C:\\Users\\张三\\Desktop\\纪要.docx', 'win32')).toEqual({
      path: 'C:\\Users\\张三\\Desktop\\纪要.docx:Zone.Identifier',
      text: '[ZoneTransfer]\r\nZoneId=3\r\n',
    });
    for (const platform of ['linux', 'darwin', 'freebsd'] as const) expect(markOfTheWeb('/home/a/纪要.docx', platform)).toBeNull();
  });

  it('is written beside the file where the platform says Windows (here a file named like the stream), and nowhere else', async () => {
    const dir = tempDir();
    const file = join(dir, '纪要.docx');
    writeFileSync(file, 'document');
    expect(await markFromInternet(file, 'linux')).toBe(false);
    expect(readdirSync(dir)).toEqual(['纪要.docx']);
    expect(await markFromInternet(file, 'win32')).toBe(true);
    expect(readFileSync(`${file}:Zone.Identifier`, 'utf8')).toBe(zoneIdentifierText);
    expect(readFileSync(file, 'utf8')).toBe('document');
  });

  it('is left out, not thrown, where the file system cannot hold it (a FAT32 stick)', async () => {
    const missing = join(tempDir(), 'gone', '纪要.docx');
    expect(await markFromInternet(missing, 'win32')).toBe(false);
    expect(existsSync(`${missing}:Zone.Identifier`)).toBe(false);
  });
});
