import type { Code } from '../core/types.js';
import { optionColumn, type BinaryOperator, type Expression } from './expression.js';
import { ExpressionError } from './expression-error.js';
import { parseCode } from './parse-code.js';

/** What an expression yields: a number, text, true/false, or null for a missing value. */
export type Value = number | string | boolean | null;

/** Gives a variable's value for one respondent; `.` asks for the answer being constrained. */
export type Lookup = (name: string) => number | string | null;

/** What the evaluator may need beyond values. */
export interface EvaluateOptions {
  /** The choice codes of a multi-select variable, for `count_selected()`. */
  choicesOf?: (name: string) => readonly Code[] | undefined;
}

type Present = Exclude<Value, null>;

const arithmetic: Partial<Record<BinaryOperator, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  // Floored modulo, the sign of the divisor, as R's %%.
  '%': (a, b) => a - b * Math.floor(a / b),
  '^': (a, b) => a ** b,
};

const mathFunctions: Record<string, (x: number) => number> = {
  log: Math.log,
  log10: Math.log10,
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
};

/** A parsed expression ready to evaluate for one respondent after another (see compileExpression). */
export type CompiledExpression = (lookup: Lookup) => Value;

/**
 * Evaluates a parsed expression for one respondent, with R/SQL missing semantics:
 * arithmetic, comparisons and functions of a null give null; `and`/`or` are three-valued
 * (false and null = false, true or null = true); `not null` is null; `is_missing(x)` tests for null.
 * Comparisons give true/false, which count as 1/0 in arithmetic. Results that are not finite
 * (log of 0 or less, division by zero) are null, never NaN or Infinity.
 */
export function evaluateExpression(ast: Expression, lookup: Lookup, options: EvaluateOptions = {}): Value {
  return compileExpression(ast, options)(lookup);
}

/**
 * evaluateExpression made once for many respondents: its evaluator is built once, not per row, so
 * a rule over every row of a survey costs a call per row.
 * @example const happy = compileExpression(parseExpression('happiness >= 4')); happy((name) => row[name])
 */
export function compileExpression(ast: Expression, options: EvaluateOptions = {}): CompiledExpression {
  let lookup: Lookup = () => null;
  const evaluate = (node: Expression): Value => {
    switch (node.kind) {
      case 'number':
      case 'string':
        return node.value;
      case 'variable':
        return lookup(node.name);
      case 'current':
        return lookup('.');
      case 'unary': {
        const value = evaluate(node.operand);
        if (value === null) return null;
        return node.operator === 'not' ? !truth(value, node.operand) : finite(-toNumber(value, node.operand));
      }
      case 'binary':
        return evaluateBinary(node.operator, node.left, node.right);
      case 'in': {
        const value = evaluate(node.operand);
        if (value === null) return null;
        const candidates = node.options.map(evaluate);
        if (candidates.some((candidate) => candidate !== null && equals(value, candidate))) return true;
        return candidates.includes(null) ? null : false;
      }
      case 'call':
        return evaluateCall(node);
    }
  };

  function evaluateBinary(operator: BinaryOperator, leftNode: Expression, rightNode: Expression): Value {
    if (operator === 'and' || operator === 'or') {
      // Kleene logic: a decisive side wins even when the other is missing.
      const decisive = operator === 'or';
      const left = evaluate(leftNode);
      const l = left === null ? null : truth(left, leftNode);
      if (l === decisive) return decisive;
      const right = evaluate(rightNode);
      const r = right === null ? null : truth(right, rightNode);
      if (r === decisive) return decisive;
      return l === null || r === null ? null : !decisive;
    }
    const left = evaluate(leftNode);
    const right = evaluate(rightNode);
    if (left === null || right === null) return null;
    const apply = arithmetic[operator];
    if (apply) return finite(apply(toNumber(left, leftNode), toNumber(right, rightNode)));
    if (operator === '==') return equals(left, right);
    if (operator === '!=') return !equals(left, right);
    const order = compare(left, right, leftNode);
    if (operator === '<') return order < 0;
    if (operator === '<=') return order <= 0;
    if (operator === '>') return order > 0;
    return order >= 0;
  }

  function evaluateCall(node: Extract<Expression, { kind: 'call' }>): Value {
    const { name, args } = node;
    if (name === 'is_missing') return evaluate(args[0]) === null;
    if (name === 'selected' || name === 'count_selected') return evaluateSelection(node);
    const values = args.map(evaluate);
    if (values.includes(null)) return null;
    const numbers = values.map((value, i) => toNumber(value as Present, args[i]));
    if (name === 'min') return Math.min(...numbers);
    if (name === 'max') return Math.max(...numbers);
    if (name === 'round') return finite(roundHalfEven(numbers[0], Math.trunc(numbers[1] ?? 0)));
    return finite(mathFunctions[name](numbers[0]));
  }

  function evaluateSelection(node: Extract<Expression, { kind: 'call' }>): Value {
    const variable = node.args[0] as Extract<Expression, { kind: 'variable' }>;
    if (node.name === 'selected') {
      const code = evaluate(node.args[1]);
      if (code === null) return null;
      const chosen = lookup(optionColumn(variable.name, String(code)));
      return chosen === null ? null : equals(chosen, 1);
    }
    const codes = options.choicesOf?.(variable.name);
    if (!codes) throw new ExpressionError(`count_selected() needs the choices of "${variable.name}"`, node.position);
    const chosen = codes.map((code) => lookup(optionColumn(variable.name, code))).filter((v) => v !== null);
    // A skipped question has every option column missing: its count is missing, not 0.
    return chosen.length === 0 ? null : chosen.filter((v) => equals(v, 1)).length;
  }

  return (respondent) => {
    lookup = respondent;
    return evaluate(ast);
  };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Numbers, true/false (1/0) and numeric-looking text are numbers; other text is not. */
function asNumber(value: Present): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  const code = parseCode(value);
  return typeof code === 'number' ? code : undefined;
}

function toNumber(value: Present, node: Expression): number {
  const number = asNumber(value);
  if (number === undefined) throw new ExpressionError(`"${value}" is text, not a number`, node.position);
  return number;
}

function truth(value: Present, node: Expression): boolean {
  if (typeof value === 'string') throw new ExpressionError(`"${value}" is text, not true or false`, node.position);
  return value !== 0 && value !== false;
}

/** Text equals text exactly; otherwise both sides compare as numbers (`'1' == 1`, `true == 1`). */
function equals(a: Present, b: Present): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const x = asNumber(a);
  const y = asNumber(b);
  return x !== undefined && x === y;
}

function compare(a: Present, b: Present, node: Expression): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x === undefined || y === undefined) {
    throw new ExpressionError(`cannot order ${JSON.stringify(a)} against ${JSON.stringify(b)}`, node.position);
  }
  return x - y;
}

/**
 * Rounds as R's round(): to the nearer of the two candidates at `digits` decimals, measured on the
 * double actually stored (so 2.675 → 2.67), and ties to the even candidate (2.5 → 2).
 */
function roundHalfEven(x: number, digits: number): number {
  const scale = 10 ** Math.abs(digits);
  const up = (v: number) => (digits >= 0 ? v / scale : v * scale);
  const scaled = digits >= 0 ? x * scale : x / scale;
  const low = Math.floor(scaled);
  const below = up(low);
  const above = up(low + 1);
  const gapBelow = x - below;
  const gapAbove = above - x;
  if (gapBelow !== gapAbove) return gapBelow < gapAbove ? below : above;
  return low % 2 === 0 ? below : above;
}
