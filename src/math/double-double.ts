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
