import type { Design } from '../../core/design.js';
import { UsageError } from '../../core/errors.js';
import { chisquareUpperTail } from '../../math/distributions/index.js';
import { brantTest } from './brant-test.js';
import { coefficientRows } from './coefficient-rows.js';
import { likelihoodFit } from './likelihood-fit.js';
import { linearizationCovariance } from '../variance/design-variance.js';
import { fitRows } from './robust-covariance.js';
import { ORDINAL_LINKS } from './ordinal-link.js';
import { ordinalMle } from './ordinal-mle.js';
import { factorFullRank, prepareRegression, type RegressionOptions } from './prepare-regression.js';
import { pseudoRSquared } from './pseudo-r-squared.js';
import { regressionHeader } from '../results/regression-header.js';
import { replicateCoefficientCovariance } from './replicate-coefficients.js';
import type { OrdinalResult } from './regression-result.js';

/** Ordinal options: the link (`ologit` logistic, `oprobit` probit). */
export interface OrdinalOptions extends RegressionOptions {
  link?: 'ologit' | 'oprobit';
}

/**
 * Proportional-odds (cumulative link) model P(Y ≤ j) = F(θ_j − xβ) (R: `MASS::polr`, method logistic
 * or probit; sampling weights: `survey::svyolr`). SEs from the analytic Hessian, or the sandwich
 * H⁻¹·(linearization of the scores)·H⁻¹ with sampling weights. Thresholds are named `low|high` from
 * the response's levels (codebook labels where there is a codebook, as R names a factor of labels).
 */
export function fitOrdinal(design: Design, formula: string, options: OrdinalOptions = {}): OrdinalResult {
  const model = options.link ?? 'ologit';
  if (design.clusters && !design.weights) {
    throw new UsageError('--cluster without --weight is not available for ordinal models', { hint: 'give the sampling weights with --weight for design-based SEs' });
  }
  const data = prepareRegression(design, formula, options, 'factor');
  const { matrix, nobs, weightKind } = data;
  const response = data.frame.response as { codes: Int32Array; levels: string[] };
  const J = response.levels.length;
  if (J < 3) {
    throw new UsageError(`the response ${data.frame.formula.responseLabel} has ${J} categories; an ordinal model needs 3 or more`, { hint: 'use --model logit for two' });
  }
  factorFullRank(matrix, data.weights);
  const keep = matrix.assign.map((a, j) => (a === 0 ? -1 : j)).filter((j) => j >= 0);
  const columns = keep.map((j) => matrix.columns[j]);
  const names = keep.map((j) => matrix.names[j]);
  const p = columns.length;
  const m = p + J - 1;
  const w = data.weights ?? new Float64Array(matrix.nrows).fill(1);
  const sampling = weightKind === 'sampling';
  const mle = ordinalMle(columns, response.codes, J, w, ORDINAL_LINKS[model], sampling && !design.replicates);
  let covariance = mle.inverseInformation;
  if (design.replicates) {
    // svyolr on a replicate design: polr refitted with each replicate's weights, combined by svrVar.
    covariance = replicateCoefficientCovariance(design, data, mle.parameters, (wr) => ordinalMle(columns, response.codes, J, wr, ORDINAL_LINKS[model]).parameters);
  } else if (sampling) {
    const scores = new Float64Array(design.table.nrows * m);
    data.frame.rows.forEach((r, i) => {
      for (let u = 0; u < m; u++) scores[r * m + u] = w[i] * mle.scores![i * m + u];
    });
    const meat = linearizationCovariance(design, scores, m, fitRows(design, data));
    const h = mle.inverseInformation;
    covariance = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
      let s = 0;
      for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) s += h[a * m + k] * meat[k * m + l] * h[l * m + b];
      covariance[a * m + b] = s;
    }
  }
  const level = options.confidenceLevel ?? 0.95;
  const thresholdNames = response.levels.slice(0, -1).map((l, j) => `${l}|${response.levels[j + 1]}`);
  const total = w.reduce((a, b) => a + b, 0);
  const counts = new Float64Array(J);
  response.codes.forEach((c, i) => (counts[c] += w[i]));
  const nullLogLik = counts.reduce((s, c) => s + (c > 0 ? c * Math.log(c / total) : 0), 0);
  const lr = 2 * (mle.logLik - nullLogLik);
  // Each binary logit of the Brant test starts from the proportional-odds fit: slopes β, intercept −θ_j.
  const start = (cut: number) => Float64Array.from(matrix.assign, (a, j) => (a === 0 ? -mle.parameters[p + cut] : mle.parameters[keep.indexOf(j)]));
  const brant = model === 'ologit' && !sampling && p > 0 ? tryBrant(() => brantTest(matrix, response.codes, J, w, data.termOf, start)) : null;
  return Object.freeze({
    ...regressionHeader(model, formula, data, design.replicates ? 'replicate' : sampling ? 'linearization' : 'hessian', level),
    coefficients: coefficientRows(names, mle.parameters.subarray(0, p), covariance, m, 0, Infinity, level),
    thresholds: coefficientRows(thresholdNames, mle.parameters.subarray(p), covariance, m, p, Infinity, level),
    covariance,
    termOf: keep.map((j) => data.termOf[j]),
    fit: likelihoodFit(sampling ? null : mle.logLik, m, nobs, p, nobs - m),
    levels: response.levels,
    likelihoodRatio: sampling ? null : { statistic: lr, df: p, pValue: chisquareUpperTail(lr, p), distribution: 'chisq' as const },
    pseudoR2: sampling ? null : pseudoRSquared(mle.logLik, nullLogLik, nobs),
    brant,
    iterations: mle.iterations,
  });
}

/** The Brant test, or null when one of its binary logits cannot be fitted (a cut with separation). */
function tryBrant<T>(run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}
