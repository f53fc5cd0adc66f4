import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/codebook/parse-expression.js';
import { parseFormula } from '../../../src/model/parse-formula.js';

// Issue #16.8: formulas and expressions of thousands of parentheses or terms were stack overflows
// (exit 4); they are usage errors that state the limit.

const many = (n: number, item: (i: number) => string, sep: string) => Array.from({ length: n }, (_, i) => item(i)).join(sep);

describe('formula limits', () => {
  it.each([
    ['5,000 nested parentheses', `y ~ ${'('.repeat(5000)}x${')'.repeat(5000)}`, /nests more than 100 levels deep/],
    ['5,000 nested calls', `y ~ ${'log('.repeat(5000)}x${')'.repeat(5000)}`, /is 25005 characters long; a formula may have at most 20000/],
    ['2,000 nested calls', `y ~ ${'log('.repeat(2000)}x${')'.repeat(2000)}`, /nests more than 100 levels deep/],
    ['5,000 signs', `y ~ ${'-'.repeat(5000)}x`, /nests more than 100 levels deep/],
    ['5,000 terms', `y ~ ${many(5000, (i) => `x${i}`, ' + ')}`, /a formula may have at most 20000/],
    ['2,000 terms', `y ~ ${many(2000, (i) => `x${i}`, '+')}`, /has more than 1000 operators/],
    ['a ^ chain of 5,000', `y ~ I(${many(5000, () => 'x', '^')})`, /nests more than 100 levels deep/],
    ['30,000 characters', `y ~ ${'x'.repeat(30_000)}`, /is 30004 characters long; a formula may have at most 20000/],
    ['26 crossed factors (2^26 terms)', `y ~ ${many(26, (i) => String.fromCharCode(97 + i), '*')}`, /expands to more than 1000 terms/],
  ])('%s: a usage error stating the limit', (_, formula, message) => {
    let error: unknown;
    try {
      parseFormula(formula);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ name: 'UsageError', message: expect.stringMatching(message) });
    expect((error as Error).message.length).toBeLessThan(200);
  });

  it('accepts what is within the limits, and stops (a + b)^1000000 once it stops growing', () => {
    expect(parseFormula(`y ~ ${many(1000, (i) => `x${i}`, ' + ')}`).terms).toHaveLength(1000);
    expect(parseFormula(`y ~ ${'('.repeat(90)}x${')'.repeat(90)}`).terms.map((t) => t.label)).toEqual(['x']);
    const started = performance.now();
    expect(parseFormula('y ~ (a + b + c)^1000000').terms).toHaveLength(7);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('expression limits', () => {
  it.each([
    ['5,000 nested parentheses', `${'('.repeat(5000)}age${')'.repeat(5000)} > 1`, /is 10007 characters long; at most 10000 are allowed/],
    ['2,000 nested parentheses', `${'('.repeat(2000)}age${')'.repeat(2000)} > 1`, /nests more than 100 levels deep/],
    ['2,000 nots', `${'not '.repeat(2000)}age > 1`, /nests more than 100 levels deep/],
    ['5,000 minus signs', `${'-'.repeat(5000)}age > 1`, /nests more than 100 levels deep/],
    ['2,000 terms', many(2000, () => 'a', '+'), /has more than 1000 operators/],
    ['a ^ chain of 2,000', many(2000, () => 'a', '^'), /nests more than 100 levels deep/],
    ['20,000 characters', `age > ${'1'.repeat(20_000)}`, /at most 10000 are allowed/],
  ])('%s: an ExpressionError stating the limit', (_, source, message) => {
    expect(() => parseExpression(source)).toThrow(message);
  });
});
