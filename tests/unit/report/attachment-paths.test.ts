import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AttachmentPaths } from '../../../electron/services/report/attachment-paths';
import { entryNameKey, isSafeEntryPath } from '../../../shared/report/manifest';

const sha = (seed: string) => createHash('sha256').update(seed).digest('hex');
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Every path is safe for the verifier, fits 255 UTF-8 bytes, and none collides with another. */
function expectSafeAndUnique(paths: string[]): void {
  for (const path of paths) {
    expect(isSafeEntryPath(path), path).toBe(true);
    expect(bytes(path), path).toBeLessThanOrEqual(255);
  }
  expect(new Set(paths.map(entryNameKey)).size).toBe(paths.length);
}

describe('package paths for evidence files', () => {
  it('keep ordinary names as they are and number repeats', () => {
    const paths = new AttachmentPaths();
    expect(paths.pathFor('2.1.1', '会议纪要.pdf', sha('a'))).toBe('attachments/2.1.1/会议纪要.pdf');
    expect(paths.pathFor('2.1.1', '会议纪要.PDF', sha('b'))).toBe('attachments/2.1.1/会议纪要(2).PDF');
    expect(paths.pathFor('2.1.2', '会议纪要.pdf', sha('c'))).toBe('attachments/2.1.2/会议纪要.pdf');
  });

  it('shorten names to the UTF-8 byte budget left after the folder, keeping the extension', () => {
    const paths = new AttachmentPaths();
    const hostile = [
      '测'.repeat(85), // 255 bytes of name alone, no extension
      '测'.repeat(200),
      '😀'.repeat(64), // 256 bytes
      `${'😀'.repeat(70)}.pdf`,
      `${'报'.repeat(100)}.docx`,
      `${'a'.repeat(300)}.txt`,
    ];
    const out = hostile.map((name, index) => paths.pathFor('2.1.1', name, sha(String(index))));
    expectSafeAndUnique(out);
    expect(out[3]).toMatch(/^attachments\/2\.1\.1\/(😀)+\.pdf$/u);
    expect(out[4]).toMatch(/^attachments\/2\.1\.1\/报+\.docx$/u);
    expect(out[0]?.startsWith(`attachments/2.1.1/${'测'.repeat(70)}`)).toBe(true);
  });

  it('number shortened repeats within the budget, and fall back to the content hash when numbering runs out', () => {
    const paths = new AttachmentPaths();
    const name = '测'.repeat(85);
    const out = Array.from({ length: 150 }, (_, index) => paths.pathFor('2.1.1', name, sha(`copy-${index}`)));
    expectSafeAndUnique(out);
    expect(out[1]).toMatch(/测\(2\)$/u);
    expect(out.some((path) => path.endsWith(`/${sha('copy-149').slice(0, 12)}`))).toBe(true);
  });

  it('end even when the same content arrives again and again under one name', () => {
    const paths = new AttachmentPaths();
    const out = Array.from({ length: 300 }, () => paths.pathFor('2.1.1', `${'😀'.repeat(64)}.jpg`, sha('same')));
    expectSafeAndUnique(out);
  });

  it('put an unsafe measure code into a safe folder', () => {
    const paths = new AttachmentPaths();
    const codes = ['../..', '..', 'C:', 'a/b', 'CON', 'x\u202egpj.exe', '', ' 2.1 ', '.', '码'.repeat(120)];
    const out = codes.map((code, index) => paths.pathFor(code, '纪要.pdf', sha(`code-${index}`)));
    expectSafeAndUnique(out);
    for (const path of out) expect(path.split('/')).toHaveLength(3);
  });
});
