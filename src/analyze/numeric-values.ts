import { UsageError } from '../core/errors.js';
import type { DataTable } from '../core/data-table.js';

/**
 * The values of a numeric column (NaN = missing). Throws a UsageError for a text column, whose
 * answers cannot be averaged.
 */
export function numericValues(table: DataTable, name: string, purpose: string): Float64Array {
  const column = table.column(name);
  if (column.kind !== 'number') {
    const example = column.values.find((v) => v !== null);
    throw new UsageError(`variable "${name}" is not numeric (e.g. "${example}"), so it has no ${purpose}`, {
      hint: 'code its answers with a codebook, or choose a numeric variable',
    });
  }
  return column.values;
}
