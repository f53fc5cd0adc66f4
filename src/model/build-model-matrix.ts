import type { FrameColumn } from './frame-column.js';
import type { ModelFrame } from './build-model-frame.js';

/** The design matrix of a model, column by column (R: `model.matrix`). */
export interface ModelMatrix {
  /** One array per column, each of length nrows. */
  readonly columns: Float64Array[];
  /** Column names as R gives them: `(Intercept)`, `x`, `area农村`, `a:b`. */
  readonly names: string[];
  /** The term each column belongs to: 0 for the intercept, k for terms[k - 1] (R's `assign`). */
  readonly assign: number[];
  readonly termLabels: string[];
  readonly intercept: boolean;
  readonly nrows: number;
}

/** The columns one variable contributes inside a term: contrasts (k−1 dummies) or all k indicators. */
function variableColumns(label: string, c: FrameColumn, contrast: boolean): { name: string; values: Float64Array }[] {
  if (c.kind === 'numeric') return [{ name: label, values: c.values }];
  const out: { name: string; values: Float64Array }[] = [];
  for (let k = contrast ? 1 : 0; k < c.levels.length; k++) {
    const values = new Float64Array(c.codes.length);
    for (let i = 0; i < values.length; i++) if (c.codes[i] === k) values[i] = 1;
    out.push({ name: `${label}${c.levels[k]}`, values });
  }
  return out;
}

/**
 * Builds the model matrix with treatment contrasts, first level the reference (R:
 * `model.matrix` with `contr.treatment`). As in R, a factor in a term is coded by contrasts when
 * the term without it is also in the model (the intercept counting as the empty term), else by
 * all its indicators; interaction columns vary the first variable fastest.
 */
export function buildModelMatrix(frame: ModelFrame): ModelMatrix {
  const { formula, variables } = frame;
  const n = frame.rows.length;
  const columns: Float64Array[] = [];
  const names: string[] = [];
  const assign: number[] = [];
  if (formula.intercept) {
    columns.push(new Float64Array(n).fill(1));
    names.push('(Intercept)');
    assign.push(0);
  }
  const present = new Set(formula.terms.map((t) => [...t.variables].sort().join('\u0000')));
  // Without an intercept the first factor gets all its indicators, which then span the constant
  // (R does the same: `y ~ a + b - 1` gives every level of a and contrasts for b).
  let constantSpanned = formula.intercept;
  formula.terms.forEach((term, t) => {
    let block: { name: string; values: Float64Array }[] = [{ name: '', values: new Float64Array(n).fill(1) }];
    for (const label of term.variables) {
      const rest = term.variables.filter((v) => v !== label).sort().join('\u0000');
      const contrast = rest === '' ? constantSpanned : present.has(rest);
      if (rest === '' && variables.get(label)!.kind === 'factor') constantSpanned = true;
      const parts = variableColumns(label, variables.get(label)!, contrast);
      const next: typeof block = [];
      for (const part of parts) {
        for (const prev of block) {
          next.push({ name: prev.name ? `${prev.name}:${part.name}` : part.name, values: prev.values.map((v, i) => v * part.values[i]) });
        }
      }
      block = next;
    }
    for (const col of block) {
      columns.push(col.values);
      names.push(col.name);
      assign.push(t + 1);
    }
  });
  return { columns, names, assign, termLabels: formula.terms.map((t) => t.label), intercept: formula.intercept, nrows: n };
}
