import { describe, expect, it } from 'vitest';
import { dataTable } from '../../../src/core/data-table.js';
import type { Codebook } from '../../../src/core/types.js';
import { buildModelFrame } from '../../../src/model/build-model-frame.js';
import { buildModelMatrix } from '../../../src/model/build-model-matrix.js';
import { parseFormula } from '../../../src/model/parse-formula.js';

const codebook: Codebook = {
  id: 't',
  checks: [],
  derive: [],
  variables: [
    { name: 'area', type: 'single', aliases: [], choices: [{ code: 2, label: '农村', aliases: [] }, { code: 1, label: '城市', aliases: [] }] },
    { name: 'sat', type: 'single', ordered: true, aliases: [], choices: [1, 2, 3].map((code) => ({ code, label: `s${code}`, aliases: [] })) },
  ],
};
const number = (name: string, values: number[]) => ({ name, variable: name, kind: 'number' as const, values: Float64Array.from(values), missing: new Uint8Array(values.length) });
const table = dataTable(codebook, [
  number('y', [1, 2, 3, 4, 5, 6]),
  number('area', [1, 2, 1, 2, 1, NaN]),
  number('sat', [1, 2, 3, 1, 2, 3]),
  { name: 'g', variable: 'g', kind: 'text', values: ['b', 'a', 'c', 'a', 'b', 'c'], missing: new Uint8Array(6) },
], Int32Array.from([1, 2, 3, 4, 5, 6]));

describe('buildModelFrame / buildModelMatrix', () => {
  it('codes an unordered codebook item by label in codebook order, ordered items as scores, text sorted', () => {
    const frame = buildModelFrame(table, parseFormula('y ~ area + sat + g'));
    expect(frame.rows.length).toBe(5);
    expect(frame.missing).toEqual([{ variable: 'area', rows: 1 }]);
    expect(buildModelMatrix(frame).names).toEqual(['(Intercept)', 'area城市', 'sat', 'gb', 'gc']);
  });

  it('--levels sets the reference; factor() makes an ordered item categorical by its labels', () => {
    const frame = buildModelFrame(table, parseFormula('y ~ factor(sat) + g'), { levels: { g: ['c'] } });
    expect(buildModelMatrix(frame).names).toEqual(['(Intercept)', 'factor(sat)s2', 'factor(sat)s3', 'ga', 'gb']);
  });

  it('interactions of a factor and a number vary the first variable fastest', () => {
    const frame = buildModelFrame(table, parseFormula('y ~ g * sat'));
    expect(buildModelMatrix(frame).names).toEqual(['(Intercept)', 'gb', 'gc', 'sat', 'gb:sat', 'gc:sat']);
  });

  it('an unknown --levels value is a usage error listing the values', () => {
    expect(() => buildModelFrame(table, parseFormula('y ~ g'), { levels: { g: ['z'] } })).toThrow(/"z" is not a value of g/);
  });
});
