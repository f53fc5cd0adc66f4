import type { Design } from '../../core/design.js';
import { UsageError } from '../../core/errors.js';
import type { LevelOverrides } from '../../model/evaluate-formula-variable.js';
import { buildModelFrame, type ModelFrame } from '../../model/build-model-frame.js';
import { buildModelMatrix, type ModelMatrix } from '../../model/build-model-matrix.js';
import { parseFormula } from '../../model/parse-formula.js';
import { qrDoubleDouble, type QrDoubleDouble } from '../../math/qr-double-double.js';

/** Options every regression estimator takes. */
export interface RegressionOptions {
  /** `--levels VAR=L1,L2`: level order (first = reference) by column name. */
  levels?: LevelOverrides;
  /** Confidence level of the Wald intervals (default 0.95). */
  confidenceLevel?: number;
  /**
   * 1 for the rows to fit (a `--by` group): the others leave the fit but stay in the design, so a
   * design-based variance is domain estimation (R: `svyglm(..., design = subset(des, g == "a"))`).
   */
  domain?: Uint8Array;
}

/** A model's data on the rows it uses: frame, matrix, weights and design columns restricted to them. */
export interface RegressionData {
  readonly frame: ModelFrame;
  readonly matrix: ModelMatrix;
  readonly weightKind: 'none' | 'frequency' | 'sampling';
  /** Frequency or sampling weights on the rows used; null when unweighted. */
  readonly weights: Float64Array | null;
  /** Cases: rows used, or Σ frequency weights. */
  readonly nobs: number;
  /** Term label of each column (`(Intercept)` for the intercept). */
  readonly termOf: string[];
}

/**
 * Parses the formula, evaluates it on the design's table, deletes incomplete rows and builds the
 * model matrix (R: `model.frame` + `model.matrix`), restricting the design's weights to the rows used.
 */
export function prepareRegression(design: Design, formulaText: string, options: RegressionOptions, response: 'numeric' | 'factor' | 'either'): RegressionData {
  const formula = parseFormula(formulaText);
  const frame = buildModelFrame(design.table, formula, { levels: options.levels, domain: options.domain, response: response === 'either' ? undefined : response });
  if (frame.rows.length === 0) {
    throw new UsageError(`no complete rows for "${formulaText}"`, { hint: `rows missing: ${frame.missing.map((m) => `${m.variable} ${m.rows}`).join(', ')}` });
  }
  const matrix = buildModelMatrix(frame);
  const source = design.weights ?? design.freq;
  let weights: Float64Array | null = null;
  if (source) {
    weights = new Float64Array(frame.rows.length);
    for (let i = 0; i < frame.rows.length; i++) weights[i] = source[frame.rows[i]];
  }
  const nobs = design.freq ? weights!.reduce((a, b) => a + b, 0) : frame.rows.length;
  return {
    frame,
    matrix,
    weightKind: design.weights ? 'sampling' : design.freq ? 'frequency' : 'none',
    weights,
    nobs,
    termOf: matrix.assign.map((a) => (a === 0 ? '(Intercept)' : matrix.termLabels[a - 1])),
  };
}

/** QR of diag(√w)·X, or a UsageError naming the aliased columns (R would report NA coefficients). */
export function factorFullRank(matrix: ModelMatrix, weights: Float64Array | null): QrDoubleDouble {
  if (matrix.columns.length === 0) throw new UsageError('the model has no terms', { hint: 'add a predictor or keep the intercept' });
  const qr = qrDoubleDouble(matrix.columns, weights);
  if (qr.rank < matrix.columns.length) {
    const aliased = Array.from(qr.pivot.slice(qr.rank), (j) => matrix.names[j]);
    throw new UsageError(`the design matrix is rank deficient: ${aliased.join(', ')} ${aliased.length === 1 ? 'is' : 'are'} a linear combination of the other terms`, {
      hint: 'drop the aliased term(s), or check for a constant column, duplicated variables or a dummy for every level',
    });
  }
  if (matrix.nrows <= matrix.columns.length && weights === null) {
    throw new UsageError(`${matrix.nrows} complete rows for ${matrix.columns.length} coefficients`, { hint: 'the model needs more rows than coefficients' });
  }
  return qr;
}
