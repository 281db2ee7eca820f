import { createHash } from 'node:crypto';

/** werf joins every hashed argument list with this separator. */
export const HASH_SEPARATOR = ':::';

/** hex(SHA3-224(parts joined with ':::')): 56 hex chars (werf `util.Sha3_224Hash`). */
export function sha3_224(...parts: string[]): string {
  return createHash('sha3-224').update(parts.join(HASH_SEPARATOR)).digest('hex');
}

/** hex(SHA-256(parts joined with ':::')): 64 hex chars (werf `util.Sha256Hash`). No parts hashes "". */
export function sha256(...parts: string[]): string {
  return createHash('sha256').update(parts.join(HASH_SEPARATOR)).digest('hex');
}

/** MurmurHash3 x86 32-bit of `data` with `seed`. */
export function murmur3_32(data: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const len = data.length;
  const blocks = len & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  let k = 0;
  const tail = len & 3;
  if (tail === 3) k ^= data[blocks + 2]! << 16;
  if (tail >= 2) k ^= data[blocks + 1]! << 8;
  if (tail >= 1) {
    k ^= data[blocks]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** werf `util.LegacyMurmurHash`: murmur3-32 (seed 0) of the ':::' join, `%x` (no zero padding). */
export function legacyMurmurHash(...parts: string[]): string {
  return murmur3_32(Buffer.from(parts.join(HASH_SEPARATOR), 'utf8')).toString(16);
}
