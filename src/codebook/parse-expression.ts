import { didYouMean } from './closest-name.js';
import { expressionFunctions, type BinaryOperator, type Expression, type FunctionName } from './expression.js';
import { ExpressionError } from './expression-error.js';
import { tokenizeExpression, type Token } from './tokenize-expression.js';

const comparisons = new Set(['==', '!=', '<', '<=', '>', '>=']);

/**
 * Bounds on an expression (`relevant`, `checks`, `derive`), so a hostile or generated one is a
 * clear problem rather than a stack overflow: its length, nesting (parentheses, calls, `not`,
 * signs, `^`) and number of operators. Real skip logic and checks use a handful of each.
 */
export const EXPRESSION_LIMITS = { characters: 10_000, depth: 100, operators: 1_000 } as const;

/**
 * Parses an expression into its syntax tree by precedence climbing, loosest first:
 * `or`; `and`; `not`; comparisons and `in` (not chained); `+ -`; `* / %`; unary `-`; `^` (right).
 * Throws ExpressionError with the character position of the first problem.
 */
export function parseExpression(source: string): Expression {
  if (source.length > EXPRESSION_LIMITS.characters) {
    throw new ExpressionError(`the expression is ${source.length} characters long; at most ${EXPRESSION_LIMITS.characters} are allowed`, 0);
  }
  const tokens = tokenizeExpression(source);
  let index = 0;
  let depth = 0;
  let operators = 0;
  /** Counts a level of nesting (undone by `leave`); past the limit, an error at `position`. */
  const enter = (position: number): void => {
    if (++depth > EXPRESSION_LIMITS.depth) throw new ExpressionError(`the expression nests more than ${EXPRESSION_LIMITS.depth} levels deep`, position);
  };
  const leave = (): void => {
    depth--;
  };
  const operator = (position: number): void => {
    if (++operators > EXPRESSION_LIMITS.operators) throw new ExpressionError(`the expression has more than ${EXPRESSION_LIMITS.operators} operators`, position);
  };
  const peek = (): Token => tokens[index];
  const next = (): Token => tokens[index++];
  const symbol = (): string | undefined => (peek().type === 'symbol' ? String(peek().value) : undefined);
  const isSymbol = (value: string): boolean => symbol() === value;

  function expect(value: string): Token {
    if (!isSymbol(value)) throw unexpected(peek(), `expected "${value}"`);
    return next();
  }

  function leftAssociative(symbols: readonly string[], operand: () => Expression): Expression {
    let left = operand();
    while (symbols.includes(symbol() ?? '')) {
      const token = next();
      operator(token.position);
      const right = operand();
      left = { kind: 'binary', operator: token.value as BinaryOperator, left, right, position: token.position };
    }
    return left;
  }

  const parseOr = (): Expression => {
    enter(peek().position);
    const tree = leftAssociative(['or'], parseAnd);
    leave();
    return tree;
  };
  const parseAnd = (): Expression => leftAssociative(['and'], parseNot);

  /** A prefix operator that may repeat (`not not a`, `--a`), over the next tighter level. */
  function prefix(operator: '-' | 'not', operand: () => Expression): Expression {
    if (!isSymbol(operator)) return operand();
    const token = next();
    enter(token.position);
    const tree: Expression = { kind: 'unary', operator, operand: prefix(operator, operand), position: token.position };
    leave();
    return tree;
  }

  const parseNot = (): Expression => prefix('not', parseComparison);

  function parseComparison(): Expression {
    const left = parseAdditive();
    const token = peek();
    let result = left;
    if (comparisons.has(symbol() ?? '')) {
      operator(next().position);
      const right = parseAdditive();
      result = { kind: 'binary', operator: token.value as BinaryOperator, left, right, position: token.position };
    } else if (isSymbol('in')) {
      next();
      result = { kind: 'in', operand: left, options: parseList(), position: token.position };
    }
    if (comparisons.has(symbol() ?? '') || isSymbol('in')) {
      throw unexpected(peek(), 'comparisons do not chain; join them with "and"');
    }
    return result;
  }

  const parseAdditive = (): Expression => leftAssociative(['+', '-'], parseMultiplicative);
  const parseMultiplicative = (): Expression => leftAssociative(['*', '/', '%'], parseUnary);

  // Unary minus binds looser than `^`, so -2^2 is -4 as in R.
  const parseUnary = (): Expression => prefix('-', parsePower);

  function parsePower(): Expression {
    const base = parsePrimary();
    if (!isSymbol('^')) return base;
    const token = next();
    operator(token.position);
    enter(token.position);
    const tree: Expression = { kind: 'binary', operator: '^', left: base, right: parseUnary(), position: token.position };
    leave();
    return tree;
  }

  function parsePrimary(): Expression {
    const token = next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, position: token.position };
      case 'string':
        return { kind: 'string', value: token.value, position: token.position };
      case 'identifier':
        return isSymbol('(') ? parseCall(token) : { kind: 'variable', name: token.value, position: token.position };
      case 'symbol':
        if (token.value === '.') return { kind: 'current', position: token.position };
        if (token.value === '(') {
          const inner = parseOr();
          expect(')');
          return inner;
        }
    }
    throw unexpected(token, 'expected a value');
  }

  /** `( a, b, ... )`: arguments of a call or options of `in`. */
  function parseList(): Expression[] {
    expect('(');
    const items: Expression[] = [];
    if (!isSymbol(')')) {
      items.push(parseOr());
      while (isSymbol(',')) {
        next();
        items.push(parseOr());
      }
    }
    expect(')');
    return items;
  }

  function parseCall(name: Extract<Token, { type: 'identifier' }>): Expression {
    if (!Object.hasOwn(expressionFunctions, name.value)) {
      throw new ExpressionError(
        `unknown function "${name.value}"${didYouMean(name.value, Object.keys(expressionFunctions))}`,
        name.position,
      );
    }
    const fn = name.value as FunctionName;
    const args = parseList();
    const [least, most] = expressionFunctions[fn];
    if (args.length < least || args.length > most) {
      const wanted = least === most ? `${least}` : most === Infinity ? `at least ${least}` : `${least} or ${most}`;
      const noun = /\b1$/.test(wanted) ? 'argument' : 'arguments';
      throw new ExpressionError(`${fn}() takes ${wanted} ${noun}, got ${args.length}`, name.position);
    }
    if ((fn === 'selected' || fn === 'count_selected') && args[0].kind !== 'variable') {
      throw new ExpressionError(`${fn}() needs a variable name first`, args[0].position);
    }
    return { kind: 'call', name: fn, args, position: name.position };
  }

  const tree = parseOr();
  if (peek().type !== 'end') throw unexpected(peek(), 'expected an operator or the end');
  return tree;
}

function unexpected(token: Token, expected: string): ExpressionError {
  if (token.type === 'end') return new ExpressionError(`unexpected end of expression (${expected})`, token.position);
  return new ExpressionError(`unexpected "${token.text}" (${expected})`, token.position);
}
