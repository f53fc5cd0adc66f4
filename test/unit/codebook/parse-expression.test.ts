import { describe, expect, test } from 'vitest';
import type { Expression } from '../../../src/codebook/expression.js';
import { ExpressionError } from '../../../src/codebook/expression-error.js';
import { listReferences } from '../../../src/codebook/list-references.js';
import { parseExpression } from '../../../src/codebook/parse-expression.js';

/** The tree as an S-expression, so that precedence is visible at a glance. */
function show(node: Expression): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'variable':
      return node.name;
    case 'current':
      return '.';
    case 'unary':
      return `(${node.operator} ${show(node.operand)})`;
    case 'binary':
      return `(${node.operator} ${show(node.left)} ${show(node.right)})`;
    case 'in':
      return `(in ${show(node.operand)} ${node.options.map(show).join(' ')})`;
    case 'call':
      return `(${node.name}() ${node.args.map(show).join(' ')})`;
  }
}

const parsed = (source: string) => show(parseExpression(source));

/** The message of the ExpressionError a source throws. */
function failure(source: string): string {
  try {
    parseExpression(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return (err as Error).message;
  }
  throw new Error(`expected "${source}" not to parse`);
}

describe('parseExpression', () => {
  test('literals, names and the current answer', () => {
    expect(parsed('42')).toBe('42');
    expect(parsed('1.5e3')).toBe('1500');
    expect(parsed('.5')).toBe('0.5');
    expect(parsed("'城市'")).toBe('"城市"');
    expect(parsed('"it\\"s"')).toBe('"it\\"s"');
    expect(parsed('sat_health_cost')).toBe('sat_health_cost');
    expect(parsed('.')).toBe('.');
  });

  test('arithmetic precedence: * before +, ^ before unary minus, ^ to the right', () => {
    expect(parsed('1 + 2 * 3')).toBe('(+ 1 (* 2 3))');
    expect(parsed('(1 + 2) * 3')).toBe('(* (+ 1 2) 3)');
    expect(parsed('10 - 4 - 3')).toBe('(- (- 10 4) 3)');
    expect(parsed('a / b % c')).toBe('(% (/ a b) c)');
    expect(parsed('-2 ^ 2')).toBe('(- (^ 2 2))');
    expect(parsed('2 ^ 3 ^ 2')).toBe('(^ 2 (^ 3 2))');
    expect(parsed('2 ^ -1')).toBe('(^ 2 (- 1))');
  });

  test('logic precedence: comparisons, then not, and, or', () => {
    expect(parsed('a == 1 or b == 2 and c < 3')).toBe('(or (== a 1) (and (== b 2) (< c 3)))');
    expect(parsed('not (occupation == 6 and age < 40)')).toBe('(not (and (== occupation 6) (< age 40)))');
    expect(parsed('not a == 1')).toBe('(not (== a 1))');
    expect(parsed('a + 1 >= b * 2')).toBe('(>= (+ a 1) (* b 2))');
  });

  test('&&, || and ! are and, or, not', () => {
    expect(parsed('!a && b || c')).toBe('(or (and (not a) b) c)');
    expect(parsed('a != 1')).toBe('(!= a 1)');
  });

  test('in with a list', () => {
    expect(parsed('x in (1, 2, 3)')).toBe('(in x 1 2 3)');
    expect(parsed("area in ('城市') and age > 1")).toBe('(and (in area "城市") (> age 1))');
  });

  test('function calls', () => {
    expect(parsed('log(income)')).toBe('(log() income)');
    expect(parsed('round(x / 3, 2)')).toBe('(round() (/ x 3) 2)');
    expect(parsed('max(a, b, c)')).toBe('(max() a b c)');
    expect(parsed("selected(hobby, 'a')")).toBe('(selected() hobby "a")');
    expect(parsed('is_missing(x) or count_selected(h) > 2')).toBe('(or (is_missing() x) (> (count_selected() h) 2))');
  });

  test('records the character position of each node', () => {
    const ast = parseExpression('age >= 18');
    expect(ast).toMatchObject({ kind: 'binary', position: 4, left: { position: 0 }, right: { position: 7 } });
  });

  test('errors give the 1-based character', () => {
    expect(failure('age >= ')).toBe('unexpected end of expression (expected a value) at character 8');
    expect(failure('age = 18')).toBe('unexpected "=" (use == to compare) at character 5');
    expect(failure('(a + 1')).toBe('unexpected end of expression (expected ")") at character 7');
    expect(failure('a b')).toBe('unexpected "b" (expected an operator or the end) at character 3');
    expect(failure('1 < a < 3')).toBe('unexpected "<" (comparisons do not chain; join them with "and") at character 7');
    expect(failure("'abc")).toBe('unterminated string (no closing \') at character 1');
    expect(failure('a # b')).toBe('unexpected character "#" at character 3');
    expect(failure('a（1）')).toBe('unexpected character "（" (full-width; use "(") at character 2');
    expect(failure('x in 1')).toBe('unexpected "1" (expected "(") at character 6');
  });

  test('unknown functions and wrong argument counts', () => {
    expect(failure('lg(x)')).toBe('unknown function "lg" (did you mean "log"?) at character 1');
    expect(failure('a + coalesce(x, 0)')).toBe('unknown function "coalesce" at character 5');
    expect(failure('sqrt()')).toBe('sqrt() takes 1 argument, got 0 at character 1');
    expect(failure('round(1, 2, 3)')).toBe('round() takes 1 or 2 arguments, got 3 at character 1');
    expect(failure('min()')).toBe('min() takes at least 1 argument, got 0 at character 1');
    expect(failure('selected(1, 2)')).toBe('selected() needs a variable name first at character 10');
  });
});

describe('listReferences', () => {
  test('lists each variable once, in order, without `.` or function names', () => {
    expect(listReferences(parseExpression('not (occupation == 6 and age < 40) or age > . or log(income) > 0'))).toEqual([
      'occupation', 'age', 'income',
    ]);
    expect(listReferences(parseExpression('selected(hobby, 2) and x in (a, b)'))).toEqual(['hobby', 'x', 'a', 'b']);
  });
});
