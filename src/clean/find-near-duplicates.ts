// A crowded bucket (many rows sharing one block of answers) holds only its first rows, so that
// the search stays near-linear; a near-duplicate of a later row in it can be missed.
const BUCKET_CAP = 256;

/**
 * For each row, the index of an earlier row whose answers agree on at least `similarity` of the
 * `width` cells (-1 if none). Rows are compared only when `eligible`. Pigeonhole blocking: with
 * at most d differences, two rows agree on at least one of d + 1 contiguous blocks, so only rows
 * sharing a block are compared.
 * @example findNearDuplicates(Uint32Array.of(1,2,3,4, 1,2,3,9), 4, [true, true], 0.75) // [-1, 0]
 */
export function findNearDuplicates(cells: Uint32Array, width: number, eligible: ArrayLike<boolean>, similarity: number): Int32Array {
  const n = eligible.length;
  const found = new Int32Array(n).fill(-1);
  const maxDiff = width - Math.ceil(similarity * width - 1e-9);
  if (maxDiff <= 0 || width === 0) return found;
  const blocks = Math.min(maxDiff + 1, width);
  const bounds = Array.from({ length: blocks + 1 }, (_, b) => Math.round((b * width) / blocks));
  // Buckets as chains in typed arrays (the latest entry per key, each entry linking to the one
  // before): a million rows cost a few bytes each, not an array object per bucket.
  const head = new Map<number, number>();
  const next = new Int32Array(n * blocks).fill(-1);
  const depth = new Uint16Array(n * blocks);
  const seenBy = new Int32Array(n).fill(-1);
  const keys = new Array<number>(blocks);
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    // A block's key is a hash of its cells: a collision only costs one extra comparison.
    for (let b = 0; b < blocks; b++) {
      let h = 0x811c9dc5;
      for (let c = bounds[b]; c < bounds[b + 1]; c++) h = Math.imul(h ^ cells[i * width + c], 0x01000193) >>> 0;
      keys[b] = h * blocks + b;
    }
    search: for (const key of keys) {
      for (let entry = head.get(key) ?? -1; entry >= 0; entry = next[entry]) {
        const j = Math.floor(entry / blocks);
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        let diff = 0;
        for (let c = 0; c < width && diff <= maxDiff; c++) if (cells[i * width + c] !== cells[j * width + c]) diff++;
        if (diff <= maxDiff) {
          found[i] = j;
          break search;
        }
      }
    }
    keys.forEach((key, b) => {
      const previous = head.get(key) ?? -1;
      if (previous >= 0 && depth[previous] >= BUCKET_CAP) return;
      const entry = i * blocks + b;
      next[entry] = previous;
      depth[entry] = previous >= 0 ? depth[previous] + 1 : 1;
      head.set(key, entry);
    });
  }
  return found;
}
