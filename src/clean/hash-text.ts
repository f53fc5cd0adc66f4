/** FNV-1a's offset basis. */
export const FNV_SEED = 0x811c9dc5;
/** FNV-1a's 32-bit prime. */
export const FNV_PRIME = 0x01000193;

/**
 * Continues a 32-bit FNV-1a hash `h` over a string's UTF-16 code units, so that a hash of pieces
 * joined together can be taken piece by piece, without joining them.
 */
export function hashUpdate(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/** The final value of a hash taken with hashUpdate: never 0 (0 marks a missing cell). */
export function hashFinish(h: number): number {
  return h === 0 ? 1 : h;
}
