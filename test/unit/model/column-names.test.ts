import { describe, expect, it } from 'vitest';
import { dataTable } from '../../../src/core/data-table.js';
import { buildModelFrame } from '../../../src/model/build-model-frame.js';
import { buildModelMatrix } from '../../../src/model/build-model-matrix.js';
import { isSyntacticName } from '../../../src/model/is-syntactic-name.js';
import { parseFormula } from '../../../src/model/parse-formula.js';

// Any column name can be used in a formula as in R: names with dots and CJK unquoted, anything
// else between backquotes; term names are R's `names(coef(lm(...)))` (checked in R 4.2.2:
// "`收入 (元)`", "`地区 名`城市", "年龄", "`a+b`", "log(`收入 (元)`)", "`收入 (元)`:年龄").
const labels = (source: string) => parseFormula(source).terms.map((t) => t.label);
const number = (name: string, values: number[]) => ({ name, variable: name, kind: 'number' as const, values: Float64Array.from(values), missing: new Uint8Array(values.length) });
const text = (name: string, values: string[]) => ({ name, variable: name, kind: 'text' as const, values, missing: new Uint8Array(values.length) });

describe('column names from R, Stata and SPSS exports in formulas', () => {
  it('reads dotted and CJK names unquoted, as R does', () => {
    expect(labels('Employed ~ GNP.deflator + Armed.Forces + .hidden')).toEqual(['GNP.deflator', 'Armed.Forces', '.hidden']);
    expect(labels('幸福感 ~ 年龄 + 收入分组 + log(年龄)')).toEqual(['年龄', '收入分组', 'log(年龄)']);
  });

  it('takes any name in backquotes and prints it as R deparses it', () => {
    expect(labels('y ~ `收入 (元)` + `a+b` + `GNP.deflator` + `收入 (元)`:年龄 + log(`收入 (元)`)')).toEqual(['`收入 (元)`', '`a+b`', 'GNP.deflator', 'log(`收入 (元)`)', '`收入 (元)`:年龄']);
    // Hostile names: operators, tildes, a formula-looking name, reserved words, an escaped backquote.
    expect(labels('y ~ `x ~ z` + `a:b` + `if` + `TRUE` + `1st` + `it\\`s` + `back\\\\slash`')).toEqual(['`x ~ z`', '`a:b`', '`if`', '`TRUE`', '`1st`', '`it\\`s`', '`back\\\\slash`']);
    const f = parseFormula('`y (人)` ~ `x ~ z`');
    expect(f.responseLabel).toBe('`y (人)`');
    expect([...f.variables.values()].map((n) => (n.kind === 'name' ? n.name : null))).toEqual(['y (人)', 'x ~ z']);
    expect(parseFormula('y ~ `it\\`s`').variables.get('`it\\`s`')).toEqual({ kind: 'name', name: 'it`s' });
  });

  it('knows which names R writes bare', () => {
    for (const name of ['GNP.deflator', 'sch.wide', '年龄', '.x', 'x_1', '.']) expect(isSyntacticName(name), name).toBe(true);
    for (const name of ['收入 (元)', 'a+b', '1st', '.1x', '_x', 'if', 'NA', '']) expect(isSyntacticName(name), name).toBe(false);
  });

  it('builds the model matrix with R coefficient names for such columns', () => {
    const table = dataTable({ id: 't', checks: [], derive: [], variables: [] }, [
      number('y', [1, 3, 2, 5, 4, 6, 8, 7]),
      number('收入 (元)', [2, 1, 4, 3, 6, 5, 8, 9]),
      text('地区 名', ['城市', '农村', '城市', '农村', '城市', '农村', '城市', '农村']),
      number('年龄', [20, 30, 25, 35, 40, 45, 50, 55]),
      number('a+b', [1, 0, 1, 1, 0, 0, 1, 0]),
    ], Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const frame = buildModelFrame(table, parseFormula('y ~ `收入 (元)` + `地区 名` + 年龄 + `a+b` + `收入 (元)`:年龄 + log(`收入 (元)`)'));
    expect(buildModelMatrix(frame).names).toEqual(['(Intercept)', '`收入 (元)`', '`地区 名`城市', '年龄', '`a+b`', 'log(`收入 (元)`)', '`收入 (元)`:年龄']);
  });
});
