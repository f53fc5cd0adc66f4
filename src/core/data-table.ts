import { UsageError } from './errors.js';
import type { Codebook, MissingReason } from './types.js';

/** Why a value is missing, stored compactly: 0 = present. */
export const MISSING_CODES: readonly (MissingReason | null)[] = [null, 'empty', 'skipped', 'not-ranked', 'declared', 'invalid'];

/** One column of an analysis table: numbers (NaN = missing, codes of choice questions) or texts. */
export type DataColumn =
  | { name: string; variable: string; kind: 'number'; values: Float64Array; missing: Uint8Array }
  | { name: string; variable: string; kind: 'text'; values: (string | null)[]; missing: Uint8Array };

/**
 * A coded table in memory for analysis (arquero-style: columns, not rows). Declared missing codes
 * (说不清, 拒绝回答) are NaN in `values` with their reason in `missing` (an index into MISSING_CODES).
 */
export interface DataTable {
  readonly codebook: Codebook;
  readonly nrows: number;
  readonly names: readonly string[];
  /** 1-based data row of the original input, per row. */
  readonly sourceRows: Int32Array;
  has(name: string): boolean;
  /** The column, or a UsageError listing the columns there are. */
  column(name: string): DataColumn;
}

/** Builds a DataTable over prepared columns. */
export function dataTable(codebook: Codebook, columns: DataColumn[], sourceRows: Int32Array, file = 'the data'): DataTable {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return {
    codebook,
    nrows: sourceRows.length,
    names: columns.map((c) => c.name),
    sourceRows,
    has: (name) => byName.has(name),
    column(name) {
      const found = byName.get(name);
      if (found) return found;
      const inCodebook = codebook.variables.some((v) => v.name === name);
      if (columns.length === 0) {
        throw new UsageError(`no variable "${name}" in ${file}: none of its columns maps to ${inCodebook ? 'the codebook' : 'a codebook variable'}`, {
          hint: 'check that the codebook is the one for this file: `survey ingest FILE --codebook q.yaml` lists the columns it could not map',
        });
      }
      const shown = columns.slice(0, 30).map((c) => c.name).join(', ');
      throw new UsageError(inCodebook ? `the codebook's variable "${name}" has no column in ${file}` : `no variable "${name}" in ${file}`, {
        hint: `the ${columns.length} column${columns.length === 1 ? ' is' : 's are'}: ${shown}${columns.length > 30 ? ', …' : ''}`,
      });
    },
  };
}
