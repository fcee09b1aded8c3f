import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { FileRegistry } from '../../../electron/services/files';
import { writePdfToTarget } from '../../../electron/services/print/pdf-file';
import { quietLog } from '../../support/call';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

function context(): { ctx: ServiceContext; dir: string } {
  const dir = tempDir();
  const ctx = { files: new FileRegistry(join(dir, 'tmp')), log: quietLog } as unknown as ServiceContext;
  return { ctx, dir };
}

describe('saving a PDF', () => {
  it('writes it whole where the user chose, once per target', () => {
    const { ctx, dir } = context();
    const target = ctx.files.registerSaveTarget(join(dir, '清单.pdf'));
    const pdf = new TextEncoder().encode('%PDF-1.7 test');
    expect(writePdfToTarget(ctx, target.id, pdf)).toEqual({ name: '清单.pdf', size: pdf.length });
    expect(readFileSync(join(dir, '清单.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    expect(() => writePdfToTarget(ctx, target.id, pdf)).toThrow(/file.expired/u);
  });

  it('names the file when it cannot be written and leaves nothing behind', () => {
    const { ctx, dir } = context();
    const target = ctx.files.registerSaveTarget(join(dir, 'missing-folder', '清单.pdf'));
    expect(() => writePdfToTarget(ctx, target.id, new Uint8Array(8))).toThrow(
      expect.objectContaining({ code: 'print.write_failed', params: expect.objectContaining({ file: '清单.pdf' }) }),
    );
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
  });
});
