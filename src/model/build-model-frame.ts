import type { DataTable } from '../core/data-table.js';
import { UsageError } from '../core/errors.js';
import { evaluateFormulaVariable, type LevelOverrides } from './evaluate-formula-variable.js';
import { factorLevels } from './factor-levels.js';
import type { Formula } from './formula.js';
import type { FrameColumn } from './frame-column.js';

/** The rows a model uses and its variables on them (R: `model.frame(..., na.action = na.omit)`). */
export interface ModelFrame {
  readonly formula: Formula;
  /** Indices of the rows used (into the table). */
  readonly rows: Int32Array;
  readonly response: FrameColumn;
  /** Every right-hand-side variable by label, on the rows used; unused factor levels dropped. */
  readonly variables: ReadonlyMap<string, FrameColumn>;
  readonly nTotal: number;
  /** Rows missing each variable (a row missing two variables counts in both). */
  readonly missing: readonly { variable: string; rows: number }[];
}

/** What the response must be: numbers (OLS, logit) or categories in order (ordinal models). */
export interface ModelFrameOptions {
  levels?: LevelOverrides;
  response?: 'numeric' | 'factor';
  /** Other per-row columns the fit needs (weights, clusters): a row missing one is dropped. */
  alsoRequired?: readonly { name: string; missing: (row: number) => boolean }[];
  /** 1 for the rows of the domain the model is fitted in; the others are neither used nor counted missing. */
  domain?: Uint8Array;
}

const isMissing = (c: FrameColumn, i: number) => (c.kind === 'numeric' ? Number.isNaN(c.values[i]) : c.codes[i] < 0);

function subset(c: FrameColumn, rows: Int32Array): FrameColumn {
  // Plain loops: a typed array's from() with a mapping function calls it per row, slowly.
  if (c.kind === 'numeric') {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = c.values[rows[i]];
    return { kind: 'numeric', values };
  }
  const used = new Int32Array(c.levels.length);
  for (const r of rows) used[c.codes[r]]++;
  const remap = new Int32Array(c.levels.length).fill(-1);
  const levels: string[] = [];
  c.levels.forEach((l, k) => {
    if (used[k]) remap[k] = levels.push(l) - 1;
  });
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = remap[c.codes[rows[i]]];
  return { kind: 'factor', codes, levels };
}

/**
 * Evaluates a formula's variables on a table and deletes rows listwise (R: `model.frame` with
 * `na.omit` and `drop.unused.levels = TRUE`), counting the rows each variable removes.
 */
export function buildModelFrame(table: DataTable, formula: Formula, options: ModelFrameOptions = {}): ModelFrame {
  const levels = options.levels ?? {};
  let response = evaluateFormulaVariable(formula.response, table, levels);
  if (options.response === 'factor' && response.kind === 'numeric') {
    const node = formula.response;
    const variable = node.kind === 'name' ? table.codebook.variables.find((v) => v.name === table.column(node.name).variable) : undefined;
    response = factorLevels(response.values, variable, node.kind === 'name' ? levels[node.name] : undefined, formula.responseLabel);
  }
  if (options.response === 'numeric' && response.kind === 'factor') {
    throw new UsageError(`the response ${formula.responseLabel} is categorical`, {
      hint: 'use --model logit or ologit, or an ordered item (ordered: true in the codebook) as a score',
    });
  }
  const all = new Map<string, FrameColumn>([[formula.responseLabel, response]]);
  for (const [label, node] of formula.variables) if (!all.has(label)) all.set(label, evaluateFormulaVariable(node, table, levels));
  const checks = [
    ...[...all].map(([variable, c]) => ({ variable, missing: (i: number) => isMissing(c, i) })),
    ...(options.alsoRequired ?? []).map((r) => ({ variable: r.name, missing: r.missing })),
  ];
  const counts = new Map(checks.map((c) => [c.variable, 0]));
  const keep: number[] = [];
  const domain = options.domain;
  let nTotal = 0;
  for (let i = 0; i < table.nrows; i++) {
    if (domain && !domain[i]) continue;
    nTotal++;
    let ok = true;
    for (const c of checks) {
      if (c.missing(i)) {
        counts.set(c.variable, counts.get(c.variable)! + 1);
        ok = false;
      }
    }
    if (ok) keep.push(i);
  }
  const rows = Int32Array.from(keep);
  const variables = new Map<string, FrameColumn>();
  for (const [label, c] of all) if (label !== formula.responseLabel) variables.set(label, subset(c, rows));
  return {
    formula,
    rows,
    response: subset(response, rows),
    variables,
    nTotal,
    missing: [...counts].filter(([, n]) => n > 0).map(([variable, n]) => ({ variable, rows: n })),
  };
}
