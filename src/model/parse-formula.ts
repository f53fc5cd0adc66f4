import { UsageError } from '../core/errors.js';
import { deparseFormulaNode } from './deparse-formula-node.js';
import type { Formula, FormulaNode, FormulaTerm } from './formula.js';
import { parseFormulaNode } from './parse-formula-node.js';

/** Terms as sets of variable indices while expanding; intercept null when this part does not say. */
interface Expansion {
  terms: number[][];
  intercept: boolean | null;
}

const key = (term: number[]) => term.join(',');

function union(a: number[][], b: number[][]): number[][] {
  const seen = new Set(a.map(key));
  const terms = [...a, ...b.filter((t) => !seen.has(key(t)) && seen.add(key(t)))];
  if (terms.length > MAX_FORMULA_TERMS) throw tooManyTerms();
  return terms;
}

/** A formula may expand to at most this many terms (`a*b*c*…` doubles them with every factor). */
export const MAX_FORMULA_TERMS = 1_000;

function tooManyTerms(): UsageError {
  return new UsageError(`the formula expands to more than ${MAX_FORMULA_TERMS} terms`, {
    hint: 'a*b*c*… and (…)^k multiply terms: write out the interactions the model needs',
  });
}

function interact(a: number[][], b: number[][]): number[][] {
  if (a.length * b.length > MAX_FORMULA_TERMS * 8) throw tooManyTerms();
  const out: number[][] = [];
  for (const x of a) for (const y of b) out.push([...new Set([...x, ...y])].sort((i, j) => i - j));
  return union([], out);
}

/**
 * Parses `y ~ a + b + a:b` as R's `terms.formula` does: `a*b` = `a + b + a:b`, `a/b` = `a + a:b`,
 * `(a+b)^2`, `-` removes terms, `- 1` / `+ 0` drop the intercept; terms ordered by degree, then
 * first appearance; interaction labels list variables in formula order (`a:b`).
 */
export function parseFormula(source: string): Formula {
  const tree = parseFormulaNode(source);
  if (tree.kind !== 'binary' || tree.op !== '~') {
    throw new UsageError(`formula "${source}" has no response`, { hint: 'write it as "y ~ x1 + x2"' });
  }
  const variables = new Map<string, FormulaNode>();
  const labels: string[] = [];
  const variableIndex = (node: FormulaNode): number => {
    const label = deparseFormulaNode(node);
    if (!variables.has(label)) {
      variables.set(label, node);
      labels.push(label);
    }
    return labels.indexOf(label);
  };
  const responseLabel = deparseFormulaNode(tree.left);
  variableIndex(tree.left);

  function expand(node: FormulaNode): Expansion {
    if (node.kind === 'paren') return expand(node.inner);
    if (node.kind === 'number' && (node.value === 0 || node.value === 1)) return { terms: [], intercept: node.value === 1 };
    if (node.kind === 'unary') {
      const inner = expand(node.arg);
      if (node.op === '+') return inner;
      if (inner.terms.length === 0 && inner.intercept !== null) return { terms: [], intercept: !inner.intercept };
      throw new UsageError(`formula "${source}": "-" needs something to remove from`, { hint: 'write "y ~ a + b - b" or "y ~ x - 1"' });
    }
    if (node.kind === 'binary') {
      const { op } = node;
      if (op === '+' || op === '-' || op === '*' || op === ':' || op === '/') {
        const left = expand(node.left);
        const right = expand(node.right);
        if (op === '+') return { terms: union(left.terms, right.terms), intercept: right.intercept ?? left.intercept };
        if (op === '-') {
          const drop = new Set(right.terms.map(key));
          return {
            terms: left.terms.filter((t) => !drop.has(key(t))),
            intercept: right.intercept === null ? left.intercept : !right.intercept,
          };
        }
        if (op === ':') return { terms: interact(left.terms, right.terms), intercept: null };
        if (op === '*') return { terms: union(union(left.terms, right.terms), interact(left.terms, right.terms)), intercept: null };
        const all = [[...new Set(left.terms.flat())].sort((i, j) => i - j)];
        return { terms: union(left.terms, interact(all, right.terms)), intercept: null };
      }
      if (op === '^' && node.right.kind === 'number' && Number.isInteger(node.right.value) && node.right.value >= 1) {
        const base = expand(node.left).terms;
        let terms = base;
        // (a+b)^1000000 stops growing after as many rounds as it has variables.
        for (let k = 1; k < node.right.value; k++) {
          const grown = union(terms, interact(terms, base));
          if (grown.length === terms.length) break;
          terms = grown;
        }
        return { terms, intercept: null };
      }
      if (op === '~') throw new UsageError(`formula "${source}" has more than one "~"`);
    }
    if (node.kind === 'number') throw new UsageError(`formula "${source}": a bare number ${node.text} is not a term`, { hint: 'use I(x * 2) for arithmetic' });
    return { terms: [[variableIndex(node)]], intercept: null };
  }

  const rhs = expand(tree.right);
  const order = rhs.terms.map((t, i) => ({ t, i })).sort((a, b) => a.t.length - b.t.length || a.i - b.i);
  const terms: FormulaTerm[] = order.map(({ t }) => ({ label: t.map((v) => labels[v]).join(':'), variables: t.map((v) => labels[v]) }));
  if (terms.some((t) => t.variables.includes(responseLabel))) {
    throw new UsageError(`formula "${source}": the response ${responseLabel} is also a predictor`);
  }
  return { source, response: tree.left, responseLabel, variables, terms, intercept: rhs.intercept ?? true };
}
