import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../../src/model/parse-formula.js';

const labels = (source: string) => parseFormula(source).terms.map((t) => t.label);

describe('parseFormula (R terms.formula)', () => {
  it('expands *, :, / and ^ and orders terms by degree', () => {
    expect(labels('y ~ a*b')).toEqual(['a', 'b', 'a:b']);
    expect(labels('y ~ a:b + a')).toEqual(['a', 'a:b']);
    expect(labels('y ~ b:a + a + b')).toEqual(['a', 'b', 'b:a']);
    expect(labels('y ~ (a + b + c)^2')).toEqual(['a', 'b', 'c', 'a:b', 'a:c', 'b:c']);
    expect(labels('y ~ a/b')).toEqual(['a', 'a:b']);
    expect(labels('y ~ a*b - a:b')).toEqual(['a', 'b']);
  });

  it('reads the intercept from - 1, + 0 and + 1', () => {
    expect(parseFormula('y ~ x - 1').intercept).toBe(false);
    expect(parseFormula('y ~ 0 + x').intercept).toBe(false);
    expect(parseFormula('y ~ -1 + x').intercept).toBe(false);
    expect(parseFormula('y ~ x').intercept).toBe(true);
  });

  it('names calls as R deparses them', () => {
    expect(labels('y ~ log(income) + I(x^2) + I(a * b) + factor(area) + I(x >= 4)')).toEqual(['log(income)', 'I(x^2)', 'I(a * b)', 'factor(area)', 'I(x >= 4)']);
    expect(parseFormula('I(happiness >= 4) ~ x').responseLabel).toBe('I(happiness >= 4)');
  });

  it('refuses formulas it cannot read, saying where', () => {
    expect(() => parseFormula('y ~ x +')).toThrow(/ends too early/);
    expect(() => parseFormula('y x')).toThrow(/unexpected/);
    expect(() => parseFormula('x + z')).toThrow(/no response/);
    expect(() => parseFormula('y ~ y + x')).toThrow(/also a predictor/);
  });
});
