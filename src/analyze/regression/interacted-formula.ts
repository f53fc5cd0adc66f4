import { deparseFormulaNode } from '../../model/deparse-formula-node.js';
import { parseFormulaNode } from '../../model/parse-formula-node.js';

/**
 * The formula with every right-hand-side term crossed with `group` (R: `y ~ (x1 + x2) * G`), whose
 * G and x:G terms carry the differences between the groups. Called after the formula was fitted,
 * so it has a response.
 */
export function interactedFormula(formula: string, group: string): string {
  const tree = parseFormulaNode(formula) as Extract<ReturnType<typeof parseFormulaNode>, { kind: 'binary' }>;
  return `${deparseFormulaNode(tree.left)} ~ (${deparseFormulaNode(tree.right)}) * ${group}`;
}
