/**
 * The public library API of `survey`: each pipeline stage as a function with typed input and
 * output (DESIGN §1). The CLI is a thin layer over these exports.
 */

export type { Check, Choice, Code, Codebook, Derivation, Variable, VariableType } from './core/types.js';
export type { Problem } from './core/errors.js';

// Codebook: load and validate YAML, write it back, import XLSForm (DESIGN §3).
export { loadCodebook, parseCodebook } from './codebook/load-codebook.js';
export { validateCodebook } from './codebook/validate-codebook.js';
export { stringifyCodebook } from './codebook/stringify-codebook.js';
export { importXlsform } from './codebook/import-xlsform.js';
export { summarizeCodebook, type CodebookSummary } from './codebook/summarize-codebook.js';

// Expressions of relevant, constraint, checks and derive: parsed to a tree, never eval'd.
export { parseExpression } from './codebook/parse-expression.js';
export { evaluateExpression, compileExpression, type CompiledExpression, type EvaluateOptions, type Lookup, type Value } from './codebook/evaluate-expression.js';
export { listReferences } from './codebook/list-references.js';
export { optionColumn, type Expression } from './codebook/expression.js';
export { ExpressionError } from './codebook/expression-error.js';

// Simulation: synthetic responses and 问卷星-style exports with injected faults from a generative spec.
export { loadSimulationSpec } from './simulate/spec/load-simulation-spec.js';
export { parseSimulationSpec } from './simulate/spec/parse-simulation-spec.js';
export { resolveSimulationSpec, type SpecFiles } from './simulate/spec/resolve-simulation-spec.js';
export { simulateResponses, type SimulateOptions } from './simulate/simulate-responses.js';
export { renderSimulation, type RenderOptions, type RenderedSimulation } from './simulate/render-simulation.js';
export { formatResponsesCsv } from './simulate/format-responses-csv.js';
export { buildWjxExport, type WjxExport, type WjxTruthRow } from './simulate/wjx/build-wjx-export.js';
export { solveCutPoints } from './simulate/draw/solve-cut-points.js';
export { createRng, type Rng } from './simulate/draw/create-rng.js';
export type { SimulationPlan } from './simulate/spec/simulation-plan.js';
export type { SimulationSpec } from './simulate/spec/spec-schema.js';
export type { SimulatedSample, SimulatedColumn } from './simulate/simulated-sample.js';

// Ingest: read CSV/XLSX/XLS (问卷星 按文本/按序号 recognised), map to the codebook, code the answers.
export { openTable } from './ingest/read/open-table.js';
export type { RawTable, RawRow, OpenTableOptions, TextEncoding, RawFormat } from './ingest/read/raw-table.js';
export { ingestFile, SOURCE_ROW, type IngestOptions, type IngestSummary, type CodedRow, type CodedRowSink } from './ingest/ingest-file.js';
export { pairFiles } from './ingest/draft/pair-files.js';
export { readDataTable } from './ingest/read-data-table.js';
export { dataTable, MISSING_CODES, type DataTable, type DataColumn } from './core/data-table.js';
export type { Issue, MissingReason, Severity } from './core/types.js';
export { SurveyError, UsageError, InputError, ProblemsError, EXIT, formatError } from './core/errors.js';
export { makeDesign, type Design, type DesignSpec } from './core/design.js';

// Distribution functions (@stdlib and AS 241), upper tails computed directly for accurate p-values.
export {
  normalCdf, normalUpperTail, normalQuantile, tCdf, tUpperTail, tQuantile, chisquareCdf, chisquareUpperTail,
  chisquareQuantile, fCdf, fUpperTail, fQuantile, betaQuantile, logGamma,
} from './math/distributions/index.js';

// Regression (DESIGN §2 regress): R formulas, OLS / logit / ordinal models with classical, robust or design-based SEs.
export { parseFormula } from './model/parse-formula.js';
export type { Formula, FormulaTerm, FormulaNode } from './model/formula.js';
export { buildModelFrame, type ModelFrame, type ModelFrameOptions } from './model/build-model-frame.js';
export { buildModelMatrix, type ModelMatrix } from './model/build-model-matrix.js';
export { fitOls, type OlsOptions } from './analyze/regression/fit-ols.js';
export { fitLogit, type LogitOptions } from './analyze/regression/fit-logit.js';
export { fitOrdinal, type OrdinalOptions } from './analyze/regression/fit-ordinal.js';
export { fitByGroup, type GroupedRegression } from './analyze/regression/fit-by-group.js';
export { regressionJson } from './analyze/results/regression-json.js';
export { formatRegressionTable } from './analyze/results/format-regression-table.js';
export { formatGroupedRegression } from './analyze/results/format-grouped-regression.js';
export type { RegressionResult, OlsResult, LogitResult, OrdinalResult, CoefficientRow, FitStatistics, TestResult, StandardErrorType } from './analyze/regression/regression-result.js';

