import type { FormulaNode } from './formula.js';
import { isSyntacticName } from './is-syntactic-name.js';

// R's deparser puts spaces around these operators and none around `^`, `/` and `:`.
const spaced = new Set(['+', '-', '*', '==', '!=', '<', '<=', '>', '>=', '&', '|', '~']);

/** The text R's `deparse()` gives for an expression: term and column names are built from it. */
export function deparseFormulaNode(node: FormulaNode): string {
  switch (node.kind) {
    case 'name':
      // As R: `收入 (元)`, `a+b` in backquotes; GNP.deflator, 年龄 as they are.
      return isSyntacticName(node.name) ? node.name : `\`${node.name.replace(/[`\\]/g, '\\$&')}\``;
    case 'number':
      return node.text;
    case 'call':
      return `${node.fn}(${node.args.map(deparseFormulaNode).join(', ')})`;
    case 'unary':
      return `${node.op}${deparseFormulaNode(node.arg)}`;
    case 'paren':
      return `(${deparseFormulaNode(node.inner)})`;
    case 'binary': {
      const gap = spaced.has(node.op) ? ' ' : '';
      return `${deparseFormulaNode(node.left)}${gap}${node.op}${gap}${deparseFormulaNode(node.right)}`;
    }
  }
}
