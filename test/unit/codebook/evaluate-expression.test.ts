import { describe, expect, test } from 'vitest';
import { compileExpression, evaluateExpression, type Value } from '../../../src/codebook/evaluate-expression.js';
import { ExpressionError } from '../../../src/codebook/expression-error.js';
import { parseExpression } from '../../../src/codebook/parse-expression.js';

const row: Record<string, number | string | null> = {
  age: 35,
  income: 48000,
  occupation: 6,
  happiness: 4,
  name: '张三',
  code: 'yes',
  none: null,
  hobby_1: 1,
  hobby_2: 0,
  hobby_3: 1,
  skipped_1: null,
  skipped_2: null,
  '.': 120,
};

function evaluate(source: string): Value {
  return evaluateExpression(parseExpression(source), (name) => (name in row ? row[name] : null), {
    choicesOf: (name) => (name === 'hobby' || name === 'skipped' ? [1, 2, 3] : undefined),
  });
}

describe('evaluateExpression', () => {
  test('arithmetic with R precedence', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('-2 ^ 2')).toBe(-4);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('7 / 2')).toBe(3.5);
    expect(evaluate('-7 % 3')).toBe(2); // floored, as R's %%
    expect(evaluate('income / 12 - age')).toBe(3965);
  });

  test('comparisons give true/false; booleans count as 1/0 in arithmetic', () => {
    expect(evaluate('happiness >= 4')).toBe(true);
    expect(evaluate('happiness >= 5')).toBe(false);
    expect(evaluate('(happiness >= 4) + (age > 30)')).toBe(2);
    expect(evaluate('(happiness >= 4) == 1')).toBe(true);
  });

  test('text compares with text; numeric text compares with numbers', () => {
    expect(evaluate("name == '张三'")).toBe(true);
    expect(evaluate("code != 'no'")).toBe(true);
    expect(evaluate("occupation == '6'")).toBe(true);
    expect(evaluate("name == 6")).toBe(false);
    expect(evaluate("'a' < 'b'")).toBe(true);
  });

  test('the current answer is looked up as "."', () => {
    expect(evaluate('. >= 0 and . <= 120')).toBe(true);
  });

  test('missing values propagate through arithmetic, comparisons and functions', () => {
    expect(evaluate('none + 1')).toBeNull();
    expect(evaluate('none == 1')).toBeNull();
    expect(evaluate('none != 1')).toBeNull();
    expect(evaluate('-none')).toBeNull();
    expect(evaluate('log(none)')).toBeNull();
    expect(evaluate('max(age, none)')).toBeNull();
    expect(evaluate('none in (1, 2)')).toBeNull();
  });

  test('and/or are three-valued; not null is null', () => {
    expect(evaluate('none == 1 and age > 99')).toBe(false);
    expect(evaluate('age > 99 and none == 1')).toBe(false);
    expect(evaluate('none == 1 and age > 1')).toBeNull();
    expect(evaluate('none == 1 or age > 1')).toBe(true);
    expect(evaluate('age > 1 or none == 1')).toBe(true);
    expect(evaluate('none == 1 or age > 99')).toBeNull();
    expect(evaluate('not none')).toBeNull();
    expect(evaluate('not (age > 99)')).toBe(true);
  });

  test('is_missing tests for null', () => {
    expect(evaluate('is_missing(none)')).toBe(true);
    expect(evaluate('is_missing(age)')).toBe(false);
    expect(evaluate('is_missing(none + 1)')).toBe(true);
    expect(evaluate('not is_missing(age)')).toBe(true);
  });

  test('in', () => {
    expect(evaluate('occupation in (1, 2, 6)')).toBe(true);
    expect(evaluate('occupation in (1, 2)')).toBe(false);
    expect(evaluate("code in ('yes', 'no')")).toBe(true);
    expect(evaluate('occupation in (1, none)')).toBeNull();
    expect(evaluate('occupation in (6, none)')).toBe(true);
  });

  test('functions; non-finite results are null, never NaN or Infinity', () => {
    expect(evaluate('log(exp(2))')).toBe(2);
    expect(evaluate('log10(1000)')).toBe(3);
    expect(evaluate('sqrt(16) + abs(-3) + floor(2.7) + ceil(2.1)')).toBe(12);
    expect(evaluate('min(3, 1, 2) + max(3, 1, 2)')).toBe(4);
    expect(evaluate('log(0)')).toBeNull();
    expect(evaluate('log(-1)')).toBeNull();
    expect(evaluate('sqrt(-1)')).toBeNull();
    expect(evaluate('1 / 0')).toBeNull();
    expect(evaluate('5 % 0')).toBeNull();
    expect(evaluate('exp(1000)')).toBeNull();
  });

  test('round() is R round(): half to even, on the stored double', () => {
    expect(evaluate('round(2.5)')).toBe(2);
    expect(evaluate('round(3.5)')).toBe(4);
    expect(evaluate('round(-2.5)')).toBe(-2);
    expect(evaluate('round(2.675, 2)')).toBe(2.67);
    expect(evaluate('round(0.15, 1)')).toBe(0.1);
    expect(evaluate('round(125, -1)')).toBe(120);
    expect(evaluate('round(3.14159, 3)')).toBe(3.142);
  });

  test('selected() reads the option column; count_selected() counts chosen options', () => {
    expect(evaluate('selected(hobby, 1)')).toBe(true);
    expect(evaluate('selected(hobby, 2)')).toBe(false);
    expect(evaluate("selected(hobby, '3')")).toBe(true);
    expect(evaluate('selected(skipped, 1)')).toBeNull();
    expect(evaluate('count_selected(hobby)')).toBe(2);
    expect(evaluate('count_selected(skipped)')).toBeNull();
  });

  test('count_selected() without choices, arithmetic on text and text as a truth value are errors', () => {
    const fails = (source: string) => expect(() => evaluateExpression(parseExpression(source), (name) => row[name] ?? null));
    fails('count_selected(hobby)').toThrow(new ExpressionError('count_selected() needs the choices of "hobby"', 0));
    fails('name + 1').toThrow('"张三" is text, not a number at character 1');
    fails('name and 1').toThrow('"张三" is text, not true or false at character 1');
    fails('name < 3').toThrow('cannot order "张三" against 3 at character 1');
  });
});

describe('compileExpression', () => {
  test('evaluates each respondent with its own values', () => {
    const retiredYoung = compileExpression(parseExpression('occupation == 6 and age < 45 or is_missing(age)'));
    const rows: Record<string, number | null>[] = [
      { occupation: 6, age: 30 },
      { occupation: 6, age: 60 },
      { occupation: 2, age: null },
      { occupation: null, age: 50 }, // null and false is false (Kleene)
    ];
    expect(rows.map((row) => retiredYoung((name) => row[name] ?? null))).toEqual([true, false, true, false]);
  });
});
