import { dataTable, type DataTable } from '../../../src/core/data-table.js';
import type { Codebook } from '../../../src/core/types.js';

/** A DataTable of numeric columns (NaN = missing) for estimator tests, with an optional codebook. */
export function numericTable(columns: Record<string, number[]>, codebook: Partial<Codebook> = {}): DataTable {
  const entries = Object.entries(columns);
  const nrows = entries[0][1].length;
  return dataTable(
    { id: 'test', variables: [], checks: [], derive: [], ...codebook },
    entries.map(([name, values]) => ({ name, variable: name, kind: 'number' as const, values: Float64Array.from(values), missing: Uint8Array.from(values, (v) => (Number.isNaN(v) ? 1 : 0)) })),
    Int32Array.from({ length: nrows }, (_, i) => i + 1),
  );
}

/** Repeats each row f times: what frequency weights must be equivalent to. */
export function expandRows(columns: Record<string, number[]>, freq: number[]): Record<string, number[]> {
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.flatMap((v, i) => Array<number>(freq[i]).fill(v))]));
}
