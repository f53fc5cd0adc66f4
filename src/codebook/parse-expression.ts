import { didYouMean } from './closest-name.js';
import { expressionFunctions, type BinaryOperator, type Expression, type FunctionName } from './expression.js';
import { ExpressionError } from './expression-error.js';
import { tokenizeExpression, type Token } from './tokenize-expression.js';

const comparisons = new Set(['==', '!=', '<', '<=', '>', '>=']);

/**
 * Parses an expression into its syntax tree by precedence climbing, loosest first:
 * `or`; `and`; `not`; comparisons and `in` (not chained); `+ -`; `* / %`; unary `-`; `^` (right).
 * Throws ExpressionError with the character position of the first problem.
 */
export function parseExpression(source: string): Expression {
  const tokens = tokenizeExpression(source);
  let index = 0;
  const peek = (): Token => tokens[index];
  const next = (): Token => tokens[index++];
  const symbol = (): string | undefined => (peek().type === 'symbol' ? String(peek().value) : undefined);
  const isSymbol = (value: string): boolean => symbol() === value;

  function expect(value: string): Token {
    if (!isSymbol(value)) throw unexpected(peek(), `expected "${value}"`);
    return next();
  }

  function leftAssociative(operators: readonly string[], operand: () => Expression): Expression {
    let left = operand();
    while (operators.includes(symbol() ?? '')) {
      const token = next();
      const right = operand();
      left = { kind: 'binary', operator: token.value as BinaryOperator, left, right, position: token.position };
    }
    return left;
  }

  const parseOr = (): Expression => leftAssociative(['or'], parseAnd);
  const parseAnd = (): Expression => leftAssociative(['and'], parseNot);

  /** A prefix operator that may repeat (`not not a`, `--a`), over the next tighter level. */
  function prefix(operator: '-' | 'not', operand: () => Expression): Expression {
    if (!isSymbol(operator)) return operand();
    const token = next();
    return { kind: 'unary', operator, operand: prefix(operator, operand), position: token.position };
  }

  const parseNot = (): Expression => prefix('not', parseComparison);

  function parseComparison(): Expression {
    const left = parseAdditive();
    const token = peek();
    let result = left;
    if (comparisons.has(symbol() ?? '')) {
      next();
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
    return { kind: 'binary', operator: '^', left: base, right: parseUnary(), position: token.position };
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
