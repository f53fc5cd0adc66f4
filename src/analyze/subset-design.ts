import { dataTable, type DataColumn } from '../core/data-table.js';
import { makeDesign, type Design } from '../core/design.js';

/** The design restricted to some rows (R: `subset(data, …)` before fitting; not domain estimation). */
export function subsetDesign(design: Design, rows: readonly number[]): Design {
  const { table } = design;
  const columns = table.names.map((name): DataColumn => {
    const c = table.column(name);
    const missing = Uint8Array.from(rows, (r) => c.missing[r]);
    return c.kind === 'number'
      ? { ...c, values: Float64Array.from(rows, (r) => c.values[r]), missing }
      : { ...c, values: rows.map((r) => c.values[r]), missing };
  });
  return makeDesign(dataTable(table.codebook, columns, Int32Array.from(rows, (r) => table.sourceRows[r])), design.spec);
}
