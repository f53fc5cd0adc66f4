import { crosstabJson } from '../analyze/results/crosstab-json.js';
import { estimateCrosstab } from '../analyze/estimators/estimate-crosstab.js';
import { estimateMeans } from '../analyze/estimators/estimate-means.js';
import { estimateQuantiles, type QuantilesResult } from '../analyze/estimators/estimate-quantiles.js';
import { estimateRatio, type RatioResult } from '../analyze/estimators/estimate-ratio.js';
import { estimateTotals, type TotalsResult } from '../analyze/estimators/estimate-totals.js';
import { estimateReliability } from '../analyze/estimators/estimate-reliability.js';
import { estimateShares } from '../analyze/estimators/estimate-shares.js';
import { fitLogit } from '../analyze/regression/fit-logit.js';
import { fitOls } from '../analyze/regression/fit-ols.js';
import { fitOrdinal } from '../analyze/regression/fit-ordinal.js';
import { frequenciesJson } from '../analyze/results/frequencies-json.js';
import { meansJson } from '../analyze/results/means-json.js';
import { estimateMulti } from '../analyze/estimators/estimate-multi.js';
import { multiJson } from '../analyze/results/multi-json.js';
import { quantilesJson } from '../analyze/results/quantiles-json.js';
import { ratioJson } from '../analyze/results/ratio-json.js';
import { totalsJson } from '../analyze/results/totals-json.js';
import { regressionJson } from '../analyze/results/regression-json.js';
import type { RegressionResult } from '../analyze/regression/regression-result.js';
import { reliabilityJson } from '../analyze/results/reliability-json.js';
import { resolveVariables } from '../analyze/estimators/resolve-variables.js';
import { sharesJson } from '../analyze/results/shares-json.js';
import { tabulateFrequencies } from '../analyze/estimators/tabulate-frequencies.js';
import type { Lang } from '../locale/lang.js';
import { groupWords, variableWords } from '../locale/variable-words.js';
import { marks } from '../locale/report-marks.js';
import { runWords } from '../locale/run-words.js';
import type { Design } from '../core/design.js';
import { crosstabSection } from '../report/crosstab-section.js';
import { freqSection } from '../report/freq-section.js';
import { meansSection } from '../report/means-section.js';
import { multiSection } from '../report/multi-section.js';
import { quantilesSection, ratioSection, totalsSection } from '../report/estimates-section.js';
import { regressionSection } from '../report/regression-section.js';
import { reliabilitySection } from '../report/reliability-section.js';
import type { ReportBlock } from '../report/report-document.js';
import { sharesGridSection, sharesSection } from '../report/shares-section.js';
import type { Analysis } from './plan-schema.js';
import type { AnalysisEstimates } from '../analyze/results/analysis-estimates.js';

/** What one analysis of a plan produced: its numbers (the CLI's JSON contract) and its report blocks. */
export interface AnalysisOutcome {
  command: Analysis['command'];
  estimates: AnalysisEstimates;
  /** Where the report puts it: findings (shares, means, tables) or factors (models). */
  part: 'findings' | 'factors';
  results: unknown[];
  /** The same estimates on the weighted design (shares, means, totals, quantiles, ratios of a plan with a weight step), else null. */
  weightedResults: unknown[] | null;
  blocks: ReportBlock[];
}

/** The designs a plan's analyses run on: the sample as it is, and weighted to the population when the plan weights. */
export interface PlanDesigns {
  plain: Design;
  weighted: Design | null;
}

function fit(design: Design, a: Extract<Analysis, { command: 'regress' }>): RegressionResult {
  if (a.model === 'logit') return fitLogit(design, a.formula, { robust: a.robust });
  if (a.model === 'ologit' || a.model === 'oprobit') return fitOrdinal(design, a.formula, { link: a.model });
  return fitOls(design, a.formula, { robust: a.robust });
}

/**
 * Runs one analysis of a plan with the same estimators the CLI commands use. Shares and means are
 * estimated on both designs when the plan weights; tables, reliability and models describe the
 * sample (unweighted). `id` names the analysis's charts (unique within the report).
 */
