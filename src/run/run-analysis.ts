import { crosstabJson } from '../analyze/crosstab-json.js';
import { estimateCrosstab } from '../analyze/estimate-crosstab.js';
import { estimateMeans } from '../analyze/estimate-means.js';
import { estimateReliability } from '../analyze/estimate-reliability.js';
import { estimateShares } from '../analyze/estimate-shares.js';
import { fitLogit } from '../analyze/fit-logit.js';
import { fitOls } from '../analyze/fit-ols.js';
import { fitOrdinal } from '../analyze/fit-ordinal.js';
import { frequenciesJson } from '../analyze/frequencies-json.js';
import { meansJson } from '../analyze/means-json.js';
import { regressionJson } from '../analyze/regression-json.js';
import type { RegressionResult } from '../analyze/regression-result.js';
import { reliabilityJson } from '../analyze/reliability-json.js';
import { resolveVariables } from '../analyze/resolve-variables.js';
import { sharesJson } from '../analyze/shares-json.js';
import { tabulateFrequencies } from '../analyze/tabulate-frequencies.js';
import type { Lang } from '../analyze/variable-labels.js';
import type { Design } from '../core/design.js';
import { crosstabSection } from '../report/crosstab-section.js';
import { freqSection } from '../report/freq-section.js';
import { meansSection } from '../report/means-section.js';
import { regressionSection } from '../report/regression-section.js';
import { reliabilitySection } from '../report/reliability-section.js';
import type { ReportBlock } from '../report/report-document.js';
import { sharesSection } from '../report/shares-section.js';
import type { Analysis } from './plan-schema.js';

/** What one analysis of a plan produced: its numbers (the CLI's JSON contract) and its report blocks. */
export interface AnalysisOutcome {
  command: Analysis['command'];
  /** Where the report puts it: findings (shares, means, tables) or factors (models). */
  part: 'findings' | 'factors';
  results: unknown[];
  blocks: ReportBlock[];
}

function fit(design: Design, a: Extract<Analysis, { command: 'regress' }>): RegressionResult {
  if (a.model === 'logit') return fitLogit(design, a.formula, { robust: a.robust });
  if (a.model === 'ologit' || a.model === 'oprobit') return fitOrdinal(design, a.formula, { link: a.model });
  return fitOls(design, a.formula, { robust: a.robust });
}

/** Runs one analysis of a plan on the design, with the same estimators the CLI commands use. */
export function runAnalysis(design: Design, a: Analysis, lang: Lang): AnalysisOutcome {
  const table = design.table;
  switch (a.command) {
    case 'shares': {
      const results = resolveVariables(table, a.var).map((variable) => estimateShares(design, { variable, top: a.top, values: a.values, by: a.by, ci: a.ci, lang }));
      return { command: a.command, part: 'findings', results: results.map(sharesJson), blocks: results.flatMap((r) => sharesSection(r, lang, results.length === 1 ? a.title : undefined)) };
    }
    case 'means': {
      const results = resolveVariables(table, a.var).map((variable) => estimateMeans(design, { variable, by: a.by, lang }));
      return { command: a.command, part: 'findings', results: results.map(meansJson), blocks: results.flatMap((r) => meansSection(r, lang, results.length === 1 ? a.title : undefined)) };
    }
    case 'freq': {
      const results = resolveVariables(table, a.vars).map((variable) => tabulateFrequencies(design, { variable, lang }));
      return { command: a.command, part: 'findings', results: results.map(frequenciesJson), blocks: results.map((f) => freqSection(f, lang)) };
    }
    case 'crosstab': {
      const result = estimateCrosstab(design, { rows: a.rows, cols: a.cols, lang });
      return { command: a.command, part: 'findings', results: [crosstabJson(result)], blocks: crosstabSection(result, lang, a.title) };
    }
    case 'reliability': {
      const items = resolveVariables(table, a.items ?? [a.group as string]);
      const result = estimateReliability(design, { items, lang });
      const title = a.title ?? (lang === 'zh' ? `量表信度（${a.group ?? items.join('、')}）` : `Reliability (${a.group ?? items.join(', ')})`);
      return { command: a.command, part: 'findings', results: [reliabilityJson(result)], blocks: reliabilitySection(result, lang, title) };
    }
    case 'regress': {
      const result = fit(design, a);
      return { command: a.command, part: 'factors', results: [regressionJson(result)], blocks: regressionSection(result, table.codebook, lang, a.title) };
    }
  }
}
