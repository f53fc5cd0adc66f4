import { parseExpression } from '../codebook/parse-expression.js';
import { compileExpression } from '../codebook/evaluate-expression.js';
import { dataTable, type DataColumn, type DataTable } from '../core/data-table.js';

/**
 * Adds the codebook's `derive:` variables to a table, in order (a derivation may use earlier ones):
 * true/false become 1/0, missing (null) NaN. R: `transform(d, happy = happiness >= 4)`.
 * @example applyDerivations(table) // + happy (0/1), log_income
 */
export function applyDerivations(table: DataTable, file = 'the data'): DataTable {
  const columns: DataColumn[] = table.names.map((name) => table.column(name));
  const byName = new Map(columns.map((c) => [c.name, c]));
  // One lookup for every row (it reads row i): no closure per row and derivation.
  let i = 0;
  const lookup = (name: string) => {
    const column = byName.get(name);
    if (!column) return null;
    const v = column.values[i];
    return v === null || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
  };
  for (const d of table.codebook.derive) {
    const evaluate = compileExpression(parseExpression(d.expr));
    const values = new Float64Array(table.nrows);
    const texts: (string | null)[] = new Array(table.nrows).fill(null);
    let textual = false;
    for (i = 0; i < table.nrows; i++) {
      const value = evaluate(lookup);
      if (typeof value === 'string') {
        textual = true;
        texts[i] = value;
      }
      values[i] = value === null || typeof value === 'string' ? Number.NaN : Number(value);
    }
    const missing = Uint8Array.from(values, (v, i) => (Number.isNaN(v) && texts[i] === null ? 1 : 0));
    const column: DataColumn = textual
      ? { name: d.name, variable: d.name, kind: 'text', values: texts, missing }
      : { name: d.name, variable: d.name, kind: 'number', values, missing };
    columns.push(column);
    byName.set(d.name, column);
  }
  return dataTable(table.codebook, columns, table.sourceRows, file);
}
