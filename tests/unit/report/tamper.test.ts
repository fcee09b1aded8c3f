import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyReportPackage } from '../../../electron/services/report/package/verify';
import { useTempDirs } from '../../support/temp';
import { seededRandom, writeSamplePackage } from './support';

const tempDir = useTempDirs();

describe('a package altered by a single byte', () => {
  // Each copy has one byte inverted (all 8 bits), at seeded random offsets. Inverting the
  // whole byte always changes a bit that matters: deflate ignores up to 7 padding bits in
  // the last byte of a compressed entry, the one place a lone bit can change unnoticed
  // (and then no content changes either). Every other byte is covered, see zip-layout.ts.
  it('is refused, every one of 1,000 copies, and the verifier never throws', async () => {
    const dir = tempDir();
    const { file } = await writeSamplePackage(dir);
    const original = readFileSync(file);
    expect(original.length).toBeGreaterThan(20_000);
    expect(await verifyReportPackage(file)).toMatchObject({ ok: true });

    const copy = join(dir, 'altered.plreport');
    const random = seededRandom(20261125);
    const accepted: number[] = [];
    const reasons = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const offset = Math.floor(random() * original.length);
      const altered = Buffer.from(original);
      altered[offset] = (original[offset] as number) ^ 0xff;
      writeFileSync(copy, altered);
      const result = await verifyReportPackage(copy);
      if (result.ok) accepted.push(offset);
      else reasons.add(result.reason);
    }
    expect(accepted).toEqual([]);
    // The flips land in content and in structure alike.
    expect(reasons).toContain('hash_mismatch');
    expect(reasons).toContain('corrupt_zip');
  }, 60_000);

  it('is refused when the altered entry is large enough to be read in chunks', async () => {
    const dir = tempDir();
    const { file } = await writeSamplePackage(dir, { scale: 150 });
    const original = readFileSync(file);
    const copy = join(dir, 'altered.plreport');
    const random = seededRandom(7);
    for (let i = 0; i < 100; i += 1) {
      const offset = Math.floor(random() * original.length);
      const altered = Buffer.from(original);
      altered[offset] = (original[offset] as number) ^ 0xff;
      writeFileSync(copy, altered);
      expect((await verifyReportPackage(copy)).ok, `offset ${offset}`).toBe(false);
    }
  }, 60_000);
});
