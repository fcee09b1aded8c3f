import { crc32 as zlibCrc32 } from 'node:zlib';

/**
 * Stands in for the `buffer-crc32` package inside our bundles (see build/scripts/build.mjs):
 * the same API, computed by zlib in native code instead of JavaScript. The ZIP writer spends
 * a large share of its time on CRC-32 otherwise.
 */
function previousValue(previous?: number | Buffer): number {
  if (typeof previous === 'number') return previous;
  return previous ? previous.readUInt32BE(0) : 0;
}

export function unsigned(buffer: Buffer | string, previous?: number | Buffer): number {
  return zlibCrc32(typeof buffer === 'string' ? Buffer.from(buffer) : buffer, previousValue(previous));
}

export function signed(buffer: Buffer | string, previous?: number | Buffer): number {
  return unsigned(buffer, previous) | 0;
}

function crc32(buffer: Buffer | string, previous?: number | Buffer): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(unsigned(buffer, previous), 0);
  return out;
}

export default Object.assign(crc32, { unsigned, signed });
