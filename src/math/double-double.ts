/**
 * Double-double arithmetic (Dekker 1971; Hida, Li & Bailey's QD): a value is an unevaluated sum
 * hi + lo of two doubles, ~32 significant digits. Results go to `dd` (hi in [0], lo in [1]) so the
 * hot loops of the QR allocate nothing.
 */
export const dd = new Float64Array(2);

const SPLITTER = 134217729; // 2^27 + 1: splits a double into two 26-bit halves

/** dd = a·b exactly (TwoProduct). */
export function ddTwoProduct(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  dd[0] = p;
  dd[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** dd = (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  let s = ah + bh;
  let v = s - ah;
  let e = ah - (s - v) + (bh - v);
  const t = al + bl;
  v = t - al;
  const f = al - (t - v) + (bl - v);
  e += t;
  let h = s + e;
  e -= h - s;
  s = h;
  e += f;
  h = s + e;
  dd[0] = h;
  dd[1] = e - (h - s);
}

/** dd = (ah + al)·(bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  ddTwoProduct(ah, bh);
  const p = dd[0];
  const e = dd[1] + (ah * bl + al * bh);
  const h = p + e;
  dd[0] = h;
  dd[1] = e - (h - p);
}

/** dd = (ch + cl) + (ah + al)·(bh + bl): the multiply-accumulate of dot products. */
export function ddMulAdd(ch: number, cl: number, ah: number, al: number, bh: number, bl: number): void {
  ddMul(ah, al, bh, bl);
  ddAdd(ch, cl, dd[0], dd[1]);
}

/** dd = (ah + al) / (bh + bl). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -dd[0], -dd[1]);
  const q2 = (dd[0] + dd[1]) / bh;
  const h = q1 + q2;
  dd[0] = h;
  dd[1] = q2 - (h - q1);
}

/** dd = √(ah + al) (one Newton step from the double square root). */
export function ddSqrt(ah: number, al: number): void {
  if (ah <= 0) {
    dd[0] = 0;
    dd[1] = 0;
    return;
  }
  const x = Math.sqrt(ah);
  ddTwoProduct(x, x);
  const r = (ah - dd[0] - dd[1] + al) / (2 * x);
  const h = x + r;
  dd[0] = h;
  dd[1] = r - (h - x);
}

/*
 * The two loops of every Householder step, with ddMul and ddAdd written out: the same operations
 * in the same order (so the same bits), but in locals instead of through `dd` on every element,
 * which made the QR of a 10,000-row model matrix twice as slow.
 */

/** dd = Σ_{i∈[from,to)} x_i·y_i for double-double vectors (hi/lo arrays), accumulated as ddMulAdd does. */
export function ddDot(xh: Float64Array, xl: Float64Array, yh: Float64Array, yl: Float64Array, from: number, to: number): void {
  let sh = 0;
  let sl = 0;
  for (let i = from; i < to; i++) {
    const ah = xh[i];
    const al = xl[i];
    const bh = yh[i];
    const bl = yl[i];
    // ddMul(ah, al, bh, bl) → (mh, ml)
    const p = ah * bh;
    let t = SPLITTER * ah;
    const ahh = t - (t - ah);
    const ahl = ah - ahh;
    t = SPLITTER * bh;
    const bhh = t - (t - bh);
    const bhl = bh - bhh;
    const err = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl;
    const me = err + (ah * bl + al * bh);
    const mh = p + me;
    const ml = me - (mh - p);
    // ddAdd(sh, sl, mh, ml) → (sh, sl)
    let s = sh + mh;
    let v = s - sh;
    let e = sh - (s - v) + (mh - v);
    const u = sl + ml;
    v = u - sl;
    const f = sl - (u - v) + (ml - v);
    e += u;
    let h = s + e;
    e -= h - s;
    s = h;
    e += f;
    h = s + e;
    sl = e - (h - s);
    sh = h;
  }
  dd[0] = sh;
  dd[1] = sl;
}

/** y_i ← y_i + c·x_i on [from, to) for double-double c and vectors, each step as ddMulAdd(y_i, c, x_i). */
export function ddAxpy(ch: number, cl: number, xh: Float64Array, xl: Float64Array, yh: Float64Array, yl: Float64Array, from: number, to: number): void {
  let t = SPLITTER * ch;
  const chh = t - (t - ch);
  const chl = ch - chh;
  for (let i = from; i < to; i++) {
    const bh = xh[i];
    const bl = xl[i];
    // ddMul(ch, cl, bh, bl) → (mh, ml)
    const p = ch * bh;
    t = SPLITTER * bh;
    const bhh = t - (t - bh);
    const bhl = bh - bhh;
    const err = chh * bhh - p + chh * bhl + chl * bhh + chl * bhl;
    const me = err + (ch * bl + cl * bh);
    const mh = p + me;
    const ml = me - (mh - p);
    // ddAdd(y_i, mh, ml)
    const ah = yh[i];
    const al = yl[i];
    let s = ah + mh;
    let v = s - ah;
    let e = ah - (s - v) + (mh - v);
    const u = al + ml;
    v = u - al;
    const f = al - (u - v) + (ml - v);
    e += u;
    let h = s + e;
    e -= h - s;
    s = h;
    e += f;
    h = s + e;
    yh[i] = h;
    yl[i] = e - (h - s);
  }
}
