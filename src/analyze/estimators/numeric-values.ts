import { UsageError } from '../../core/errors.js';
import type { DataTable } from '../../core/data-table.js';
import { variableOf } from '../../core/variable-labels.js';

/**
 * The values of a numeric column (NaN = missing). Throws a UsageError for a text column, and for
 * the codes of an unordered choice question (城市 = 1, 农村 = 2 has no mean); ordered items
 * (非常不幸福 … 非常幸福 as 1–5) are averaged as scores.
 */
export function numericValues(table: DataTable, name: string, purpose: string): Float64Array {
  const column = table.column(name);
  const variable = variableOf(table, name);
  if (variable?.choices?.length && !variable.ordered) {
    throw new UsageError(`variable "${name}" is an unordered choice question, so its codes have no ${purpose}`, {
      hint: 'use survey shares or survey freq for its answers, or mark it `ordered: true` in the codebook',
    });
  }
  if (column.kind !== 'number') {
    const example = column.values.find((v) => v !== null);
    throw new UsageError(`variable "${name}" is not numeric (e.g. "${example}"), so it has no ${purpose}`, {
      hint: 'code its answers with a codebook, or choose a numeric variable',
    });
  }
  return column.values;
}
