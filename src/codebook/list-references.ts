import { visitExpression, type Expression } from './expression.js';

/** The variable names an expression reads, each once, in order of first use (`.` excluded). */
export function listReferences(ast: Expression): string[] {
  const names = new Set<string>();
  visitExpression(ast, (node) => {
    if (node.kind === 'variable') names.add(node.name);
  });
  return [...names];
}
