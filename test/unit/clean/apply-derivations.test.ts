import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { applyDerivations } from '../../../src/clean/apply-derivations.js';
import { dataTable } from '../../../src/core/data-table.js';

const codebook = parseCodebook(
  `id: t
variables:
  - {name: happiness, type: single, choices: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - {name: income, type: numeric}
derive:
  - {name: happy, expr: "happiness >= 4"}
  - {name: log_income, expr: "log(income)"}
  - {name: rich_and_happy, expr: "happy and income > 50000"}
`,
  'q.yaml',
);

describe('applyDerivations', () => {
  it('adds derived columns in order: booleans as 1/0, missing and log(0) as NaN', () => {
    const table = dataTable(
      codebook,
      [
        { name: 'happiness', variable: 'happiness', kind: 'number', values: Float64Array.of(5, 2, Number.NaN, 4), missing: Uint8Array.of(0, 0, 1, 0) },
        { name: 'income', variable: 'income', kind: 'number', values: Float64Array.of(60000, 0, 1000, 20000), missing: Uint8Array.of(0, 0, 0, 0) },
      ],
      Int32Array.of(1, 2, 3, 4),
    );
    const derived = applyDerivations(table);
    expect(derived.names).toEqual(['happiness', 'income', 'happy', 'log_income', 'rich_and_happy']);
    expect([...derived.column('happy').values]).toEqual([1, 0, Number.NaN, 1]);
    expect([...derived.column('log_income').values]).toEqual([Math.log(60000), Number.NaN, Math.log(1000), Math.log(20000)]);
    // Three-valued logic as in R: NA & FALSE is FALSE.
    expect([...derived.column('rich_and_happy').values]).toEqual([1, 0, 0, 0]);
    expect([...derived.sourceRows]).toEqual([1, 2, 3, 4]);
  });
});
