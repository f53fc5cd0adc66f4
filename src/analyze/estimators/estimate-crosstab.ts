import { UsageError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { chisquareUpperTail } from '../../math/distributions/chisquare-upper-tail.js';
import { categoryLevels } from '../../core/category-levels.js';
import { caseWeights, isDesignBased } from '../variance/design-variance.js';
import { fisherExact, type FisherExactResult } from './fisher-exact.js';
import { raoScottTest, type RaoScottTest } from './rao-scott-test.js';
import { variableLabel } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';

/** Which two variables to cross. */
export interface CrosstabSpec {
  rows: string;
  cols: string;
  lang?: Lang;
}

/** A two-way table with its test of independence. */
export interface CrosstabResult {
  readonly rows: string;
  readonly cols: string;
  readonly rowLabel: string;
  readonly colLabel: string;
  readonly rowLevels: readonly string[];
  readonly colLevels: readonly string[];
  readonly rowCodes: readonly Code[];
  readonly colCodes: readonly Code[];
  /** Counts (summed frequency weights with `--freq`; estimated population counts, Σw, with `--weight`). */
  readonly counts: readonly (readonly number[])[];
  /** Expected counts under independence (row total × column total / N). */
  readonly expected: readonly (readonly number[])[];
  readonly total: number;
  /** Pearson X²; the Rao-Scott F when design-based. */
  readonly statistic: number;
  /** (r − 1)(c − 1); the Rao-Scott numerator df d₀ when design-based. */
  readonly df: number;
  readonly pValue: number;
  /** Cramér's V = √(X² / (N (min(r, c) − 1))) of the (weighted) table; scale-free, so weights only enter as proportions. */
  readonly cramersV: number;
  readonly test: 'pearson' | 'rao-scott';
  /** The design-based test in full (Pearson X² on the sample scale, ddf, mean deff); null unweighted. */
  readonly raoScott: RaoScottTest | null;
  /** Cells whose expected count (on the sample-size scale when weighted) is below 5 (the χ² approximation may be poor). */
  readonly lowExpectedCells: number;
  /** Fisher's exact test, for a 2×2 table of whole counts; null otherwise. */
  readonly fisher: FisherExactResult | null;
}

function pearson(counts: number[][]): { statistic: number; expected: number[][]; total: number } {
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const expected = rowTotals.map((rt) => colTotals.map((ct) => (rt * ct) / total));
  let statistic = 0;
  counts.forEach((r, i) => r.forEach((o, j) => (statistic += ((o - expected[i][j]) ** 2) / expected[i][j])));
  return { statistic, expected, total };
}

/**
 * Cross-tabulates two categorical variables (rows with either missing are left out) and tests
 * independence: Pearson X² without continuity correction (R `chisq.test(correct = FALSE)`),
 * Cramér's V, and for a 2×2 table of whole counts Fisher's exact test (R `fisher.test`).
 * Frequency weights count a row as f cases. A design-based table (sampling weights, strata,
 * clusters) holds weighted counts (R `svytable`) and is tested with the Rao-Scott F (R `svychisq`,
 * see raoScottTest); it has no Fisher test. Throws a UsageError when either variable has fewer
 * than two levels.
 * @example estimateCrosstab(design, { rows: 'area', cols: 'happiness' }).pValue
 */
export function estimateCrosstab(design: Design, spec: CrosstabSpec): CrosstabResult {
  const lang = spec.lang ?? 'zh';
  const { table } = design;
  if (spec.rows === spec.cols) throw new UsageError(`--rows and --cols are both ${spec.rows}`);
  const r = categoryLevels(table, spec.rows, lang);
  const c = categoryLevels(table, spec.cols, lang);
  // Only levels that occur together with a valid answer of the other variable make the table.
  const usedR = new Set<number>();
  const usedC = new Set<number>();
  for (let i = 0; i < table.nrows; i++) if (r.index[i] >= 0 && c.index[i] >= 0) (usedR.add(r.index[i]), usedC.add(c.index[i]));
  for (const [name, used, levels] of [[spec.rows, usedR, r.labels], [spec.cols, usedC, c.labels]] as const) {
    if (used.size < 2) {
      throw new UsageError(`${name} has only ${used.size === 1 ? `one level (${levels[[...used][0]]})` : 'no values'} where both variables are answered, so there is nothing to cross`, {
        hint: 'a crosstab needs at least two levels in each variable',
      });
    }
  }
  const rowKeep = [...usedR].sort((a, b) => a - b);
  const colKeep = [...usedC].sort((a, b) => a - b);
  const w = caseWeights(design);
  const counts = rowKeep.map(() => colKeep.map(() => 0));
  const rowAt = new Map(rowKeep.map((k, i) => [k, i]));
  const colAt = new Map(colKeep.map((k, j) => [k, j]));
  // Cell of each row, row level fastest (−1 when either answer is missing), as raoScottTest takes it.
  const cell = new Int32Array(table.nrows).fill(-1);
  let answered = 0;
  for (let i = 0; i < table.nrows; i++) {
    if (r.index[i] < 0 || c.index[i] < 0) continue;
    const [a, b] = [rowAt.get(r.index[i])!, colAt.get(c.index[i])!];
    counts[a][b] += w[i];
    cell[i] = a + rowKeep.length * b;
    answered++;
  }
  const { statistic: x2, expected, total } = pearson(counts);
  const designBased = isDesignBased(design);
  // Weighted counts are population-sized; the χ² approximation depends on the sample behind them.
  const scale = designBased ? answered / total : 1;
  const df = (rowKeep.length - 1) * (colKeep.length - 1);
  const cramersV = Math.sqrt(x2 / (total * (Math.min(rowKeep.length, colKeep.length) - 1)));
  const base = {
    rows: spec.rows,
    cols: spec.cols,
    rowLabel: variableLabel(table, spec.rows, lang),
    colLabel: variableLabel(table, spec.cols, lang),
    rowLevels: rowKeep.map((k) => r.labels[k]),
    colLevels: colKeep.map((k) => c.labels[k]),
    rowCodes: rowKeep.map((k) => r.codes[k]),
    colCodes: colKeep.map((k) => c.codes[k]),
    counts,
    expected,
    total,
    cramersV,
    lowExpectedCells: expected.flat().filter((e) => e * scale < 5).length,
  };
  if (designBased) {
    const raoScott = raoScottTest(design, cell, rowKeep.length, colKeep.length);
    return { ...base, statistic: raoScott.statistic, df: raoScott.ndf, pValue: raoScott.pValue, test: 'rao-scott', raoScott, fisher: null };
  }
  const whole = counts.flat().every(Number.isInteger);
  return {
    ...base,
    statistic: x2,
    df,
    pValue: chisquareUpperTail(x2, df),
    test: 'pearson',
    raoScott: null,
    fisher: rowKeep.length === 2 && colKeep.length === 2 && whole ? fisherExact(counts) : null,
  };
}
