import type { Design } from '../../core/design.js';
import { categoryLevels } from '../../core/category-levels.js';
import { numericValues } from './numeric-values.js';
import { variableLabel, variableOf } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';

/** A categorical background variable: counts per answer, overall and in each group. */
export interface ProfileCategorical {
  readonly kind: 'categorical';
  readonly variable: string;
  readonly label: string;
  readonly levels: readonly string[];
  /** counts[answer][0] overall, then one per group level. */
  readonly counts: readonly (readonly number[])[];
  /** Valid answers overall, then per group. */
  readonly totals: readonly number[];
}

/** A numeric background variable: n, mean and SD overall and in each group. */
export interface ProfileNumeric {
  readonly kind: 'numeric';
  readonly variable: string;
  readonly label: string;
  /** Overall first, then one per group level. */
  readonly groups: readonly { readonly n: number; readonly mean: number; readonly sd: number }[];
}

/** The sample profile (样本概况): who answered, overall and by a group such as 城市/农村. */
export interface SampleProfile {
  readonly by: string | null;
  readonly byLabel: string | null;
  readonly byLevels: readonly string[];
  readonly variables: readonly (ProfileCategorical | ProfileNumeric)[];
}

const NUMERIC = new Set(['numeric', 'duration']);

/**
 * Describes the sample on background variables, overall and by `by` (unweighted counts, as the
 * 样本概况 table of a report): categorical variables as counts per answer (R `table(x, by)`; rows
 * missing the group count in 全部 only),
 * numeric ones as n, mean and SD. Group levels are those of `by` with answers.
 * @example profileSample(design, { vars: ['sex', 'age'], by: 'area' }).variables[0].counts
 */
export function profileSample(design: Design, spec: { vars: readonly string[]; by?: string; lang?: Lang }): SampleProfile {
  const { table } = design;
  const lang = spec.lang ?? 'zh';
  let byLevels: string[] = [];
  const variables = spec.vars.map((variable): ProfileCategorical | ProfileNumeric => {
    const label = variableLabel(table, variable, lang);
    const type = variableOf(table, variable)?.type;
    const groups = spec.by ? categoryLevels(table, spec.by, lang) : null;
    if (groups) byLevels = [...groups.labels];
    const width = 1 + (groups?.labels.length ?? 0);
    // Plain sums (n, mean, SD = R sd()) per group: the estimators would also run tests nobody reads here.
    if (type ? NUMERIC.has(type) : table.column(variable).kind === 'number' && !variableOf(table, variable)?.choices) {
      const y = numericValues(table, variable, 'the sample profile');
      const n = new Float64Array(width);
      const sum = new Float64Array(width);
      const squares = new Float64Array(width);
      const add = (k: number, w: number, v: number) => ((n[k] += w), (sum[k] += w * v));
      const mean = (k: number) => sum[k] / n[k];
      // Two passes for the SD: the sum of squared deviations, not Σy² − n·ȳ² (which cancels badly for incomes).
      for (let i = 0; i < table.nrows; i++) {
        if (Number.isNaN(y[i])) continue;
        const w = design.freq ? design.freq[i] : 1;
        add(0, w, y[i]);
        const group = groups ? groups.index[i] : -1;
        if (group >= 0) add(group + 1, w, y[i]);
      }
      for (let i = 0; i < table.nrows; i++) {
        if (Number.isNaN(y[i])) continue;
        const w = design.freq ? design.freq[i] : 1;
        squares[0] += w * (y[i] - mean(0)) ** 2;
        const group = groups ? groups.index[i] : -1;
        if (group >= 0) squares[group + 1] += w * (y[i] - mean(group + 1)) ** 2;
      }
      return { kind: 'numeric', variable, label, groups: Array.from(n, (count, k) => ({ n: count, mean: mean(k), sd: Math.sqrt(squares[k] / (count - 1)) })) };
    }
    const levels = categoryLevels(table, variable, lang);
    const counts = levels.labels.map(() => new Array<number>(width).fill(0));
    const totals = new Array<number>(width).fill(0);
    for (let i = 0; i < table.nrows; i++) {
      const level = levels.index[i];
      if (level < 0) continue;
      const weight = design.freq ? design.freq[i] : 1;
      counts[level][0] += weight;
      totals[0] += weight;
      const group = groups ? groups.index[i] : -1;
      if (group >= 0) {
        counts[level][group + 1] += weight;
        totals[group + 1] += weight;
      }
    }
    return { kind: 'categorical', variable, label, levels: levels.labels, counts, totals };
  });
  return { by: spec.by ?? null, byLabel: spec.by ? variableLabel(table, spec.by, lang) : null, byLevels, variables };
}
