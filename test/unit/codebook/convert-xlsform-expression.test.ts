import { describe, expect, test } from 'vitest';
import { convertXlsformExpression } from '../../../src/codebook/convert-xlsform-expression.js';
import { rangeFromConstraint } from '../../../src/codebook/range-from-constraint.js';

describe('convertXlsformExpression', () => {
  test.each([
    ['${age} >= 18', 'age >= 18'],
    ["${area} = '1'", "area == '1'"],
    ['${a}=1 and ${b} != 2 or ${c} <= 3 or ${d} >= 4', 'a==1 and b != 2 or c <= 3 or d >= 4'],
    ["selected(${hobby}, 'other')", "selected(hobby, 'other')"],
    ['${income} div 1000 + ${n} mod 7', 'income / 1000 + n % 7'],
    ['count-selected(${hobby}) <= 3', 'count_selected(hobby) <= 3'],
    ['. >= 0 and . <= 120', '. >= 0 and . <= 120'],
    ["not(${q} = 'a=b') and ${ x } = \"${y}\"", "not(q == 'a=b') and x == \"${y}\""],
    ['string-length(${name}) > 0', 'string_length(name) > 0'],
  ])('%s → %s', (xlsform, ours) => {
    expect(convertXlsformExpression(xlsform)).toBe(ours);
  });
});

describe('rangeFromConstraint', () => {
  test.each([
    ['. >= 0 and . <= 120', [0, 120]],
    ['. <= 120 and . >= 0', [0, 120]],
    ['0 <= . and 120 >= .', [0, 120]],
    ['. >= -5 and . <= 5', [-5, 5]],
  ])('%s is the range %j', (constraint, range) => {
    expect(rangeFromConstraint(constraint)).toEqual(range);
  });

  test.each(['. >= 0', '. > 0 and . < 120', '. >= 0 or . <= 120', '. >= 0 and . >= 5', '. >= age and . <= 120', '. >= (0'])(
    '%s states no range',
    (constraint) => {
      expect(rangeFromConstraint(constraint)).toBeUndefined();
    },
  );
});