// Weighting: targets files, post-stratification, raking, trimming, diagnostics (= survey::postStratify/rake/trimWeights).
export { loadTargets } from './weight/load-targets.js';
export { parseTargets } from './weight/parse-targets.js';
export type { TargetTable, WeightingTargets } from './weight/weighting-targets.js';
export { resolveTargets, type ResolvedTarget } from './weight/resolve-targets.js';
export { calibrateDesign, type CalibrateOptions, type CalibratedDesign } from './weight/calibrate-design.js';
export { postStratifyWeights } from './weight/post-stratify-weights.js';
export { rakeWeights, type RakeOptions, type RakeResult } from './weight/rake-weights.js';
export { trimWeights } from './weight/trim-weights.js';
export { weightDesign, type TrimSpec, type WeightOptions, type WeightingResult } from './weight/weight-design.js';
export { weightDiagnostics, type MarginCheck, type WeightDiagnostics } from './weight/weight-diagnostics.js';
export { compareWeighting, type WeightingComparison, type WeightingDifference } from './analyze/estimators/compare-weighting.js';
export type { Calibration } from './core/design.js';

// Totals, quantiles and ratios (= survey::svytotal, svyquantile, svyratio and svyby of each): each
// point estimate is a pure function of the weights (totalWith, quantileWith, ratioWith).
export { estimateTotals, totalWith, type TotalsSpec, type TotalsResult, type TotalGroup } from './analyze/estimators/estimate-totals.js';
export { totalsJson } from './analyze/results/totals-json.js';
export { estimateQuantiles, quantileWith, type QuantilesSpec, type QuantilesResult, type QuantileGroup } from './analyze/estimators/estimate-quantiles.js';
export { weightedQuantile, QUANTILE_RULES, type QuantileRule } from './analyze/estimators/quantile-rules.js';
export { quantilesJson } from './analyze/results/quantiles-json.js';
export { estimateRatio, ratioWith, type RatioSpec, type RatioResult, type RatioGroup } from './analyze/estimators/estimate-ratio.js';
export { ratioJson } from './analyze/results/ratio-json.js';
export { totalVariance, domainDegreesOfFreedom } from './analyze/variance/total-variance.js';
export { compareWaves, type Wave, type WaveComparison, type ComparisonRow, type WavePair, type TrendSeries, type CompareOptions, type PreviousWave } from './compare/compare-waves.js';
export { diffCodebooks, type CodebookChange, type CodebookChangeKind } from './compare/diff-codebooks.js';
export { diffCleaning, diffWeighting, type SettingChange, type WaveWeighting } from './compare/diff-settings.js';
export { independentDifference, proportionsDifference, welchDifference, type WaveDifference, type WaveEstimate } from './compare/wave-difference.js';
export { waveIndicators, type Indicator, type WaveIndicators } from './compare/wave-indicators.js';
export { comparisonJson } from './compare/comparison-json.js';
export { ensureWaveResults, previousWaves, resultsWave, staleReason, type WaveOptions } from './compare/load-wave.js';
export { planWave, waveLabel } from './compare/plan-wave.js';
export { recodeWave } from './compare/recode-wave.js';

// Output files (DESIGN §7): CSV fields with formula text neutralised, atomic writes that never overwrite without force.
export { csvField, csvLine, csvRecord } from './io/format-csv.js';
export { assertWritable, openAtomicWriter, writeFileAtomic, type AtomicWriter, type WriteOptions } from './io/write-atomic.js';

