import type { DomainMean } from '../variance/domain-mean-result.js';

/**
 * What a domain mean and its variance need, merged block by block: rows in the domain (any value,
 * for its degrees of freedom), rows with a value and with a non-zero weight, Σw, the weighted mean
 * m, Σw(y − m)², and Σw², Σw²(y − m), Σw²(y − m)² for the linearization variance.
 */
export interface DomainMoments {
  rows: number;
  valid: number;
  weighted: number;
  sumW: number;
  mean: number;
  ss: number;
  sumW2: number;
  t: number;
  q: number;
}

export const emptyMoments = (): DomainMoments => ({ rows: 0, valid: 0, weighted: 0, sumW: 0, mean: 0, ss: 0, sumW2: 0, t: 0, q: 0 });

/**
 * Adds a block's moments (about the block's own mean) to `into`: both are re-centred on the
 * combined mean m by exact shifts d = mₓ − m — ss + Σw·d², q + 2d·t + Σw²·d², t + Σw²·d (Chan,
 * Golub & LeVeque's pairwise update, here with the w² moments too) — never Σy² − n·m².
 */
export function mergeMoments(into: DomainMoments, block: DomainMoments): void {
  into.rows += block.rows;
  into.valid += block.valid;
  into.weighted += block.weighted;
  if (block.sumW === 0) return;
  const sumW = into.sumW + block.sumW;
  const mean = into.sumW === 0 ? block.mean : (into.sumW * into.mean + block.sumW * block.mean) / sumW;
  const shift = (m: DomainMoments) => {
    const d = m.mean - mean;
    return { ss: m.ss + m.sumW * d * d, q: m.q + 2 * d * m.t + m.sumW2 * d * d, t: m.t + m.sumW2 * d };
  };
  const a = into.sumW === 0 ? { ss: 0, q: 0, t: 0 } : shift(into);
  const b = shift(block);
  into.sumW = sumW;
  into.mean = mean;
  into.ss = a.ss + b.ss;
  into.q = a.q + b.q;
  into.t = a.t + b.t;
  into.sumW2 += block.sumW2;
}

/**
 * The DomainMean domainMean would give from the rows, from a domain's moments in a design of
 * `nrows` rows, each its own PSU in one stratum: design-based, variance N/(N − 1)·Σw²(y − m)²/(Σw)²
 * (the influence values zᵢ = wᵢ(yᵢ − m)/Σw sum to zero), svyvar and deff as svymean; otherwise
 * s²/n with frequency weights expanding rows.
 */
export function momentsMean(m: DomainMoments, nrows: number, designBased: boolean): DomainMean {
  const { sumW, mean, ss } = m;
  if (!designBased) {
    const sd = Math.sqrt(ss / (sumW - 1));
    return { n: sumW, sumWeights: sumW, mean, sd, variance: (sd * sd) / sumW, deff: 1, df: sumW - 1, influence: null };
  }
  const variance = (nrows / (nrows - 1)) * (m.q / (sumW * sumW));
  const svyvar = (ss / sumW) * (m.weighted / (m.weighted - 1));
  const srsVariance = sumW > m.weighted ? (svyvar * (sumW - m.weighted)) / (sumW * m.weighted) : NaN;
  return { n: m.weighted, sumWeights: sumW, mean, sd: Math.sqrt(svyvar), variance, deff: variance / srsVariance, df: m.rows > 0 ? m.rows - 1 : 0, influence: null };
}

/**
 * The moments of y (NaN = no value) in each domain of a block: every row is in domain 0 (all rows)
 * and, when group[i] > 0, in domain group[i] too. Two passes over the block: sums and means, then
 * the centred sums.
 */
export function blockMoments(y: Float64Array, w: Float64Array, group: Int32Array | null, groups: number): DomainMoments[] {
  const out = Array.from({ length: groups }, emptyMoments);
  for (let i = 0; i < y.length; i++) {
    addRow(out[0], y[i], w[i]);
    if (group && group[i] > 0) addRow(out[group[i]], y[i], w[i]);
  }
  for (const m of out) m.mean = m.sumW === 0 ? 0 : m.mean / m.sumW;
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    addCentred(out[0], y[i], w[i]);
    if (group && group[i] > 0) addCentred(out[group[i]], y[i], w[i]);
  }
  return out;
}

/** First pass: a row of the domain, with its weighted value summed into `mean` (divided later). */
function addRow(m: DomainMoments, y: number, w: number): void {
  m.rows++;
  if (Number.isNaN(y)) return;
  m.valid++;
  if (w !== 0) m.weighted++;
  m.sumW += w;
  m.mean += w * y;
  m.sumW2 += w * w;
}

/** Second pass: the row's centred terms. */
function addCentred(m: DomainMoments, y: number, w: number): void {
  const d = y - m.mean;
  m.ss += w * d * d;
  m.t += w * w * d;
  m.q += w * w * d * d;
}
