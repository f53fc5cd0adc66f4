import type { RegressionData } from '../regression/prepare-regression.js';

/** What the header reads of a model's data (a streamed fit has counts, not the rows). */
export type HeaderData = Pick<RegressionData, 'nobs' | 'weightKind'> & { matrix: Pick<RegressionData['matrix'], 'nrows'>; frame: Pick<RegressionData['frame'], 'nTotal' | 'missing'> };
import type { RegressionResult, StandardErrorType } from '../regression/regression-result.js';

/** The fields every regression result shares, from the prepared data: cases, rows used and dropped, weights. */
export function regressionHeader<M extends RegressionResult['model']>(model: M, formula: string, data: HeaderData, seType: StandardErrorType, confidenceLevel: number) {
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
