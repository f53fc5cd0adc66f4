import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { dataTable } from '../../../src/core/data-table.js';
import { describeDesign, makeDesign } from '../../../src/core/design.js';

const codebook = parseCodebook('id: t\nvariables:\n  - {name: w, type: numeric}\n  - {name: s, type: numeric}\n', 'q.yaml');
const column = (name: string, values: number[]) => ({ name, variable: name, kind: 'number' as const, values: Float64Array.from(values), missing: new Uint8Array(values.length) });
const table = dataTable(codebook, [column('w', [1, 2, 3, 4]), column('s', [1, 1, 2, 2])], Int32Array.of(1, 2, 3, 4));

describe('describeDesign', () => {
  it('says which design produced a result, in R svydesign words', () => {
    expect(describeDesign(makeDesign(table))).toBeNull();
    expect(describeDesign(makeDesign(table, { freq: 'w' }))).toBe('frequency weights w (a row counts as w cases)');
    expect(describeDesign(makeDesign(table, { weight: 'w', strata: 's' }))).toBe('svydesign(ids = ~1, strata = ~s, weights = ~w)');
    const calibrated = { ...makeDesign(table, { weight: 'w' }), spec: { weight: 'w', poststratify: 'population.yaml' } };
    expect(describeDesign(calibrated)).toBe('svydesign(ids = ~1, weights = ~w); postStratify to population.yaml');
  });
});
