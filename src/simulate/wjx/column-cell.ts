import { EMPTY, type SimulatedColumn } from '../simulated-sample.js';

/** A written cell: a number, a text, or null for an empty cell. */
export type Cell = string | number | null;

/**
 * The observed value of a column at a row: null when empty, the code (or label) of the choice or
 * declared missing code, else the number.
 */
export function columnCell(column: SimulatedColumn, row: number, labels: boolean): Cell {
  const missing = column.missing[row];
  if (missing === EMPTY) return null;
  const choice = missing >= 0 ? column.variable?.missing?.[missing] : column.variable?.choices?.[column.values[row]];
  if (!choice) return column.values[row];
  return labels ? choice.label : choice.code;
}
