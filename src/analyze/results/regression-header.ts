import type { RegressionData } from '../regression/prepare-regression.js';
import type { RegressionResult, StandardErrorType } from '../regression/regression-result.js';

/** The fields every regression result shares, from the prepared data: cases, rows used and dropped, weights. */
export function regressionHeader<M extends RegressionResult['model']>(model: M, formula: string, data: RegressionData, seType: StandardErrorType, confidenceLevel: number) {
  return {
    model,
    formula,
    nobs: data.nobs,
    rowsUsed: data.matrix.nrows,
    rowsDropped: data.frame.nTotal - data.matrix.nrows,
    missing: data.frame.missing,
    weights: data.weightKind,
    seType,
    confidenceLevel,
  };
}
