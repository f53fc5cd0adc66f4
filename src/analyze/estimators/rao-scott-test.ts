import type { Design } from '../../core/design.js';
import { fUpperTail } from '../../math/distributions/f-upper-tail.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import { caseWeights, designDegreesOfFreedom, linearizationCovariance } from '../variance/design-variance.js';
import { replicateCovariance } from '../variance/replicate-variance.js';

/** Cell proportions of the rows answering both (cell ≥ 0) under weights w. */
function cellShares(cell: Int32Array, w: Float64Array, K: number): Float64Array {
  let sumW = 0;
  const p = new Float64Array(K);
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] < 0) continue;
    sumW += w[i];
    p[cell[i]] += w[i];
  }
  return p.map((v) => v / sumW);
}

/** The design-based test of independence of a two-way table. */
export interface RaoScottTest {
  /** Pearson X² of the weighted table scaled to the sample size N (R `svytable(Ntotal = N)`). */
  readonly pearson: number;
  /** F = X² / tr(Δ). */
  readonly statistic: number;
  /** Numerator df d₀ = tr(Δ)² / tr(Δ²). */
  readonly ndf: number;
  /** Denominator df d₀ · ν, ν = PSUs − strata of the design. */
  readonly ddf: number;
  readonly pValue: number;
  /** Mean generalized design effect tr(Δ) / ((r − 1)(c − 1)). */
  readonly meanDeff: number;
}

/** C = (I − X₁(X₁ᵀX₁)⁻¹X₁ᵀ)X₁₂: the interaction contrasts of an r×c table net of its main effects, K = rc rows (row level fastest). */
function interactionContrasts(nr: number, nc: number): Float64Array[] {
  const K = nr * nc;
  const main: Float64Array[] = [new Float64Array(K).fill(1)];
  for (let i = 1; i < nr; i++) main.push(Float64Array.from({ length: K }, (_, k) => (k % nr === i ? 1 : 0)));
  for (let j = 1; j < nc; j++) main.push(Float64Array.from({ length: K }, (_, k) => (Math.floor(k / nr) === j ? 1 : 0)));
  const q = main.length;
  const gram = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) gram[a * q + b] = main[a].reduce((s, v, k) => s + v * main[b][k], 0);
  const inverse = invertPositiveDefinite(gram, q);
  const contrasts: Float64Array[] = [];
  for (let j = 1; j < nc; j++) {
    for (let i = 1; i < nr; i++) {
      const x = Float64Array.from({ length: K }, (_, k) => (k === i + nr * j ? 1 : 0));
      const xty = main.map((m) => m[i + nr * j]);
      const beta = main.map((_, a) => xty.reduce((s, v, b) => s + inverse[a * q + b] * v, 0));
      contrasts.push(x.map((v, k) => v - main.reduce((s, m, a) => s + m[k] * beta[a], 0)));
    }
  }
  return contrasts;
}

/**
 * Rao-Scott second-order corrected test of independence for an r×c table under the design
 * (R `survey::svychisq(~a + b, design)`, default `statistic = "F"`). With p̂ the K = rc cell
 * proportions among rows answering both (`svymean` of the cell indicators, linearization
 * covariance V), D = diag(p̂) (zero cells get D⁻¹ = 0), C the interaction contrasts net of the main
 * effects and N the design's rows: Δ = (CᵀD⁻¹C/N)⁻¹ CᵀD⁻¹VD⁻¹C, X² the Pearson statistic of the
 * table scaled to N, F = X²/tr(Δ) on d₀ = tr(Δ)²/tr(Δ²) and d₀ν degrees of freedom, ν = PSUs −
 * strata of the whole design. `cell[i]` is row level + r · column level, or −1 when either is missing.
 * With `domain` (1 = row in it), the test is that of the subset design (R `svychisq(f, subset(design, …))`):
 * N and ν count only the domain's rows, PSUs and strata.
 * @example raoScottTest(design, cells, 2, 3).pValue
 */
export function raoScottTest(design: Design, cell: Int32Array, nr: number, nc: number, domain: Uint8Array | null = null): RaoScottTest {
  const K = nr * nc;
  const N = design.table.nrows;
  // The design's size (its rows, or the domain's), which scales the table and the contrasts alike.
  const size = domain ? domain.reduce((a, b) => a + b, 0) : N;
  const w = caseWeights(design);
  let sumW = 0;
  for (let i = 0; i < N; i++) if (cell[i] >= 0) sumW += w[i];
  const p = cellShares(cell, w, K);
  // Influence of each row on each cell proportion (a ratio mean over the rows answering both).
  const z = new Float64Array(N * K);
  const rows = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    if (cell[i] < 0) continue;
    rows[i] = 1;
    for (let k = 0; k < K; k++) z[i * K + k] = (w[i] * ((cell[i] === k ? 1 : 0) - p[k])) / sumW;
  }
  // On a replicate design (R svychisq.svyrep.design) V is svymean's replicate covariance of the cell shares.
  const V = design.replicates ? replicateCovariance(design.replicates, p, (wr) => cellShares(cell, wr, K)) : linearizationCovariance(design, z, K, rows);
  const inv = Float64Array.from(p, (v) => (v === 0 ? 0 : 1 / v));
  const C = interactionContrasts(nr, nc);
  const m = C.length;
  const denom = new Float64Array(m * m);
  const numr = new Float64Array(m * m);
  // D⁻¹C, column by column.
  const dc = C.map((c) => c.map((v, k) => v * inv[k]));
  for (let a = 0; a < m; a++) {
    const vdc = new Float64Array(K);
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) vdc[k] += V[k * K + l] * dc[a][l];
    for (let b = 0; b < m; b++) {
      let d = 0;
      let n = 0;
      for (let k = 0; k < K; k++) {
        d += C[b][k] * dc[a][k];
        n += dc[b][k] * vdc[k];
      }
      denom[b * m + a] = d / size;
      numr[b * m + a] = n;
    }
  }
  const inverse = invertPositiveDefinite(denom, m);
  const delta = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) for (let k = 0; k < m; k++) delta[a * m + b] += inverse[a * m + k] * numr[k * m + b];
  let trace = 0;
  let traceSquare = 0;
  for (let a = 0; a < m; a++) {
    trace += delta[a * m + a];
    for (let b = 0; b < m; b++) traceSquare += delta[a * m + b] * delta[b * m + a];
  }
  const rowShare = new Float64Array(nr);
  const colShare = new Float64Array(nc);
  p.forEach((v, k) => ((rowShare[k % nr] += v), (colShare[Math.floor(k / nr)] += v)));
  let pearson = 0;
  for (let k = 0; k < K; k++) {
    const e = rowShare[k % nr] * colShare[Math.floor(k / nr)];
    pearson += (size * (p[k] - e) ** 2) / e;
  }
  const statistic = pearson / trace;
  const ndf = (trace * trace) / traceSquare;
  const ddf = ndf * designDegreesOfFreedom(design, domain);
  return { pearson, statistic, ndf, ddf, pValue: fUpperTail(statistic, ndf, ddf), meanDeff: trace / m };
}
