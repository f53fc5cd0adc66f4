import type { CrosstabResult } from '../estimators/estimate-crosstab.js';
import type { MeansResult } from '../estimators/estimate-means.js';
import type { MultiResult } from '../estimators/estimate-multi.js';
import type { QuantilesResult } from '../estimators/estimate-quantiles.js';
import type { RatioResult } from '../estimators/estimate-ratio.js';
import type { ReliabilityResult } from '../estimators/estimate-reliability.js';
import type { SharesResult } from '../estimators/estimate-shares.js';
import type { TotalsResult } from '../estimators/estimate-totals.js';
import type { RegressionResult } from '../regression/regression-result.js';
import type { FrequencyTable } from '../estimators/tabulate-frequencies.js';

/** The typed results of one analysis (the workbook shows them with their own number formats). */
export type AnalysisEstimates =
  | { command: 'shares'; results: SharesResult[]; weighted: SharesResult[] | null }
  | { command: 'means'; results: MeansResult[]; weighted: MeansResult[] | null }
  | { command: 'totals'; results: TotalsResult[]; weighted: TotalsResult[] | null }
  | { command: 'quantiles'; results: QuantilesResult[]; weighted: QuantilesResult[] | null }
  | { command: 'ratio'; results: RatioResult[]; weighted: RatioResult[] | null }
  | { command: 'freq'; results: FrequencyTable[] }
  | { command: 'multi'; results: MultiResult[]; weighted: MultiResult[] | null }
  | { command: 'crosstab'; results: CrosstabResult[] }
  | { command: 'reliability'; results: ReliabilityResult[]; title: string }
  | { command: 'regress'; results: RegressionResult[] };
