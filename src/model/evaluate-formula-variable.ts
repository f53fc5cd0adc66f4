import type { DataTable } from '../core/data-table.js';
import { UsageError } from '../core/errors.js';
import type { Variable } from '../core/types.js';
import { deparseFormulaNode } from './deparse-formula-node.js';
import { factorLevels } from './factor-levels.js';
import type { FormulaNode } from './formula.js';
import type { FrameColumn } from './frame-column.js';

/** Level orders from `--levels VAR=L1,L2` (by column name). */
export type LevelOverrides = Readonly<Record<string, readonly string[]>>;

const functions: Record<string, (x: number) => number> = {
  log: Math.log, log2: Math.log2, log10: Math.log10, log1p: Math.log1p, exp: Math.exp, sqrt: Math.sqrt, abs: Math.abs,
};
const operators: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': (a, b) => a ** b,
  '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b), '<': (a, b) => +(a < b), '<=': (a, b) => +(a <= b),
  '>': (a, b) => +(a > b), '>=': (a, b) => +(a >= b), '&': (a, b) => +(a !== 0 && b !== 0), '|': (a, b) => +(a !== 0 || b !== 0),
};

/**
 * Evaluates one formula variable over every row (R: `model.frame`'s `eval`). A text column, a
 * codebook `single` that is not `ordered`, and `factor(x)` are factors; numbers otherwise (ordered
 * items are their scores). `log(x)` of a non-positive value is an error, not a silent -Inf.
 */
export function evaluateFormulaVariable(node: FormulaNode, table: DataTable, levels: LevelOverrides = {}): FrameColumn {
  const variableOf = (name: string): Variable | undefined => {
    const column = table.column(name);
    return table.codebook.variables.find((v) => v.name === column.variable || v.name === name);
  };

  function asFactor(inner: FormulaNode): FrameColumn {
    if (inner.kind === 'name') {
      const column = table.column(inner.name);
      return factorLevels(column.values, variableOf(inner.name), levels[inner.name], inner.name);
    }
    const values = numeric(inner);
    return factorLevels(values, undefined, undefined, deparseFormulaNode(inner));
  }

  function numeric(n: FormulaNode): Float64Array {
    const label = deparseFormulaNode(n);
    switch (n.kind) {
      case 'number':
        return new Float64Array(table.nrows).fill(n.value);
      case 'paren':
        return numeric(n.inner);
      case 'name': {
        const column = table.column(n.name);
        if (column.kind === 'text') throw new UsageError(`${n.name} is text and cannot be used in arithmetic (${label})`, { hint: `use ${n.name} or factor(${n.name}) as a term` });
        return column.values;
      }
      case 'unary': {
        const x = numeric(n.arg);
        return n.op === '-' ? x.map((v) => -v) : x;
      }
      case 'binary': {
        const f = operators[n.op];
        if (!f) throw new UsageError(`"${n.op}" cannot be used inside ${label}`);
        const a = numeric(n.left);
        const b = numeric(n.right);
        return a.map((v, i) => (Number.isNaN(v) || Number.isNaN(b[i]) ? Number.NaN : f(v, b[i])));
      }
      case 'call': {
        if (n.args.length !== 1) throw new UsageError(`${label}: ${n.fn}() takes one argument here`);
        if (n.fn === 'I') return numeric(n.args[0]);
        const f = functions[n.fn];
        if (!f) throw new UsageError(`unknown function ${n.fn}() in ${label}`, { hint: `use one of factor, I, ${Object.keys(functions).join(', ')}` });
        const x = numeric(n.args[0]);
        const out = x.map(f);
        const bad = out.findIndex((v, i) => !Number.isNaN(x[i]) && !Number.isFinite(v));
        if (bad >= 0) {
          throw new UsageError(`${label} is not finite in row ${table.sourceRows[bad]} (${deparseFormulaNode(n.args[0])} = ${x[bad]})`, {
            hint: `remove or recode those rows first (e.g. I(${n.fn}(x + 1)))`,
          });
        }
        return out;
      }
    }
  }

  if (node.kind === 'call' && node.fn === 'factor') {
    if (node.args.length !== 1) throw new UsageError(`${deparseFormulaNode(node)}: factor() takes one argument`);
    return asFactor(node.args[0]);
  }
  if (node.kind === 'name') {
    const column = table.column(node.name);
    const variable = variableOf(node.name);
    const categorical = column.kind === 'text' || (variable?.type === 'single' && !variable.ordered && (variable.choices?.length ?? 0) > 0);
    if (categorical) return asFactor(node);
  }
  return { kind: 'numeric', values: numeric(node) };
}
