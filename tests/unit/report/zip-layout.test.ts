import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCentralDirectoryEnd, Refusal } from '../../../electron/services/report/package/zip-layout';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

/**
 * The tail yazl writes once a package has 65,535 entries or more: the ZIP64 end record and
 * locator, then the classic end record with the entry count saturated. The central
 * directory itself is a placeholder here: only the tail is under test.
 */
function zip64Tail({ entries = 70_000, directorySize = 3_000_000, locatorDisks = 1 } = {}): Buffer {
  const directoryOffset = 123_456;
  const recordOffset = directoryOffset + directorySize;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE((3 << 8) | 63, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(recordOffset), 8);
  locator.writeUInt32LE(locatorDisks, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries, 0xffff), 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([Buffer.alloc(recordOffset), record, locator, end]);
}

async function readTail(bytes: Buffer) {
  const file = join(tempDir(), 'tail.zip');
  writeFileSync(file, bytes);
  const fd = openSync(file, 'r');
  try {
    return await readCentralDirectoryEnd(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

describe('the end of the central directory', () => {
  it('is read through the ZIP64 record when there are 65,535 entries or more', async () => {
    expect(await readTail(zip64Tail())).toEqual({ entryCount: 70_000, offset: 123_456, size: 3_000_000 });
  });

  it('refuses a ZIP64 tail the writer would not have written', async () => {
    for (const bytes of [zip64Tail({ entries: 100 }), zip64Tail({ locatorDisks: 2 })]) {
      await expect(readTail(bytes)).rejects.toEqual(new Refusal('corrupt_zip', 'end of central directory'));
    }
  });
});
