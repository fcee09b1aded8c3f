/**
 * The checks on Ed25519 keys and signatures that OpenSSL leaves out, as libsodium makes
 * them: a public key must be canonically encoded (y < p) and not of small order, for with a
 * small-order key the signature R = identity, S = 0 verifies for every message; a signature's
 * S must be below the group order L (OpenSSL checks that too) and its R not of small order.
 */

const p = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/**
 * The y coordinates of the 8 points of small order (with the sign bit either way): 0, 1,
 * p - 1, the two of order 8, and the non-canonical p and p + 1 (that is 0 and 1 again).
 * The list of libsodium's ge25519_has_small_order.
 */
const smallOrderY = new Set([
  0n,
  1n,
  p - 1n,
  0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826n,
  0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7n,
  p,
  p + 1n,
]);

function littleEndian(bytes: Buffer): bigint {
  return BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);
}

/** The point's y coordinate, without the sign bit of x. */
function yOf(point: Buffer): bigint {
  return littleEndian(point) & ((1n << 255n) - 1n);
}

export function hasSmallOrder(point: Buffer): boolean {
  return smallOrderY.has(yOf(point));
}

/** A public key (32 bytes) fit to verify with: canonical and not of small order. */
export function isStrongPublicKey(key: Buffer): boolean {
  return key.length === 32 && yOf(key) < p && !hasSmallOrder(key);
}

/** A signature (64 bytes) in canonical form: S < L, and R not of small order. */
export function isCanonicalSignature(signature: Buffer): boolean {
  return signature.length === 64 && littleEndian(signature.subarray(32)) < L && !hasSmallOrder(signature.subarray(0, 32));
}
