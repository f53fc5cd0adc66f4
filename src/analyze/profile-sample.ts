import type { Design } from '../core/design.js';
import { estimateCrosstab } from './estimate-crosstab.js';
import { estimateMeans } from './estimate-means.js';
import { tabulateFrequencies } from './tabulate-frequencies.js';
import { variableLabel, variableOf, type Lang } from './variable-labels.js';

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
 * 样本概况 table of a report): categorical variables as counts per answer (R `table(x, by)`),
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
    if (type ? NUMERIC.has(type) : table.column(variable).kind === 'number' && !variableOf(table, variable)?.choices) {
      const r = estimateMeans(design, { variable, by: spec.by, lang });
      if (spec.by) byLevels = r.groups.slice(1).map((g) => g.level);
      return { kind: 'numeric', variable, label, groups: r.groups.map((g) => ({ n: g.n, mean: g.mean, sd: g.sd })) };
    }
    if (!spec.by) {
      const f = tabulateFrequencies(design, { variable, lang });
      return { kind: 'categorical', variable, label, levels: f.levels.map((l) => l.label), counts: f.levels.map((l) => [l.count]), totals: [f.valid] };
    }
    const c = estimateCrosstab(design, { rows: variable, cols: spec.by, lang });
    byLevels = [...c.colLevels];
    const counts = c.counts.map((row) => [row.reduce((a, b) => a + b, 0), ...row]);
    const totals = counts.reduce((sum, row) => sum.map((s, k) => s + row[k]), new Array<number>(c.colLevels.length + 1).fill(0));
    return { kind: 'categorical', variable, label, levels: c.rowLevels, counts, totals };
  });
  return { by: spec.by ?? null, byLabel: spec.by ? variableLabel(table, spec.by, lang) : null, byLevels, variables };
}
