import { dd, ddAdd } from '../../math/double-double.js';

/** The quantile rules of R survey's `svyquantile(qrule = …)`: "math" (its default) and Hyndman & Fan's types. */
export const QUANTILE_RULES = ['math', 'school', 'hf1', 'hf2', 'hf3', 'hf4', 'hf5', 'hf6', 'hf7', 'hf8', 'hf9'] as const;
export type QuantileRule = (typeof QUANTILE_RULES)[number];

/** The values with non-zero weight, sorted (stably, as R's `order`), with their weights and cumulative weights. */
interface Sorted {
  x: Float64Array;
  w: Float64Array;
  /** Cumulative weights, summed in double-double and rounded (R's `cumsum` accumulates in long double). */
  cumw: Float64Array;
}

function sortedValues(x: readonly number[], w: readonly number[]): Sorted {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const n = order.length;
  const out = { x: new Float64Array(n), w: new Float64Array(n), cumw: new Float64Array(n) };
  let hi = 0;
  let lo = 0;
  order.forEach((i, k) => {
    out.x[k] = x[i];
    out.w[k] = w[i];
    ddAdd(hi, lo, w[i], 0);
    [hi, lo] = dd;
    out.cumw[k] = hi + lo;
  });
  return out;
}

/** Equal values merged, their weights summed (R `rowsum(w, x)` for hf3). */
function mergeTies(s: Sorted): Sorted {
  const x: number[] = [];
  const w: number[] = [];
  for (let k = 0; k < s.x.length; k++) {
    if (x.length && x[x.length - 1] === s.x[k]) w[w.length - 1] += s.w[k];
    else (x.push(s.x[k]), w.push(s.w[k]));
  }
  return sortedValues(x, w);
}

/** R survey's `qs()`: the values either side of p on the weighted CDF and how far p is from each (0-based positions). */
function qs(s: Sorted, p: number) {
  const n = s.x.length;
  const total = s.cumw[n - 1];
  let pos = -1;
  for (let k = 0; k < n; k++) if (s.cumw[k] <= p * total) pos = k;
  if (pos < 0) pos = 0; // R's last(): 1 when no cumulative weight is at or below p·Σw
  const next = pos === n - 1 ? pos : pos + 1;
  return { low: s.x[pos], up: s.x[next], ilow: pos + 1, wlow: p - s.cumw[pos] / total, wup: s.cumw[next] / total - p };
}

/** R `approx(pk, x, p, method = "linear", rule = 2)$y` over increasing pk (R's approx1 arithmetic). */
function approxLinear(pk: Float64Array, x: Float64Array, p: number): number {
  const n = pk.length;
  if (Number.isNaN(p) || n === 0 || pk.some(Number.isNaN)) return NaN;
  if (p < pk[0]) return x[0];
  if (p > pk[n - 1]) return x[n - 1];
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (p < pk[ij]) j = ij;
    else i = ij;
  }
  if (p === pk[j]) return x[j];
  if (p === pk[i]) return x[i];
  return x[i] + (x[j] - x[i]) * ((p - pk[i]) / (pk[j] - pk[i]));
}

/** Plotting positions pk of the interpolating rules hf5–hf9 (R survey's `qrule_hf*`). */
function positions(rule: QuantileRule, s: Sorted): Float64Array {
  const { w, cumw } = s;
  const n = cumw.length;
  const last = cumw[n - 1];
  const before = (k: number) => (k === 0 ? 0 : cumw[k - 1]);
  const pk = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (rule === 'hf5') pk[k] = (cumw[k] - w[k] / 2) / last;
    else if (rule === 'hf6') pk[k] = cumw[k] / (last + w[n - 1]);
    else if (rule === 'hf7') pk[k] = before(k) / cumw[n - 2];
    else if (rule === 'hf8') pk[k] = ((before(k) * 1) / 3 + (cumw[k] * 2) / 3) / (last + w[n - 1] / 3);
    else pk[k] = ((before(k) * 3) / 8 + (cumw[k] * 5) / 8) / (last + w[n - 1] / 4);
  }
  return pk;
}

/**
 * The p-quantile of x with weights w by one of R survey's rules (`survey:::qrule_math`, `qrule_school`,
 * `qrule_hf1` … `qrule_hf9`); zero weights are dropped. "math" (= hf1): the smallest x whose
 * cumulative weight share reaches p (the lower value when p hits a step exactly); "school" (= hf2)
 * averages the two values at an exact step; hf3 rounds to the even order statistic; hf4 interpolates
 * on the CDF; hf5–hf9 interpolate linearly between plotting positions pk. NaN for no values.
 * @example weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5, 'math') // 2
 */
export function weightedQuantile(x: readonly number[], w: readonly number[], p: number, rule: QuantileRule = 'math'): number {
  const keep = w.map((wi) => wi !== 0);
  const s = sortedValues(x.filter((_, i) => keep[i]), w.filter((_, i) => keep[i]));
  if (s.x.length === 0 || Number.isNaN(p)) return NaN;
  switch (rule) {
    case 'math':
    case 'hf1': {
      const q = qs(s, p);
      return q.wlow === 0 ? q.low : q.up;
    }
    case 'school':
    case 'hf2': {
      const q = qs(s, p);
      return q.wlow === 0 ? (q.low + q.up) / 2 : q.up;
    }
    case 'hf3': {
      const q = qs(mergeTies(s), p);
      return q.wlow === 0 && q.ilow % 2 === 0 ? q.low : q.up;
    }
    case 'hf4': {
      const q = qs(s, p);
      const gamma = q.wlow / (q.wup + q.wlow);
      return q.low * (1 - gamma) + q.up * gamma;
    }
    default:
      // hf7 divides by the cumulative weight before the last value: undefined for one value, as in R.
      if (rule === 'hf7' && s.x.length < 2) return NaN;
      return approxLinear(positions(rule, s), s.x, p);
  }
}
