import type { Problem } from '../core/errors.js';
import type { Codebook, Variable } from '../core/types.js';
import { didYouMean } from './closest-name.js';
import { optionColumn, visitExpression, type Expression } from './expression.js';
import { atCharacter, ExpressionError } from './expression-error.js';
import { formatCode } from './format-code.js';
import { parseCode } from './parse-code.js';
import { parseExpression } from './parse-expression.js';

/** Which kind of expression is being checked: it decides what the expression may read. */
type Site = 'relevant' | 'constraint' | 'derive' | 'check';

/**
 * Expressions that do not parse or read names they cannot see. Relevant and constraint see the
 * variables (and multi-select option columns such as `hobby_1`); a derive also sees the derives
 * above it; checks see everything. Only a constraint may use `.`.
 * `unchecked` holds entries whose shape is already reported bad: they count by name only.
 */
export function expressionProblems(cb: Codebook, unchecked: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  // A variable whose shape is bad is known by name, but its type is not trusted.
  const variables = new Map<string, Variable | undefined>();
  const scope = new Set<string>();
  cb.variables.forEach((variable, i) => {
    const trusted = !unchecked.has(`variables[${i}]`);
    variables.set(variable.name, trusted ? variable : undefined);
    scope.add(variable.name);
    if (trusted && (variable.type === 'multi' || variable.type === 'rank')) {
      for (const { code } of variable.choices ?? []) scope.add(optionColumn(variable.name, code));
    }
  });
  const derived = new Map(cb.derive.map(({ name }, j) => [name, j]));

  function check(source: string, path: string, where: Site): void {
    let ast: Expression;
    try {
      ast = parseExpression(source);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      problems.push({ path, message: err.message });
      return;
    }
    const messages = new Set<string>();
    visitExpression(ast, (node) => {
      const message = nodeProblem(node, where);
      if (message) messages.add(message);
    });
    for (const message of messages) problems.push({ path, message });
  }

  function nodeProblem(node: Expression, where: Site): string | undefined {
    if (node.kind === 'current' && where !== 'constraint') {
      return atCharacter('"." (the current answer) is only allowed in a constraint', node.position);
    }
    if (node.kind === 'variable' && !scope.has(node.name)) {
      const later = derived.get(node.name);
      const what = later === undefined
        ? `unknown variable "${node.name}"${didYouMean(node.name, scope)}`
        : where === 'relevant' || where === 'constraint'
          ? `"${node.name}" is derived after cleaning; ${where} can only read questions`
          : `"${node.name}" is not derived yet (derive[${later}] comes later)`;
      return atCharacter(what, node.position);
    }
    if (node.kind === 'call' && (node.name === 'selected' || node.name === 'count_selected')) {
      return selectionProblem(node);
    }
    return undefined;
  }

  function selectionProblem(node: Extract<Expression, { kind: 'call' }>): string | undefined {
    const [target, codeNode] = node.args;
    const variable = target.kind === 'variable' ? variables.get(target.name) : undefined;
    if (!variable) return undefined;
    if (variable.type !== 'multi' && variable.type !== 'rank') {
      return atCharacter(`${node.name}() needs a multi-select variable; "${variable.name}" is ${variable.type}`, node.position);
    }
    if (codeNode?.kind !== 'number' && codeNode?.kind !== 'string') return undefined;
    const code = parseCode(codeNode.value);
    if ((variable.choices ?? []).some((choice) => choice.code === code)) return undefined;
    return atCharacter(`code ${formatCode(code)} is not a choice of "${variable.name}"`, codeNode.position);
  }

  cb.variables.forEach((variable, i) => {
    if (unchecked.has(`variables[${i}]`)) return;
    if (variable.relevant !== undefined) check(variable.relevant, `variables[${i}].relevant`, 'relevant');
    if (variable.constraint !== undefined) check(variable.constraint, `variables[${i}].constraint`, 'constraint');
  });
  cb.derive.forEach((derivation, j) => {
    if (!unchecked.has(`derive[${j}]`)) check(derivation.expr, `derive[${j}].expr`, 'derive');
    scope.add(derivation.name);
  });
  cb.checks.forEach((entry, k) => {
    if (!unchecked.has(`checks[${k}]`)) check(entry.check, `checks[${k}].check`, 'check');
  });
  return problems;
}