// Every other stage the CLI runs, so that it needs nothing past this file (test/unit/architecture):
// cleaning, the estimators and their JSON, replicate designs, reports and charts, the plan runner.
export { crosstabJson } from './analyze/results/crosstab-json.js';
export { type CrosstabResult, estimateCrosstab } from './analyze/estimators/estimate-crosstab.js';
export { estimateMeans, type MeansResult } from './analyze/estimators/estimate-means.js';
export { estimateMulti, type MultiResult } from './analyze/estimators/estimate-multi.js';
export { estimateReliability, type ReliabilityResult } from './analyze/estimators/estimate-reliability.js';
export { estimateShares, type SharesResult } from './analyze/estimators/estimate-shares.js';
export { estimateFile, type FileRequest, type FileResults } from './analyze/stream/estimate-file.js';
export { frequenciesJson } from './analyze/results/frequencies-json.js';
export { meansJson } from './analyze/results/means-json.js';
export { multiJson } from './analyze/results/multi-json.js';
export { parseCiMethod } from './analyze/estimators/proportion-interval.js';
export { reliabilityJson } from './analyze/results/reliability-json.js';
export { resolveVariables } from './analyze/estimators/resolve-variables.js';
export { sharesJson } from './analyze/results/shares-json.js';
export { type FrequencyTable, tabulateFrequencies } from './analyze/estimators/tabulate-frequencies.js';
export { cleanCsvSinks } from './clean/clean-csv-sinks.js';
export { cleanFile, type CleanSummary } from './clean/clean-file.js';
export { defaultRules, loadRules } from './clean/clean-rules.js';
export { comparabilityReasons, describeCodebookChange, describeSettingChange } from './compare/comparability-reasons.js';
export { indicatorLabel } from './compare/indicator-label.js';
export { describeDesign, LONELY_PSU, type LonelyPsu } from './core/design.js';
export { formatLocation } from './core/errors.js';
export { CONVERSION_TYPES, type ConversionType, convertToReplicates, withReplicateColumns } from './core/replicate-design.js';
export { REPLICATE_TYPES, type ReplicateType } from './core/replicate-weights.js';
export { parseEncoding } from './ingest/read/decode-text.js';
export { assertFolderApart, assertOutputsApart } from './io/assert-outputs-apart.js';
export { removeLiveTemps } from './io/temp-files.js';
export { openFolderAtomic } from './io/write-folder-atomic.js';
export { writeIssues } from './io/write-issues.js';
export { renderChartSvg } from './report/charts/render-chart-svg.js';
export { formatChange, formatLevel, trendCharts, verdict } from './report/compare-section.js';
export { crosstabTestText } from './report/crosstab-test-text.js';
export { formatCount, formatFixed, formatPClause, formatPercent, formatPValue } from './report/format-number.js';
export { formatTable } from './report/format-table.js';
export { loadPlan, type LoadedPlan } from './run/load-plan.js';
export { runPlan } from './run/run-plan.js';
export { version } from './version.js';
export { weightingJson } from './weight/weighting-json.js';

// Reports: a ReportDocument (headings, paragraphs, tables, charts) rendered as Markdown or Word;
// workbooks as .xlsx; charts as SVG, then PNG with a CJK font.
export { tableBlock, type ReportBlock, type ReportDocument } from './report/report-document.js';
export { renderMarkdown } from './report/render-markdown.js';
export { renderDocx, type DocxImage, type DocxOptions } from './report/render-docx.js';
export { writeXlsx } from './io/xlsx/write/write-xlsx.js';
export type { Workbook, Sheet, CellValue, CellStyle } from './io/xlsx/write/xlsx-model.js';
export type { BarChart, BarSeries, Chart, CoefficientChart } from './report/charts/chart-spec.js';
export { renderChartPng, renderChartsPng, type ChartPng, type ChartPngOptions } from './report/charts/render-chart-png.js';

// Collection (`survey serve`, `users`, `export`): the web form from the codebook, SQLite/PostgreSQL storage, accounts, export as the coded table.
export * from './collect/index.js';

// What the CLI needs besides the stages above: the shared words, the help texts, the report folder.
export { planRules } from './collect/quality/plan-rules.js';
export { qualityCells } from './collect/quality/render-quality.js';
export { qualityWords } from './locale/quality-words.js';
export { cliWords, type CleaningCounts, type CliWords } from './locale/cli-words.js';
export { consoleWords, type ConsoleWords } from './locale/console-words.js';
export { displayWidth } from './core/east-asian-width.js';
export { HELP_WORDS, HELP_ZH } from './locale/help-zh.js';
export { isLang, langFromLocale, type Lang } from './locale/lang.js';
export { issueMessage } from './locale/issue-message.js';
export { REPORT_TEXT } from './locale/report-words.js';
export { reportFolder } from './run/report-folder.js';
