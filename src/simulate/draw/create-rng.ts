/** A seeded stream of pseudo-random numbers that is identical on every platform. */
export interface Rng {
  /** The next 32-bit unsigned integer. */
  uint32(): number;
  /** A double uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** An integer uniform on 0 … n-1. */
  below(n: number): number;
}

// FNV-1a over UTF-16 code units: turns a stream name into 32 bits.
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// SplitMix32 step: spreads a seed over the four state words so nearby seeds give unrelated streams.
function splitMix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let t = state.x ^ (state.x >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * Creates an xoshiro128** generator for one named stream of a seed. Only 32-bit integer arithmetic
 * (`Math.imul`, shifts) is used, so a seed gives the same numbers on every platform; each stream
 * (e.g. one per variable) is independent, so adding a variable to a spec leaves the others unchanged.
 * @param seed a non-negative safe integer
 * @param stream the stream's name
 */
export function createRng(seed: number, stream: string): Rng {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const mix = { x: low };
  mix.x ^= splitMix32({ x: high ^ hashName(stream) });
  const s = [splitMix32(mix), splitMix32(mix), splitMix32(mix), splitMix32(mix)];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  let [s0, s1, s2, s3] = s;
  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = (): number => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992;
  return { uint32, uniform, below: (n) => Math.floor(uniform() * n) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
