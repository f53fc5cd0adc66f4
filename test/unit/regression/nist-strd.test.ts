import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { dataTable } from '../../../src/core/data-table.js';
import { makeDesign } from '../../../src/core/design.js';

// NIST StRD linear least squares, certified values to 15 digits (public domain, kept in the repo so a
// fresh clone tests without ../shared; test/reference/nist-strd/README.md).
const file = fileURLToPath(new URL('../../reference/nist-strd/nist-strd-linear.json', import.meta.url));
const nist = JSON.parse(readFileSync(file, 'utf8')).datasets as Record<string, { columns: string[]; data: number[][]; certified: number[][]; origin: string }>;

/** Log relative error (McCullough 1998): digits of agreement, capped at 15; absolute when certified is 0. */
function lre(value: number, certified: number): number {
  const error = certified === 0 ? Math.abs(value) : Math.abs(value - certified) / Math.abs(certified);
  return error === 0 ? 15 : Math.min(15, -Math.log10(error));
}

function formulaOf(name: string, columns: string[], terms: number): string {
  if (name === 'NoInt1') return 'y ~ x - 1';
  if (columns.length > 2) return `y ~ ${columns.slice(1).join(' + ')}`;
  return `y ~ x${Array.from({ length: terms - 2 }, (_, k) => ` + I(x^${k + 2})`).join('')}`;
}

describe('fitOls on NIST StRD (LRE = digits agreeing with the certified values)', () => {
  const floor: Record<string, number> = { Filip: 7 };
  for (const [name, set] of Object.entries(nist)) {
    it(`${name}: LRE ≥ ${floor[name] ?? 9} on every coefficient and standard error`, () => {
      const columns = set.columns;
      const table = dataTable(
        { id: 'nist', variables: [], checks: [], derive: [] },
        columns.map((c, k) => ({ name: c, variable: c, kind: 'number' as const, values: Float64Array.from(set.data, (row) => row[k]), missing: new Uint8Array(set.data.length) })),
        Int32Array.from(set.data, (_, i) => i + 1),
      );
      const fit = fitOls(makeDesign(table), formulaOf(name, columns, set.certified.length));
      const estimates = fit.coefficients.map((c, j) => lre(c.estimate, set.certified[j][0]));
      const errors = fit.coefficients.map((c, j) => lre(c.standardError, set.certified[j][1]));
      const worst = Math.min(...estimates, ...errors);
      expect(worst, `${name}: LRE estimates ${estimates.map((v) => v.toFixed(1))}, SE ${errors.map((v) => v.toFixed(1))}`).toBeGreaterThanOrEqual(floor[name] ?? 9);
    });
  }
});
