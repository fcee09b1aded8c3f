import type * as FileSystem from 'node:fs';
import { readdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeReportPackage } from '../../../electron/services/report/package/write';
import { AppError } from '../../../shared/api/errors';
import { useTempDirs } from '../../support/temp';
import { noise, sampleContent, signer } from './support';

const diskSpace = 256 * 1024;

// A disk with 256 KiB free: every file stream fails with ENOSPC past that point.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FileSystem>();
  const noSpace = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return {
    ...fs,
    createWriteStream: (...args: Parameters<typeof fs.createWriteStream>): WriteStream => {
      const stream = fs.createWriteStream(...args);
      let written = 0;
      const write = stream._write.bind(stream);
      const writev = stream._writev?.bind(stream);
      stream._write = (chunk: Buffer, encoding, callback) => {
        written += chunk.length;
        return written > diskSpace ? callback(noSpace()) : write(chunk, encoding, callback);
      };
      stream._writev = (chunks, callback) => {
        written += chunks.reduce((sum, { chunk }) => sum + (chunk as Buffer).length, 0);
        return written > diskSpace || !writev ? callback(noSpace()) : writev(chunks, callback);
      };
      return stream;
    },
  };
});

const tempDir = useTempDirs();

describe('writing a report package onto a full disk', () => {
  it('fails with report.disk_full and leaves nothing behind', async () => {
    const dir = tempDir();
    const source = join(dir, 'evidence.jpg');
    writeFileSync(source, noise(1024 * 1024, 7));
    const outFile = join(dir, 'out.plreport');
    const failure = await writeReportPackage({
      outFile,
      entries: [{ path: 'attachments/evidence.jpg', file: source }],
      manifest: sampleContent,
      signer,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'report.disk_full', params: { file: outFile } });
    expect(readdirSync(dir)).toEqual(['evidence.jpg']);
  });
});
