/** FNV-1a's offset basis: the seed of hashText by default. */
export const FNV_SEED = 0x811c9dc5;

/**
 * Continues a 32-bit FNV-1a hash `h` over a string's UTF-16 code units, so that a hash of pieces
 * joined together can be taken piece by piece, without joining them.
 */
export function hashUpdate(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The final value of a hash taken with hashUpdate: never 0 (0 marks a missing cell). */
export function hashFinish(h: number): number {
  return h === 0 ? 1 : h;
}

/**
 * A 32-bit FNV-1a hash of a string's UTF-16 code units, never 0 (0 marks a missing cell).
 * Different seeds give independent hashes, so two of them make a 64-bit key.
 */
export function hashText(text: string, seed = FNV_SEED): number {
  return hashFinish(hashUpdate(seed >>> 0, text));
}