export function runAnalysis(designs: PlanDesigns, a: Analysis, id: string, lang: Lang): AnalysisOutcome {
  const { plain, weighted } = designs;
  const table = plain.table;
  switch (a.command) {
    case 'shares': {
      const variables = resolveVariables(table, a.var);
      const estimate = (design: Design) => variables.map((variable) => estimateShares(design, { variable, top: a.top, values: a.values, by: a.by, ci: a.ci, lang }));
      const results = estimate(plain);
      const w = weighted ? estimate(weighted) : undefined;
      const blocks =
        results.length === 1
          ? sharesSection(results[0], lang, { title: a.title, weighted: w?.[0], id, name: variableWords(table.codebook, results[0].variable, lang) })
          : sharesGridSection(results, lang, { title: a.title, weighted: w, id });
      return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(sharesJson), weightedResults: w?.map(sharesJson) ?? null, blocks };
    }
    case 'means': {
      const variables = resolveVariables(table, a.var);
      const estimate = (design: Design) => variables.map((variable) => estimateMeans(design, { variable, by: a.by, lang }));
      const results = estimate(plain);
      const w = weighted ? estimate(weighted) : undefined;
      // The codebook's unit is in Chinese (元): an English report leaves it out rather than mix scripts.
      const unitOf = (name: string) => runWords(lang).unit(table.codebook.variables.find((v) => v.name === name)?.unit);
      const blocks = results.flatMap((r, k) => meansSection(r, lang, { title: results.length === 1 ? a.title : undefined, weighted: w?.[k], unit: unitOf(r.variable), name: variableWords(table.codebook, r.variable, lang) }));
      return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(meansJson), weightedResults: w?.map(meansJson) ?? null, blocks };
    }
    case 'totals':
    case 'quantiles':
    case 'ratio':
      return runEstimates(designs, a, lang);
    case 'freq': {
      const results = resolveVariables(table, a.vars).map((variable) => tabulateFrequencies(plain, { variable, lang }));
      return { command: a.command, estimates: { command: a.command, results }, part: 'findings', results: results.map(frequenciesJson), weightedResults: null, blocks: results.map((f) => freqSection(f, lang)) };
    }
    case 'multi': {
      const estimate = (design: Design) => a.var.map((variable) => estimateMulti(design, { variable, by: a.by, lang }));
      const results = estimate(plain);
      const w = weighted ? estimate(weighted) : undefined;
      const blocks = results.flatMap((r, k) => multiSection(r, lang, { title: results.length === 1 ? a.title : undefined, weighted: w?.[k], id: results.length === 1 ? id : `${id}-${k + 1}` }));
      return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(multiJson), weightedResults: w?.map(multiJson) ?? null, blocks };
    }
    case 'crosstab': {
      const result = estimateCrosstab(plain, { rows: a.rows, cols: a.cols, lang });
      return { command: a.command, estimates: { command: a.command, results: [result] }, part: 'findings', results: [crosstabJson(result)], weightedResults: null, blocks: crosstabSection(result, lang, a.title, table.codebook) };
    }
    case 'reliability': {
      const items = resolveVariables(table, a.items ?? [a.group as string]);
      const result = estimateReliability(plain, { items, lang });
      const scale = a.group ? groupWords(table.codebook, a.group, lang) : items.map((item) => variableWords(table.codebook, item, lang)).join(marks(lang).enumeration);
      const title = a.title ?? runWords(lang).reliabilityTitle(scale);
      return { command: a.command, estimates: { command: a.command, results: [result], title }, part: 'findings', results: [reliabilityJson(result)], weightedResults: null, blocks: reliabilitySection(result, lang, title, scale) };
    }
    case 'regress': {
      const result = fit(plain, a);
      return { command: a.command, estimates: { command: a.command, results: [result] }, part: 'factors', results: [regressionJson(result)], weightedResults: null, blocks: regressionSection(result, table.codebook, lang, { title: a.title, id }) };
    }
  }
}

/**
 * Totals, quantiles and ratios of a plan: estimated on both designs when the plan weights (the report
 * shows the weighted ones, as a sample total says little about the population; else the sample's).
 */
function runEstimates(designs: PlanDesigns, a: Extract<Analysis, { command: 'totals' | 'quantiles' | 'ratio' }>, lang: Lang): AnalysisOutcome {
  const { plain, weighted } = designs;
  const shown = (plainResult: unknown[], weightedResult: unknown[] | undefined) => weightedResult ?? plainResult;
  if (a.command === 'ratio') {
    const estimate = (design: Design) => [estimateRatio(design, { numerator: a.num, denominator: a.den, by: a.by, lang })];
    const results = estimate(plain);
    const w = weighted ? estimate(weighted) : undefined;
    const blocks = (shown(results, w) as RatioResult[]).flatMap((r) => ratioSection(r, lang, a.title));
    return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(ratioJson), weightedResults: w?.map(ratioJson) ?? null, blocks };
  }
  const variables = resolveVariables(plain.table, a.var);
  const title = variables.length === 1 ? a.title : undefined;
  if (a.command === 'totals') {
    const estimate = (design: Design) => variables.map((variable) => estimateTotals(design, { variable, by: a.by, lang }));
    const results = estimate(plain);
    const w = weighted ? estimate(weighted) : undefined;
    const blocks = (shown(results, w) as TotalsResult[]).flatMap((r) => totalsSection(r, lang, title));
    return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(totalsJson), weightedResults: w?.map(totalsJson) ?? null, blocks };
  }
  const estimate = (design: Design) => variables.map((variable) => estimateQuantiles(design, { variable, probs: a.probs, rule: a.qrule, by: a.by, lang }));
  const results = estimate(plain);
  const w = weighted ? estimate(weighted) : undefined;
  const blocks = (shown(results, w) as QuantilesResult[]).flatMap((r) => quantilesSection(r, lang, title));
  return { command: a.command, estimates: { command: a.command, results, weighted: w ?? null }, part: 'findings', results: results.map(quantilesJson), weightedResults: w?.map(quantilesJson) ?? null, blocks };
}
