import { chisquareUpperTail } from '../../math/distributions/index.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import { weightedGram } from '../../math/weighted-gram.js';
import type { ModelMatrix } from '../../model/build-model-matrix.js';
import { logitNewton } from './logit-newton.js';
import type { TestResult } from './regression-result.js';

/**
 * Brant's (1990) test of parallel lines (R: `brant::brant`): J−1 binary logits of I(y > j) give
 * slopes β_j with Var(β_m, β_l) = (XᵀW_mX)⁻¹·XᵀW_mlX·(XᵀW_lX)⁻¹, w_ml = wᵢ(π_l − π_m·π_l) for l ≥ m;
 * X² = (Dβ)ᵀ(D·V·Dᵀ)⁻¹(Dβ) for D the differences β_1 − β_m, df = K(J−2); overall then per term.
 * The logits are fitted in double precision (logitNewton), as R's glm fits them, from `start(j)`
 * (β by model-matrix column) when given.
 */
export function brantTest(matrix: ModelMatrix, codes: Int32Array, levels: number, w: Float64Array, termOf: readonly string[], start?: (cut: number) => Float64Array): ({ term: string } & TestResult)[] {
  const p = matrix.columns.length;
  const slopes = matrix.names.map((_, j) => j).filter((j) => termOf[j] !== '(Intercept)');
  const K = slopes.length;
  const cuts = levels - 1;
  // The statistic is assembled in double from these fits, so they need no double-double QR.
  const fits = Array.from({ length: cuts }, (_, j) => logitNewton(matrix.columns, matrix.names, above(codes, j), w, start?.(j)));
  const inverses = fits.map((f) => f.inverseInformation);
  const beta = fits.flatMap((f) => slopes.map((j) => f.coefficients[j]));
  const size = K * cuts;
  const V = new Float64Array(size * size);
  const product = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) for (let j = 0; j < p; j++) out[i * p + j] += a[i * p + k] * b[k * p + j];
    return out;
  };
  for (let m = 0; m < cuts; m++) {
    for (let l = m; l < cuts; l++) {
      const cross = weightedGram(matrix.columns, crossWeights(w, fits[m].mu, fits[l].mu));
      const block = product(product(inverses[m], cross), inverses[l]);
      slopes.forEach((ja, a) => slopes.forEach((jb, b) => {
        V[(m * K + a) * size + l * K + b] = block[ja * p + jb];
        V[(l * K + b) * size + m * K + a] = block[ja * p + jb];
      }));
    }
  }
  const test = (term: string, columns: number[]) => {
    // D stacks β_1 − β_m (m = 2..J−1) on the chosen slopes.
    const rows: number[][] = [];
    for (let m = 1; m < cuts; m++) for (const k of columns) rows.push([k, m * K + k]);
    const r = rows.length;
    const d = rows.map(([a, b]) => beta[a] - beta[b]);
    const dvd = new Float64Array(r * r);
    rows.forEach(([a1, b1], i) => rows.forEach(([a2, b2], j) => {
      dvd[i * r + j] = V[a1 * size + a2] - V[a1 * size + b2] - V[b1 * size + a2] + V[b1 * size + b2];
    }));
    const inverse = invertPositiveDefinite(dvd, r);
    let statistic = 0;
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) statistic += d[i] * inverse[i * r + j] * d[j];
    return { term, statistic, df: r, pValue: chisquareUpperTail(statistic, r), distribution: 'chisq' as const };
  };
  const terms = [...new Set(slopes.map((j) => termOf[j]))];
  return [
    test('Omnibus', slopes.map((_, k) => k)),
    ...terms.map((t) => test(t, slopes.map((j, k) => (termOf[j] === t ? k : -1)).filter((k) => k >= 0))),
  ];
}

/** I(y > j) for response codes y. */
function above(codes: Int32Array, j: number): Float64Array {
  const y = new Float64Array(codes.length);
  for (let i = 0; i < y.length; i++) y[i] = codes[i] > j ? 1 : 0;
  return y;
}

/** w_ml = wᵢ(π_l − π_m·π_l), the weights of XᵀW_mlX. */
function crossWeights(w: Float64Array, muM: Float64Array, muL: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i] * (muL[i] - muM[i] * muL[i]);
  return out;
}
