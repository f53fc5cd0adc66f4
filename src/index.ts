/**
 * The public library API of `survey`: each pipeline stage as a function with typed input and
 * output (DESIGN §1). The CLI is a thin layer over these exports.
 */

export type { Check, Choice, Code, Codebook, Derivation, Variable, VariableType } from './core/types.js';
export type { Problem } from './core/errors.js';

// Codebook: load and validate YAML, write it back, import XLSForm (DESIGN §3).
export { loadCodebook, parseCodebook } from './codebook/load-codebook.js';
export { validateCodebook } from './codebook/validate-codebook.js';
export { stringifyCodebook } from './codebook/stringify-codebook.js';
export { importXlsform } from './codebook/import-xlsform.js';
export { summarizeCodebook, type CodebookSummary } from './codebook/summarize-codebook.js';

// Expressions of relevant, constraint, checks and derive: parsed to a tree, never eval'd.
export { parseExpression } from './codebook/parse-expression.js';
export { evaluateExpression, type EvaluateOptions, type Lookup, type Value } from './codebook/evaluate-expression.js';
export { listReferences } from './codebook/list-references.js';
export { optionColumn, type Expression } from './codebook/expression.js';
export { ExpressionError } from './codebook/expression-error.js';
