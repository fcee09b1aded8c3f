/**
 * OLE2 compound files a coordinator may pick instead of an .xlsx: a password-protected workbook
 * (Excel and WPS wrap the encrypted package in a compound file with EncryptionInfo and
 * EncryptedPackage streams, [MS-OFFCRYPTO] 2.3.4.10) and a legacy .xls (a BIFF8 Workbook stream).
 * Written with the plan fixtures' compound-file writer.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oleFile } from '../plan-fixtures/ole';

const padded = (bytes: Buffer, size = 4096) => {
  const out = Buffer.alloc(Math.max(size, bytes.length));
  bytes.copy(out);
  return out;
};

/** Agile encryption's EncryptionInfo: version 4.4, reserved 0x40, then the XML descriptor. */
function agileEncryptionInfo(): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16LE(4, 0);
  head.writeUInt16LE(4, 2);
  head.writeUInt32LE(0x40, 4);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    randomBytes(16).toString('base64') +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor></keyEncryptors></encryption>';
  return Buffer.concat([head, Buffer.from(xml, 'utf8')]);
}

/** A password-protected .xlsx (the package inside is random bytes standing for the ciphertext). */
export function writeEncryptedXlsx(dir: string, fileName = '加密的任务表.xlsx'): string {
  const packageSize = 16 * 1024;
  const encryptedPackage = Buffer.concat([Buffer.alloc(8), randomBytes(packageSize)]);
  encryptedPackage.writeUInt32LE(packageSize, 0);
  const path = join(dir, fileName);
  writeFileSync(
    path,
    oleFile([
      { name: 'EncryptionInfo', data: padded(agileEncryptionInfo()) },
      { name: 'EncryptedPackage', data: encryptedPackage },
    ]),
  );
  return path;
}

/** A legacy .xls: a Workbook stream opening with a BIFF8 BOF record (type 0x0809, version 0x0600, workbook globals). */
export function writeLegacyXls(dir: string, fileName = '旧版任务表.xls', streamName = 'Workbook'): string {
  const bof = Buffer.alloc(20);
  bof.writeUInt16LE(0x0809, 0);
  bof.writeUInt16LE(16, 2);
  bof.writeUInt16LE(0x0600, 4);
  bof.writeUInt16LE(0x0005, 6);
  const path = join(dir, fileName);
  writeFileSync(path, oleFile([{ name: streamName, data: padded(bof) }]));
  return path;
}

/** A compound file that is neither (an old Word .doc): a WordDocument stream. */
export function writeWordDocAsXls(dir: string): string {
  const path = join(dir, 'word.xls');
  writeFileSync(path, oleFile([{ name: 'WordDocument', data: padded(Buffer.from([0xec, 0xa5])) }]));
  return path;
}
