import type { CrosstabResult } from './estimate-crosstab.js';
import type { MeansResult } from './estimate-means.js';
import type { MultiResult } from './estimate-multi.js';
import type { QuantilesResult } from './estimate-quantiles.js';
import type { RatioResult } from './estimate-ratio.js';
import type { ReliabilityResult } from './estimate-reliability.js';
import type { SharesResult } from './estimate-shares.js';
import type { TotalsResult } from './estimate-totals.js';
import type { RegressionResult } from './regression-result.js';
import type { FrequencyTable } from './tabulate-frequencies.js';

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
