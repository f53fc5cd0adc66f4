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
  // Buckets as chains in typed arrays (entry i·blocks + b is row i's block b, linking to the entry
  // before it in its bucket), found through blockHeads: a million rows cost a few bytes each, not
  // an array object per bucket nor a Map entry keyed by a boxed 40-bit number.
  const heads = blockHeads(blocks);
  const next = new Int32Array(n * blocks).fill(-1);
  const depth = new Uint16Array(n * blocks);
  const hashes = new Uint32Array(n * blocks);
  const seenBy = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    // A block's key is a hash of its cells: a collision only costs one extra comparison.
    for (let b = 0; b < blocks; b++) {
      let h = 0x811c9dc5;
      for (let c = bounds[b]; c < bounds[b + 1]; c++) h = Math.imul(h ^ cells[i * width + c], 0x01000193) >>> 0;
      hashes[i * blocks + b] = h;
    }
    search: for (let b = 0; b < blocks; b++) {
      for (let entry = heads.get(hashes, i * blocks + b); entry >= 0; entry = next[entry]) {
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
    for (let b = 0; b < blocks; b++) {
      const entry = i * blocks + b;
      const previous = heads.get(hashes, entry);
      if (previous >= 0 && depth[previous] >= BUCKET_CAP) continue;
      next[entry] = previous;
      depth[entry] = previous >= 0 ? depth[previous] + 1 : 1;
      heads.set(hashes, entry);
    }
  }
  return found;
}

/**
 * The latest entry of each bucket, by (block, hash of its cells): an open-addressing table of
 * entries, growing as it fills. An entry e stands for block e mod `blocks` with hash `hashes[e]`.
 */
function blockHeads(blocks: number) {
  let slots = new Int32Array(1 << 10).fill(-1);
  let used = 0;
  const start = (h: number, b: number) => Math.imul(h ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  /** The slot of the bucket entry `e` belongs in: the one holding its bucket, else an empty one. */
  const slotOf = (hashes: Uint32Array, e: number) => {
    const h = hashes[e];
    const b = e % blocks;
    const mask = slots.length - 1;
    for (let s = start(h, b) & mask; ; s = (s + 1) & mask) {
      const held = slots[s];
      if (held < 0 || (hashes[held] === h && held % blocks === b)) return s;
    }
  };
  return {
    /** The latest entry of entry e's bucket, or -1. */
    get: (hashes: Uint32Array, e: number) => slots[slotOf(hashes, e)],
    /** Makes e the latest entry of its bucket. */
    set(hashes: Uint32Array, e: number) {
      const s = slotOf(hashes, e);
      if (slots[s] < 0 && ++used * 2 > slots.length) {
        // Half full: twice the slots, every bucket placed again.
        const old = slots;
        slots = new Int32Array(old.length * 2).fill(-1);
        for (const held of old) if (held >= 0) slots[slotOf(hashes, held)] = held;
        slots[slotOf(hashes, e)] = e;
        return;
      }
      slots[s] = e;
    },
  };
}
