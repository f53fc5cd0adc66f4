import { MISSING_CODES } from '../../core/data-table.js';
import type { Design } from '../../core/design.js';
import type { Code, MissingReason } from '../../core/types.js';
import { categoryLevels } from '../../core/category-levels.js';
import { caseWeights } from '../variance/design-variance.js';
import { variableLabel } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';

/** One answer of a frequency table. */
export interface FrequencyLevel {
  readonly code: Code;
  readonly label: string;
  readonly count: number;
  /** Of all rows, missing included. */
  readonly percent: number;
  /** Of the valid answers. */
  readonly validPercent: number;
  readonly cumulativePercent: number;
}

/** A frequency table of one variable, with missing answers counted by reason. */
export interface FrequencyTable {
  readonly variable: string;
  readonly label: string;
  readonly total: number;
  readonly valid: number;
  readonly levels: readonly FrequencyLevel[];
  readonly missing: readonly { readonly reason: MissingReason; readonly count: number; readonly percent: number }[];
}

/**
 * Counts, % of all, valid % and cumulative valid % of each answer in codebook order, and missing
 * answers by reason (empty, skipped, declared 说不清/拒绝回答, …), as SPSS FREQUENCIES. Counts are
 * summed weights when the design has frequency or sampling weights (R `xtabs(w ~ x)`).
 * @example tabulateFrequencies(design, { variable: 'happiness' }).levels[4].cumulativePercent // 100
 */
export function tabulateFrequencies(design: Design, spec: { variable: string; lang?: Lang }): FrequencyTable {
  const lang = spec.lang ?? 'zh';
  const { table } = design;
  const column = table.column(spec.variable);
  const levels = categoryLevels(table, spec.variable, lang);
  const w = caseWeights(design);
  const counts = levels.codes.map(() => 0);
  const missing = new Map<MissingReason, number>();
  let total = 0;
  for (let i = 0; i < table.nrows; i++) {
    total += w[i];
    if (levels.index[i] >= 0) counts[levels.index[i]] += w[i];
    else {
      const reason = MISSING_CODES[column.missing[i]] ?? 'empty';
      missing.set(reason, (missing.get(reason) ?? 0) + w[i]);
    }
  }
  const valid = counts.reduce((a, b) => a + b, 0);
  let running = 0;
  return {
    variable: spec.variable,
    label: variableLabel(table, spec.variable, lang),
    total,
    valid,
    levels: levels.codes.map((code, k) => {
      running += counts[k];
      return { code, label: levels.labels[k], count: counts[k], percent: (100 * counts[k]) / total, validPercent: (100 * counts[k]) / valid, cumulativePercent: (100 * running) / valid };
    }),
    missing: [...missing].map(([reason, count]) => ({ reason, count, percent: (100 * count) / total })),
  };
}
