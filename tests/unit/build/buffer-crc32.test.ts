import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import crc32, { signed, unsigned } from '../../../build/shims/buffer-crc32';

// The package our bundles replace (a dependency of yazl).
const original = createRequire(import.meta.url)('buffer-crc32') as typeof crc32;

describe('native CRC-32 standing in for buffer-crc32', () => {
  it('gives the same values as the package it replaces, chunked or whole', () => {
    for (const size of [0, 1, 7, 1024, 65_537]) {
      const data = randomBytes(size);
      expect(unsigned(data)).toBe(original.unsigned(data));
      expect(signed(data)).toBe(original.signed(data));
      expect(crc32(data).equals(original(data))).toBe(true);
      const half = Math.floor(size / 2);
      expect(unsigned(data.subarray(half), unsigned(data.subarray(0, half)))).toBe(original.unsigned(data));
      expect(unsigned(data.subarray(half), crc32(data.subarray(0, half)))).toBe(original.unsigned(data));
    }
    expect(unsigned('工作台账')).toBe(original.unsigned('工作台账'));
  });
});
