import type { Problem } from '../core/errors.js';
import type { Codebook } from '../core/types.js';
import { aliasProblems } from './alias-problems.js';
import { expressionProblems } from './expression-problems.js';
import { nameProblems } from './name-problems.js';
import { skipLogicProblems } from './skip-logic-problems.js';
import { variableProblems } from './variable-problems.js';

/**
 * Every problem of a codebook beyond its YAML shape, each with its path: choices that do not fit
 * the type, repeated codes and labels, bad ranges, colliding names and aliases, and expressions
 * that do not parse or read unknown names, skip logic that goes round in a circle. An empty list means the codebook is sound.
 * `unchecked` holds entries (`variables[3]`, `derive[0]`) whose shape is already reported bad.
 */
export function validateCodebook(cb: Codebook, unchecked: ReadonlySet<string> = new Set()): Problem[] {
  return [
    ...cb.variables.flatMap((variable, i) =>
      unchecked.has(`variables[${i}]`) ? [] : variableProblems(variable, `variables[${i}]`),
    ),
    ...nameProblems(cb, unchecked),
    ...aliasProblems(cb, unchecked),
    ...expressionProblems(cb, unchecked),
    ...skipLogicProblems(cb, unchecked),
  ];
}
