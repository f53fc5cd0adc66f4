import type { SampleProfile } from '../../analyze/estimators/profile-sample.js';
import type { Lang } from '../../locale/lang.js';
import type { CleanSummary } from '../../clean/clean-file.js';
import type { CleaningAudit } from '../cleaning-audit.js';
import type { DataTable } from '../../core/data-table.js';
import type { AnalysisEstimates } from '../../analyze/results/analysis-estimates.js';
import type { WeightingResult } from '../../weight/weight-design.js';
import type { PrerenderedSheet, Sheet } from '../../io/xlsx/write/xlsx-model.js';
import type { ChartImage } from '../charts/chart-image.js';
import type { WaveComparison } from '../../compare/compare-waves.js';
import type { Codebook } from '../../core/types.js';

/** The rows cleaning set aside, as excluded.csv holds them: original cells, source row, reasons. */
export interface ExcludedRows {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

/** Everything the Excel workbook shows: the run's results, typed, plus the data and its audit. */
export interface WorkbookInput {
  lang: Lang;
  title: string;
  byline: readonly string[];
  /** The report's narrative sentences about the findings, in order (概览). */
  findings: readonly string[];
  cleaning: { summary: CleanSummary; distributed: number | null; excluded: ExcludedRows; audit: CleaningAudit } | null;
  profile: SampleProfile | null;
  weighting: WeightingResult | null;
  analyses: readonly { estimates: AnalysisEstimates; chartIds: readonly string[] }[];
  /** The clean data (its codebook gives the labels). */
  table: DataTable;
  /** The 数据 sheet of `table`: dataSheet(table, lang, SHEET_NAMES[lang].data), perhaps rendered ahead (prerenderSheet). */
  data: Sheet | PrerenderedSheet;
  /** The comparison with earlier waves (跨年比较), when the plan names them. */
  comparison?: { comparison: WaveComparison; codebook: Codebook } | null;
  /** Chart PNGs (drawn without their title) by chart id; a chart without one is left out. */
  images: ReadonlyMap<string, ChartImage & { title: string }>;
}

/** The analyses of one command, in plan order, with the ids of their charts. */
export function analysesOf<C extends AnalysisEstimates['command']>(input: WorkbookInput, command: C): { estimates: Extract<AnalysisEstimates, { command: C }>; chartIds: readonly string[] }[] {
  return input.analyses.filter((a): a is { estimates: Extract<AnalysisEstimates, { command: C }>; chartIds: readonly string[] } => a.estimates.command === command);
}
