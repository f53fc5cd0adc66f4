import type { CrosstabResult } from '../analyze/estimators/estimate-crosstab.js';
import { formatFixed } from './format-number.js';

/**
 * The test statistic of a crosstab in words: `χ²(df) = X²` (Pearson), or for a design-based table
 * `Rao-Scott F(d₀, d₀ν) = F` — both degrees of freedom, since the denominator df (design PSUs
 * minus strata, scaled by d₀) is what makes the F reference distribution (R `svychisq`).
 */
export function crosstabTestText(r: CrosstabResult, digits: number): string {
  if (!r.raoScott) return `χ²(${r.df}) = ${formatFixed(r.statistic, digits)}`;
  return `Rao-Scott F(${formatFixed(r.df, 2)}, ${formatFixed(r.raoScott.ddf, 2)}) = ${formatFixed(r.statistic, digits)}`;
}
