/**
 * A 32-bit FNV-1a hash of a string's UTF-16 code units, never 0 (0 marks a missing cell).
 * Different seeds give independent hashes, so two of them make a 64-bit key.
 */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h === 0 ? 1 : h;
}
