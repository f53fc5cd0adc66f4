/** The mean of a variable in a domain (a group of rows) with its sampling variance. */
export interface DomainMean {
  /** Cases with a value in the domain (summed frequency weights when `--freq`). */
  readonly n: number;
  /** Sum of the weights of those cases (= n when unweighted). */
  readonly sumWeights: number;
  readonly mean: number;
  /** Standard deviation of the variable (weighted as `svyvar` when design-based). */
  readonly sd: number;
  /** Sampling variance of the mean (s²/n for simple random samples; linearization otherwise). */
  readonly variance: number;
  /** Design effect: variance / SRS variance as `svymean(deff = TRUE)`; 1 for a simple random sample; NaN when undefined. */
  readonly deff: number;
  /** Degrees of freedom of the design (n − 1 for a simple random sample; R `degf()` otherwise). */
  readonly df: number;
  /** Influence values zᵢ (zero outside the domain), so contrasts of domains get their variance; null for a simple random sample. */
  readonly influence: Float64Array | null;
  /** The mean re-estimated with each replicate's weights, on a replicate-weight design (for contrasts of domains). */
  readonly replicateEstimates?: Float64Array | null;
}
